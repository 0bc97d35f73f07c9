import type { z } from 'zod';
import {
  BATCH_FILTERS,
  BATCH_SORTS,
  settingsValues,
  batchResponse,
  panelResponse,
  quotaList,
  settingsResponse,
} from '@thidua/contracts/eligibility.ts';
import { jobSchema } from '@thidua/contracts/jobs.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { ELIGIBILITY_KEY, invalidateEligibility } from '../../../lib/eligibility-keys.ts';
import { invalidateHistory } from '../../../lib/history.ts';

export type SubjectType = 'person' | 'unit';

/** One criterion of one award: the article it comes from (`law-06-2022/art-23`), met or not, and why. */

export type SubjectEligibility = z.infer<typeof panelResponse>;
export type AwardVerdict = SubjectEligibility['items'][number];
export type Reason = AwardVerdict['reasons'][number];

export type Population = { unitId: number } | { clusterId: number } | { authorityId: number };

export interface BatchQuery {
  award: string;
  year: number;
  population: Population;
}

export type Batch = z.infer<typeof batchResponse>;
export type QuotaUsage = NonNullable<Batch['quota']>;
export type Candidate = Batch['candidates'][number];

export const ROUNDINGS = ['floor', 'half-up', 'ceil'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export interface QuotaPolicy {
  awardCode: string;
  year: number;
  ratePercent: number;
  rounding: Rounding;
  minOne: boolean;
  baseAwardCode: string | null;
}

export type QuotaPolicyList = z.infer<typeof quotaList>;

/** The earliest year the rulebooks judge (the server refuses older ones). */
export const FIRST_YEAR = 2024;

export function useSubjectEligibility(type: SubjectType, id: number, year: number) {
  return useQuery({
    queryKey: [...ELIGIBILITY_KEY, 'subject', type, id, year],
    queryFn: ({ signal }) => api.get(panelResponse, `/eligibility/subjects/${type}/${id}`, { year }, signal),
    placeholderData: keepPreviousData,
  });
}

export function batchParams({ award, year, population }: BatchQuery): Record<string, string | number> {
  return { award, year, ...population };
}

/** A page of a batch's candidates: sorted by a column, filtered, every row reachable through the pages. */
export interface BatchView {
  page: number;
  pageSize: number;
  sort: (typeof BATCH_SORTS)[number];
  order: 'asc' | 'desc';
  filter: (typeof BATCH_FILTERS)[number];
}
export const FIRST_VIEW: BatchView = { page: 1, pageSize: 50, sort: 'rank', order: 'asc', filter: 'all' };

export function useBatch(query: BatchQuery | null, view: BatchView) {
  return useQuery({
    queryKey: [...ELIGIBILITY_KEY, 'batch', query ? batchParams(query) : null, view],
    queryFn: ({ signal }) => api.get(batchResponse, '/eligibility/batch', { ...batchParams(query!), ...view }, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

const quotasKey = (authorityId: number) => ['quotas', authorityId] as const;

export function useQuotaPolicies(authorityId: number | null) {
  return useQuery({
    queryKey: quotasKey(authorityId ?? 0),
    queryFn: ({ signal }) => api.get(quotaList, `/eligibility/quotas/${authorityId}`, undefined, signal),
    enabled: authorityId !== null,
  });
}

export function useSaveQuotaPolicy(authorityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: QuotaPolicy) => api.put(quotaList, `/eligibility/quotas/${authorityId}`, policy),
    onSuccess: (answer) => {
      if (answer && typeof answer === 'object' && 'items' in answer) queryClient.setQueryData(quotasKey(authorityId), answer);
      // quota usage in the batch view follows the policy
      void invalidateEligibility(queryClient);
      void invalidateHistory(queryClient);
    },
  });
}

/** Points the law leaves to the issuer (packages/domain/src/rulebook/settings.ts); the server answers the defaults merged with the overrides. */

/** Points the law leaves to the issuer (packages/domain/src/rulebook/settings.ts): every key, as in force. */
export type IssuerSettingsValues = z.infer<typeof settingsValues>;
export type CollectiveChain = IssuerSettingsValues['collectivePmCertificate'];

export type SettingKey = keyof IssuerSettingsValues;

export type IssuerSettingsAnswer = z.infer<typeof settingsResponse>;

const settingsKey = (authorityId: number, year: number) => ['issuer-settings', authorityId, year] as const;

export function useIssuerSettings(authorityId: number | null, year: number) {
  return useQuery({
    queryKey: settingsKey(authorityId ?? 0, year),
    queryFn: ({ signal }) => api.get(settingsResponse, `/eligibility/settings/${authorityId}`, { year }, signal),
    enabled: authorityId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Sets the overrides in force from `year` on (they replace that year's overrides as a whole). */
export function useSaveIssuerSettings(authorityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; overrides: Partial<IssuerSettingsValues> }) =>
      api.put(settingsResponse, `/eligibility/settings/${authorityId}`, body),
    onSuccess: (answer) => {
      // later years may inherit the row: forget them all
      void queryClient.invalidateQueries({ queryKey: ['issuer-settings', authorityId] });
      if (answer && typeof answer === 'object' && 'effective' in answer)
        queryClient.setQueryData(settingsKey(authorityId, answer.year), answer);
      void invalidateEligibility(queryClient);
      void invalidateHistory(queryClient);
    },
  });
}

// ——— a batch run as a job (province-wide) ———
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type Job = z.infer<typeof jobSchema>;

const jobKey = (id: number | null) => ['job', id] as const;
const isOpen = (state: JobState | undefined) => state === 'queued' || state === 'running';

export function useStartBatchJob() {
  return useMutation({
    mutationFn: (query: BatchQuery) =>
      api.post(jobSchema, '/eligibility/batch-jobs', { award: query.award, year: query.year, ...query.population }),
  });
}

/** A job's state and progress, asked again every second while it waits or runs. */
export function useJob(id: number | null) {
  return useQuery({
    queryKey: jobKey(id),
    queryFn: ({ signal }) => api.get(jobSchema, `/jobs/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (isOpen(query.state.data?.state) ? 1_000 : false),
  });
}

export function useBatchJobResult(id: number | null, finished: boolean, view: BatchView) {
  return useQuery({
    queryKey: ['batch-job-result', id, view],
    queryFn: ({ signal }) => api.get(batchResponse, `/eligibility/batch-jobs/${id}/result`, { ...view }, signal),
    enabled: id !== null && finished,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(jobSchema, `/jobs/${id}/cancel`),
    onSuccess: (job) => queryClient.setQueryData(jobKey(job.id), job),
  });
}

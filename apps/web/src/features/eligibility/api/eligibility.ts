import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api.ts';
import { ELIGIBILITY_KEY, invalidateEligibility } from '../../../lib/eligibility-keys.ts';
import { invalidateHistory } from '../../../lib/history.ts';

export type SubjectType = 'person' | 'unit';

/** One criterion of one award: the article it comes from (`law-06-2022/art-23`), met or not, and why. */
export interface Reason {
  rule: string;
  met: boolean;
  message: string;
}

export interface AwardVerdict {
  award: string;
  awardName: string;
  eligible: boolean;
  /** The reward money of a title in whole đồng (coefficient × base salary); null where the rulebook has none. */
  rewardVnd: number | null;
  reasons: Reason[];
}

export interface SubjectEligibility {
  subject: { type: SubjectType; id: number; name: string };
  year: number;
  rulebook: string | null;
  items: AwardVerdict[];
}

export type Population = { unitId: number } | { clusterId: number } | { authorityId: number };

export interface BatchQuery {
  award: string;
  year: number;
  population: Population;
}

export interface QuotaUsage {
  ratePercent: number;
  rounding: string;
  minOne: boolean;
  baseAwardCode: string | null;
  base: number;
  quota: number;
  used: number;
  tieAtBoundary: boolean;
  rule: string;
}

export interface Candidate {
  id: number;
  name: string;
  unitName: string;
  gender: string | null;
  merit: number;
  eligible: boolean;
  withinQuota: boolean | null;
  failed: string[];
  outsideReason: string | null;
}

export interface Batch {
  award: string;
  awardName: string;
  year: number;
  rulebook: string;
  considered: number;
  eligibleCount: number;
  quota: QuotaUsage | null;
  candidates: Candidate[];
}

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

export interface QuotaPolicyList {
  items: QuotaPolicy[];
  abilities: { set: boolean };
}

/** The earliest year the rulebooks judge (the server refuses older ones). */
export const FIRST_YEAR = 2024;

export function useSubjectEligibility(type: SubjectType, id: number, year: number) {
  return useQuery({
    queryKey: [...ELIGIBILITY_KEY, 'subject', type, id, year],
    queryFn: ({ signal }) => api.get<SubjectEligibility>(`/eligibility/subjects/${type}/${id}`, { year }, signal),
    placeholderData: keepPreviousData,
  });
}

export function batchParams({ award, year, population }: BatchQuery): Record<string, string | number> {
  return { award, year, ...population };
}

export function useBatch(query: BatchQuery | null) {
  return useQuery({
    queryKey: [...ELIGIBILITY_KEY, 'batch', query ? batchParams(query) : null],
    queryFn: ({ signal }) => api.get<Batch>('/eligibility/batch', batchParams(query!), signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

const quotasKey = (authorityId: number) => ['quotas', authorityId] as const;

export function useQuotaPolicies(authorityId: number | null) {
  return useQuery({
    queryKey: quotasKey(authorityId ?? 0),
    queryFn: ({ signal }) => api.get<QuotaPolicyList>(`/eligibility/quotas/${authorityId}`, undefined, signal),
    enabled: authorityId !== null,
  });
}

export function useSaveQuotaPolicy(authorityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: QuotaPolicy) => request<QuotaPolicyList>('PUT', `/eligibility/quotas/${authorityId}`, { body: policy }),
    onSuccess: (answer) => {
      if (answer && typeof answer === 'object' && 'items' in answer) queryClient.setQueryData(quotasKey(authorityId), answer);
      // quota usage in the batch view follows the policy
      void invalidateEligibility(queryClient);
      void invalidateHistory(queryClient);
    },
  });
}

/** Points the law leaves to the issuer (packages/domain/src/rulebook/settings.ts); the server answers the defaults merged with the overrides. */
export interface CollectiveChain {
  htxsYears: number;
  flags: number;
  excellentCollectiveTitles: number;
}

export interface IssuerSettingsValues {
  art74d_initiativesApplyToGrassrootsFighterBranch: boolean;
  provincialFighterChainEnds: 'proposal-year' | 'year-before';
  provincialFighterCycleYears: number;
  evidenceWindowYears: Record<string, number>;
  excellentCollectiveBarsWarningDiscipline: boolean;
  flagRequiresExcellentCollective: boolean;
  flagRequiresMovementClaim: boolean;
  collectiveMeritCertificateHtxsYears: number;
  collectivePmCertificate: CollectiveChain;
  collectiveLabourOrder: CollectiveChain;
  disciplineRestartsChains: boolean;
}

export type SettingKey = keyof IssuerSettingsValues;

export interface IssuerSettingsAnswer {
  authorityId: number;
  year: number;
  /** The year of the row in force (the latest at or before `year`); null when only the defaults apply. */
  fromYear: number | null;
  overrides: Partial<IssuerSettingsValues>;
  effective: IssuerSettingsValues;
  abilities: { set: boolean };
}

const settingsKey = (authorityId: number, year: number) => ['issuer-settings', authorityId, year] as const;

export function useIssuerSettings(authorityId: number | null, year: number) {
  return useQuery({
    queryKey: settingsKey(authorityId ?? 0, year),
    queryFn: ({ signal }) => api.get<IssuerSettingsAnswer>(`/eligibility/settings/${authorityId}`, { year }, signal),
    enabled: authorityId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Sets the overrides in force from `year` on (they replace that year's overrides as a whole). */
export function useSaveIssuerSettings(authorityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; overrides: Partial<IssuerSettingsValues> }) =>
      api.put<IssuerSettingsAnswer>(`/eligibility/settings/${authorityId}`, body),
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
export interface Job {
  id: number;
  kind: string;
  state: JobState;
  done: number;
  total: number | null;
  attempts: number;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  abilities: { cancel: boolean };
}

const jobKey = (id: number | null) => ['job', id] as const;
const isOpen = (state: JobState | undefined) => state === 'queued' || state === 'running';

export function useStartBatchJob() {
  return useMutation({
    mutationFn: (query: BatchQuery) =>
      api.post<Job>('/eligibility/batch-jobs', { award: query.award, year: query.year, ...query.population }),
  });
}

/** A job's state and progress, asked again every second while it waits or runs. */
export function useJob(id: number | null) {
  return useQuery({
    queryKey: jobKey(id),
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (isOpen(query.state.data?.state) ? 1_000 : false),
  });
}

export function useBatchJobResult(id: number | null, finished: boolean) {
  return useQuery({
    queryKey: ['batch-job-result', id],
    queryFn: ({ signal }) => api.get<Batch>(`/eligibility/batch-jobs/${id}/result`, undefined, signal),
    enabled: id !== null && finished,
    staleTime: Infinity,
  });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Job>(`/jobs/${id}/cancel`),
    onSuccess: (job) => queryClient.setQueryData(jobKey(job.id), job),
  });
}

import type { z } from 'zod';
import { clusterDetail } from '@thidua/contracts/clusters.ts';
import { criteriaContent, criteriaSetSchema, type CriteriaSetResponse } from '@thidua/contracts/scoring.ts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';

export type CriteriaSet = CriteriaSetResponse;
export type CriteriaContent = z.infer<typeof criteriaContent>;
export type CriterionGroup = CriteriaContent['groups'][number];
export type CriterionItem = CriterionGroup['items'][number];
export type KnockOut = CriteriaContent['knockOuts'][number];
/** Mid-year round (sơ kết 6 tháng) or year-end round (tổng kết năm). */
export type Period = CriteriaSet['period'];
export type ScoringMethod = CriterionItem['method'];
export type ItemKind = CriterionItem['kind'];

export const PERIODS: Period[] = ['H1', 'FY'];
export const METHODS: ScoringMethod[] = ['binary', 'proportional', 'graded', 'manual'];
export const KINDS: ItemKind[] = ['regular', 'bonus', 'penalty'];

const key = (clusterId: number, year: number, period: Period) => ['criteria', clusterId, year, period] as const;
const path = (clusterId: number, year: number) => `/clusters/${clusterId}/years/${year}/criteria`;

/** The latest version of the round's table; `null` while the round has none yet (the server answers 404). */
export function useCriteria(clusterId: number, year: number, period: Period) {
  return useQuery({
    queryKey: key(clusterId, year, period),
    queryFn: async ({ signal }) => {
      try {
        return await api.get(criteriaSetSchema, path(clusterId, year), { period }, signal);
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND') || (isApiError(error) && error.status === 404)) return null;
        throw error;
      }
    },
  });
}

/** The cluster the table belongs to: its name and what the caller may do on it (who may start a table). */
export function useCriteriaCluster(clusterId: number) {
  return useQuery({
    queryKey: ['clusters', 'detail', clusterId],
    queryFn: ({ signal }) => api.get(clusterDetail, `/clusters/${clusterId}`, undefined, signal),
  });
}

function keep(queryClient: QueryClient, clusterId: number, year: number, saved: CriteriaSet) {
  if (saved && typeof saved === 'object' && 'content' in saved) queryClient.setQueryData(key(clusterId, year, saved.period), saved);
  void invalidateHistory(queryClient);
}

export interface SaveCriteria extends CriteriaContent {
  period: Period;
  /** The row version the editor saw; absent for the round's first draft. */
  rowVersion?: number;
}

export function useSaveCriteria(clusterId: number, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveCriteria) => api.put(criteriaSetSchema, path(clusterId, year), body),
    onSuccess: (saved) => keep(queryClient, clusterId, year, saved),
  });
}

export function useCopyCriteria(clusterId: number, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fromClusterId: number; fromYear: number; period: Period }) =>
      api.post(criteriaSetSchema, `${path(clusterId, year)}/copy`, body),
    onSuccess: (saved) => keep(queryClient, clusterId, year, saved),
  });
}

export function useOpenScoring(clusterId: number, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: Period; rowVersion: number }) => api.post(criteriaSetSchema, `${path(clusterId, year)}/open`, body),
    onSuccess: (saved) => keep(queryClient, clusterId, year, saved),
  });
}

export function useNewCriteriaVersion(clusterId: number, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: Period }) => api.post(criteriaSetSchema, `${path(clusterId, year)}/new-version`, body),
    onSuccess: (saved) => keep(queryClient, clusterId, year, saved),
  });
}

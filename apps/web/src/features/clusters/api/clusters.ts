import type { z } from 'zod';
import { clusterDetail, clusterItem } from '@thidua/contracts/clusters.ts';
import { page as pageOf } from '@thidua/contracts/shared.ts';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';
import type { ListParams } from '../../../lib/list-params.ts';

export type ClusterKind = 'CLUSTER' | 'BLOCK';
export const CLUSTER_KINDS: ClusterKind[] = ['CLUSTER', 'BLOCK'];

export type Cluster = z.infer<typeof clusterItem>;

export type ClusterDetail = z.infer<typeof clusterDetail>;
export type ClusterDecision = ClusterDetail['decision'];
export type ClusterMembership = ClusterDetail['memberships'][number];
export type ClusterLeadership = ClusterDetail['leadership'][number];
export type FlagCustody = ClusterDetail['flagCustody'][number];

export interface ClusterPatch {
  version: number;
  name?: string;
  activeTo?: string | null;
}

export interface NewCluster {
  authorityId: number;
  code: string;
  kind: ClusterKind;
  name: string;
  activeFrom: string;
  activeTo?: string | null;
  decision: { number: string; issuedOn: string; issuer: string; signerName: string; signerTitle: string; summary: string };
}

export interface NewMembership {
  unitId: number;
  year: number;
  from?: string | null;
  to?: string | null;
}

export interface Leadership {
  headUnitId: number;
  deputyUnitId?: number | null;
  /** The version shown to the editor; 0 when the year had no head yet. */
  version: number;
}

export interface FlagHandover {
  unitId: number;
  from: string;
  note?: string | null;
}

export function useClusters(params: ListParams) {
  const { q, page, pageSize, filters } = params;
  return useQuery({
    queryKey: ['clusters', 'list', { q, page, pageSize, ...filters }],
    queryFn: ({ signal }) => api.get(pageOf(clusterItem), '/clusters', { q, page, pageSize, ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: number) {
  return useQuery({
    queryKey: ['clusters', 'detail', id],
    queryFn: ({ signal }) => api.get(clusterDetail, `/clusters/${id}`, undefined, signal),
  });
}

export function useUpdateCluster(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ClusterPatch) => api.patch(clusterDetail, `/clusters/${id}`, patch),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'memberships' in saved) queryClient.setQueryData(['clusters', 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['clusters'] });
      void invalidateHistory(queryClient);
    },
  });
}

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cluster: NewCluster) => api.post(clusterDetail, '/clusters', cluster),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved) queryClient.setQueryData(['clusters', 'detail', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['clusters'] });
    },
  });
}

/**
 * Members, leaders and the flag: each write answers with the whole cluster, which replaces the cached one.
 * The list's member counts and leaders follow, and so does the history.
 */
function useClusterWrite<V>(id: number, write: (value: V) => Promise<ClusterDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'memberships' in saved) queryClient.setQueryData(['clusters', 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['clusters'] });
      void invalidateHistory(queryClient);
    },
  });
}

export function useAddMember(id: number) {
  return useClusterWrite(id, (m: NewMembership) => api.post(clusterDetail, `/clusters/${id}/memberships`, m));
}

export function useRemoveMember(id: number) {
  return useClusterWrite(id, (membershipId: number) => api.delete(clusterDetail, `/clusters/${id}/memberships/${membershipId}`));
}

export function useSetLeadership(id: number) {
  return useClusterWrite(id, ({ year, ...body }: Leadership & { year: number }) =>
    api.put(clusterDetail, `/clusters/${id}/leadership/${year}`, body),
  );
}

export function useHandOverFlag(id: number) {
  return useClusterWrite(id, (handover: FlagHandover) => api.post(clusterDetail, `/clusters/${id}/flag-custody`, handover));
}

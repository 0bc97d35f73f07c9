import type { z } from 'zod';
import { authorityOverviewSchema, authoritySchema } from '@thidua/contracts/authorities.ts';
import { page as pageOf } from '@thidua/contracts/shared.ts';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';
import type { ListParams } from '../../../lib/list-params.ts';

export type AuthorityKind = 'PROVINCE' | 'MINISTRY' | 'CENTRAL_COUNCIL';
export const AUTHORITY_KINDS: AuthorityKind[] = ['PROVINCE', 'MINISTRY', 'CENTRAL_COUNCIL'];

export type Authority = z.infer<typeof authoritySchema>;
export type AuthorityOverview = z.infer<typeof authorityOverviewSchema>;

export interface AuthorityFields {
  name: string;
  shortName: string | null;
  place: string | null;
}

export function useAuthorities(params: ListParams) {
  const { q, page, pageSize, filters } = params;
  return useQuery({
    queryKey: ['authorities', 'list', { q, page, pageSize, ...filters }],
    queryFn: ({ signal }) => api.get(pageOf(authoritySchema), '/authorities', { q, page, pageSize, ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuthority(id: number) {
  return useQuery({
    queryKey: ['authorities', 'detail', id],
    queryFn: ({ signal }) => api.get(authoritySchema, `/authorities/${id}`, undefined, signal),
  });
}

/** Its units, clusters and blocks, quotas and settings, as far as the caller sees them. */
export function useAuthorityOverview(id: number) {
  return useQuery({
    queryKey: ['authorities', 'overview', id],
    // gathered from other records (clusters, quotas, settings) edited on other screens: fetched afresh on each visit
    staleTime: 0,
    queryFn: ({ signal }) => api.get(authorityOverviewSchema, `/authorities/${id}/overview`, undefined, signal),
  });
}

export function useUpdateAuthority(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<AuthorityFields> & { version: number }) => api.patch(authoritySchema, `/authorities/${id}`, patch),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved) queryClient.setQueryData(['authorities', 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['authorities'] });
      void invalidateHistory(queryClient);
    },
  });
}

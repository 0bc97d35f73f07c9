import type { z } from 'zod';
import { authoritySchema } from '@thidua/contracts/authorities.ts';
import { page as pageOf } from '@thidua/contracts/shared.ts';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';
import type { ListParams } from '../../../lib/list-params.ts';

export type AuthorityKind = 'PROVINCE' | 'MINISTRY' | 'CENTRAL_COUNCIL';
export const AUTHORITY_KINDS: AuthorityKind[] = ['PROVINCE', 'MINISTRY', 'CENTRAL_COUNCIL'];

export type Authority = z.infer<typeof authoritySchema>;

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

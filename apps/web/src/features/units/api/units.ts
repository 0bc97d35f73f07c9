import type { z } from 'zod';
import { page as pageOf } from '@thidua/contracts/shared.ts';
import { UNIT_TYPES, unitClustersSchema, unitSchema } from '@thidua/contracts/units.ts';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';
import type { ListParams } from '../../../lib/list-params.ts';

/** The unit types are the contract's. */
export { UNIT_TYPES };
export type UnitType = (typeof UNIT_TYPES)[number];

export type Unit = z.infer<typeof unitSchema>;
export type UnitRef = Unit['predecessors'][number];
export type UnitCluster = z.infer<typeof unitClustersSchema>['items'][number];

/** The fields a person edits; the server answers with the whole unit. */
export interface UnitFields {
  name: string;
  shortName: string | null;
  unitType: UnitType;
  legalEntity: boolean;
  stateCapitalPct: number | null;
  parentId: number | null;
  province: string | null;
  taxCode: string | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
}

export interface NewUnit extends UnitFields {
  authorityId: number;
  code: string;
}

export function useUnits(params: ListParams) {
  const { q, page, pageSize, filters } = params;
  return useQuery({
    queryKey: ['units', 'list', { q, page, pageSize, ...filters }],
    queryFn: ({ signal }) => api.get(pageOf(unitSchema), '/units', { q, page, pageSize, ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: number) {
  return useQuery({
    queryKey: ['units', 'detail', id],
    queryFn: ({ signal }) => api.get(unitSchema, `/units/${id}`, undefined, signal),
  });
}

/** The clusters and blocks the unit belongs to, as far as the caller sees them. */
export function useUnitClusters(id: number) {
  return useQuery({
    queryKey: ['units', 'clusters', id],
    // gathered from other records (clusters, quotas, settings) edited on other screens: fetched afresh on each visit
    staleTime: 0,
    queryFn: ({ signal }) => api.get(unitClustersSchema, `/units/${id}/clusters`, undefined, signal),
  });
}

export function useUpdateUnit(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<UnitFields> & { version: number }) => api.patch(unitSchema, `/units/${id}`, patch),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved) queryClient.setQueryData(['units', 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void invalidateHistory(queryClient);
    },
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unit: NewUnit) => api.post(unitSchema, '/units', unit),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}

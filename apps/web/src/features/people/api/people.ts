import type { PersonAbilities } from '@thidua/domain/access/policies.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';
import type { ListParams } from '../../../lib/list-params.ts';

export type Gender = 'female' | 'male';
export const GENDERS: Gender[] = ['female', 'male'];

export interface Position {
  id: number;
  unitId: number;
  unitName: string;
  title: string;
  from: string | null;
  to: string | null;
}

export interface Person {
  id: number;
  code: string;
  fullName: string;
  gender: Gender;
  birthDate: string | null;
  unitId: number | null;
  unitName: string | null;
  version: number;
  positions: Position[];
  abilities: PersonAbilities;
}

export interface PersonFields {
  fullName: string;
  gender: Gender;
  birthDate: string | null;
}

export function usePeople(params: ListParams) {
  const { q, page, pageSize, filters } = params;
  return useQuery({
    queryKey: ['people', 'list', { q, page, pageSize, ...filters }],
    queryFn: ({ signal }) => api.get<Page<Person>>('/people', { q, page, pageSize, ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) => api.get<Person>(`/people/${id}`, undefined, signal),
  });
}

export function useUpdatePerson(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<PersonFields> & { version: number }) => api.patch<Person>(`/people/${id}`, patch),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved) queryClient.setQueryData(['people', 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void invalidateHistory(queryClient);
    },
  });
}

export interface NewPerson {
  unitId: number;
  code: string;
  fullName: string;
  gender: Gender;
  birthDate?: string | null;
}

export interface NewPosition {
  unitId: number;
  title: string;
  from: string;
  to?: string | null;
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: NewPerson) => api.post<Person>('/people', person),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved) queryClient.setQueryData(['people', 'detail', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
    },
  });
}

/** Positions held: the server answers with the whole person, which replaces the cached one. */
function usePositionsWrite<V>(id: number, write: (value: V) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'positions' in saved) queryClient.setQueryData(['people', 'detail', id], saved);
      else void queryClient.invalidateQueries({ queryKey: ['people', 'detail', id] });
      void invalidateHistory(queryClient);
    },
  });
}

export function useAddPosition(id: number) {
  return usePositionsWrite(id, (position: NewPosition) => api.post<Person>(`/people/${id}/positions`, position));
}

export function useRemovePosition(id: number) {
  return usePositionsWrite(id, (positionId: number) => api.delete<Person>(`/people/${id}/positions/${positionId}`));
}

import type { z } from 'zod';
import { personItem, personSchema } from '@thidua/contracts/people.ts';
import { page as pageOf } from '@thidua/contracts/shared.ts';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';
import type { ListParams } from '../../../lib/list-params.ts';

export type Gender = 'female' | 'male';
export const GENDERS: Gender[] = ['female', 'male'];

/** A person with positions held, as the server's contract gives it. */
export type Person = z.infer<typeof personSchema>;
export type PersonItem = z.infer<typeof personItem>;
export type Position = Person['positions'][number];

export interface PersonFields {
  fullName: string;
  gender: Gender;
  birthDate: string | null;
}

export function usePeople(params: ListParams) {
  const { q, page, pageSize, filters } = params;
  return useQuery({
    queryKey: ['people', 'list', { q, page, pageSize, ...filters }],
    queryFn: ({ signal }) => api.get(pageOf(personItem), '/people', { q, page, pageSize, ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) => api.get(personSchema, `/people/${id}`, undefined, signal),
  });
}

export function useUpdatePerson(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<PersonFields> & { version: number }) => api.patch(personSchema, `/people/${id}`, patch),
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
    mutationFn: (person: NewPerson) => api.post(personSchema, '/people', person),
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
  return usePositionsWrite(id, (position: NewPosition) => api.post(personSchema, `/people/${id}/positions`, position));
}

export function useRemovePosition(id: number) {
  return usePositionsWrite(id, (positionId: number) => api.delete(personSchema, `/people/${id}/positions/${positionId}`));
}

import { queryOptions } from '@tanstack/react-query';
import { historySchema } from '@thidua/contracts/records.ts';
import { api } from './api.ts';

/**
 * A person's or collective's records, read from one cache entry. The records feature owns and writes them; the
 * decision editor reads the initiatives and works an award may rely on from the same entry.
 */
export const recordsKey = (type: 'person' | 'unit', id: number) => ['records', type, id] as const;

export const recordsQuery = (type: 'person' | 'unit', id: number) =>
  queryOptions({
    queryKey: recordsKey(type, id),
    queryFn: ({ signal }) => api.get(historySchema, `/records/${type}/${id}`, undefined, signal),
  });

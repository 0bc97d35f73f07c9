import type { z } from 'zod';
import { historySchema } from '@thidua/contracts/records.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { recordsKey, recordsQuery } from '../../../lib/records-query.ts';
import { invalidateEligibility } from '../../../lib/eligibility-keys.ts';
import { invalidateHistory } from '../../../lib/history.ts';

export type SubjectType = 'person' | 'unit';

export const REVIEW_TYPES = ['DISCIPLINARY_REVIEW', 'INSPECTION', 'INVESTIGATION', 'COMPLAINT'] as const;
export const EVIDENCE_TYPES = ['INITIATIVE', 'SCIENCE_WORK'] as const;

/** Everything the eligibility rules read about one person or collective: the contract's shape. */
export type Records = z.infer<typeof historySchema>;
export type Rating = Records['ratings'][number];
export type AwardReceived = Records['awards'][number];
export type Evidence = Records['evidence'][number];
export type Discipline = Records['discipline'][number];
export type Leave = Records['leaves'][number];
export type Review = Records['reviews'][number];
export type Figures = Records['figures'][number];

export type RecordKind = 'ratings' | 'awards' | 'evidence' | 'discipline' | 'leaves' | 'reviews' | 'figures';

export function useRecords(type: SubjectType, id: number) {
  return useQuery(recordsQuery(type, id));
}

/** Adds to or removes from the records; the server answers with the whole document, which replaces the cached one. */
function useRecordsWrite<V>(type: SubjectType, id: number, write: (value: V) => Promise<Records>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (records) => {
      if (records && typeof records === 'object' && 'subject' in records) queryClient.setQueryData(recordsKey(type, id), records);
      else void queryClient.invalidateQueries({ queryKey: recordsKey(type, id) });
      void invalidateEligibility(queryClient);
      void invalidateHistory(queryClient);
    },
  });
}

export function useAddRecord(type: SubjectType, id: number) {
  return useRecordsWrite(type, id, ({ kind, body }: { kind: RecordKind; body: object }) =>
    api.post(historySchema, `/records/${type}/${id}/${kind}`, body),
  );
}

/** Ratings and member figures are removed by their year, the others by id. */
export function useRemoveRecord(type: SubjectType, id: number) {
  return useRecordsWrite(type, id, ({ kind, recordId }: { kind: RecordKind; recordId: number }) =>
    api.delete(historySchema, `/records/${type}/${id}/${kind}/${recordId}`),
  );
}

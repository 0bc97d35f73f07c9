import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { invalidateEligibility } from '../../../lib/eligibility-keys.ts';
import { invalidateHistory } from '../../../lib/history.ts';

export type SubjectType = 'person' | 'unit';

export const REVIEW_TYPES = ['DISCIPLINARY_REVIEW', 'INSPECTION', 'INVESTIGATION', 'COMPLAINT'] as const;
export const EVIDENCE_TYPES = ['INITIATIVE', 'SCIENCE_WORK'] as const;

export interface Rating {
  year: number;
  rating: string;
  decisionRef: string | null;
}

export interface AwardReceived {
  id: number;
  awardCode: string;
  year: number;
  kind: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  evidenceIds: number[];
}

export interface Evidence {
  id: number;
  evidenceType: (typeof EVIDENCE_TYPES)[number];
  title: string;
  year: number;
  scope: string;
  recognitionRef: string | null;
  usedForAwardId: number | null;
}

export interface Discipline {
  id: number;
  form: string;
  from: string;
  to: string;
  decisionRef: string | null;
}

export interface Leave {
  id: number;
  leaveType: string;
  from: string;
  to: string;
}

export interface Review {
  id: number;
  reviewType: string;
  from: string;
  to: string | null;
  note: string | null;
}

export interface Figures {
  year: number;
  total: number;
  advancedWorkers: number;
  completedTasks: number;
  grassrootsFighters: number;
  disciplinedWarningOrAbove: number;
  women: number | null;
}

/** Everything the eligibility rules read about one person or collective. */
export interface Records {
  subject: { type: SubjectType; id: number; name: string; abilities: { editRecords: boolean } };
  ratings: Rating[];
  awards: AwardReceived[];
  evidence: Evidence[];
  discipline: Discipline[];
  leaves: Leave[];
  reviews: Review[];
  figures: Figures[];
}

export type RecordKind = 'ratings' | 'awards' | 'evidence' | 'discipline' | 'leaves' | 'reviews' | 'figures';

const recordsKey = (type: SubjectType, id: number) => ['records', type, id] as const;

export function useRecords(type: SubjectType, id: number) {
  return useQuery({
    queryKey: recordsKey(type, id),
    queryFn: ({ signal }) => api.get<Records>(`/records/${type}/${id}`, undefined, signal),
  });
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
    api.post<Records>(`/records/${type}/${id}/${kind}`, body),
  );
}

/** Ratings and member figures are removed by their year, the others by id. */
export function useRemoveRecord(type: SubjectType, id: number) {
  return useRecordsWrite(type, id, ({ kind, recordId }: { kind: RecordKind; recordId: number }) =>
    api.delete<Records>(`/records/${type}/${id}/${kind}/${recordId}`),
  );
}

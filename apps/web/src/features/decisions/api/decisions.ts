import type { z } from 'zod';
import {
  decisionChecks,
  decisionDetail,
  decisionList,
  type decisionDraftBody,
  type decisionItem,
  type decisionUpdateBody,
} from '@thidua/contracts/decisions.ts';
import type { historySchema } from '@thidua/contracts/records.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, buildUrl, noContent } from '../../../lib/api.ts';
import { recordsQuery } from '../../../lib/records-query.ts';
import type { ListParams } from '../../../lib/list-params.ts';

export type DecisionItem = z.infer<typeof decisionItem>;
export type DecisionDetail = z.infer<typeof decisionDetail>;
export type DecisionRecipient = DecisionDetail['recipients'][number];
export type DecisionChecks = z.infer<typeof decisionChecks>;
export type DecisionDraft = z.input<typeof decisionDraftBody>;
export type DecisionUpdate = z.input<typeof decisionUpdateBody>;
export type DecisionStatus = DecisionItem['status'];
export type SubjectType = 'person' | 'unit';
export type Evidence = z.infer<typeof historySchema>['evidence'][number];

export const DECISION_STATUSES: DecisionStatus[] = ['DRAFT', 'ISSUED', 'CANCELLED'];

const KEY = ['decisions'] as const;

export function useDecisions(params: ListParams) {
  const { q, page, pageSize, filters } = params;
  return useQuery({
    queryKey: [...KEY, 'list', { q, page, pageSize, ...filters }],
    queryFn: ({ signal }) => api.get(decisionList, '/decisions', { q, page, pageSize, ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The decisions naming one person or unit (the registers they may read), newest first. */
export function useDecisionsNaming(subjectType: SubjectType, subjectId: number) {
  return useQuery({
    queryKey: [...KEY, 'naming', subjectType, subjectId],
    queryFn: ({ signal }) => api.get(decisionList, '/decisions', { subjectType, subjectId, pageSize: 100 }, signal),
  });
}

export function useDecision(id: number) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => api.get(decisionDetail, `/decisions/${id}`, undefined, signal),
  });
}

/** A recipient's records (read only when `enabled`): the initiatives and works their award may rely on. */
export function useRecipientRecords(type: SubjectType, id: number, enabled = true) {
  return useQuery({ ...recordsQuery(type, id), enabled });
}

/** Each recipient's verdict for the award and year, asked of a draft before it is issued. */
export function useDecisionChecks(id: number, version: number, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'checks', id, version],
    queryFn: ({ signal }) => api.get(decisionChecks, `/decisions/${id}/checks`, undefined, signal),
    enabled,
  });
}

/** The decision as a file: the kept PDF of an issued decision, a draft's marked "DỰ THẢO". */
export function documentUrl(id: number, format: 'pdf' | 'docx', inline = false): string {
  return buildUrl(`/decisions/${id}/document.${format}`, inline ? { disposition: 'inline' } : undefined);
}

/**
 * Issuing or cancelling writes awards into (or out of) the recipients' records, their eligibility and the lists:
 * everything cached may have changed.
 */
function refreshAll(queryClient: QueryClient, saved?: DecisionDetail) {
  if (saved && typeof saved === 'object' && 'recipients' in saved) queryClient.setQueryData([...KEY, 'detail', saved.id], saved);
  void queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] !== 'session' && !(q.queryKey[0] === KEY[0] && q.queryKey[1] === 'detail'),
  });
}

export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: DecisionDraft) => api.post(decisionDetail, '/decisions', draft),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved) queryClient.setQueryData([...KEY, 'detail', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function useUpdateDecision(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: DecisionUpdate) => api.patch(decisionDetail, `/decisions/${id}`, patch),
    onSuccess: (saved) => refreshAll(queryClient, saved),
  });
}

export function useDeleteDecision(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(noContent, `/decisions/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...KEY, 'detail', id] });
      refreshAll(queryClient);
    },
  });
}

export function useIssueDecision(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; issueDate: string; overrideReason?: string | null }) =>
      api.post(decisionDetail, `/decisions/${id}/issue`, body),
    onSuccess: (saved) => refreshAll(queryClient, saved),
  });
}

export function useCancelDecision(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) => api.post(decisionDetail, `/decisions/${id}/cancel`, body),
    onSuccess: (saved) => refreshAll(queryClient, saved),
  });
}

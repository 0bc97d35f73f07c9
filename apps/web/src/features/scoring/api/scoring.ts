// A cluster's scoring round of a year (issue 10): the board, the sheets, the head's review and the ranking.
import type { z } from 'zod';
import {
  criteriaSetSchema,
  rankingSchema,
  roundBoardSchema,
  sheetSchema,
  unitReviewSchema,
  type roundSettingsSchema,
  type sheetEntry,
} from '@thidua/contracts/scoring.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../../lib/api.ts';
import { invalidateHistory } from '../../../lib/history.ts';

export type Period = 'H1' | 'FY';
export type Stage = 'self' | 'cross';
export type RankingRound = 'mid' | 'final';
export type RoundBoard = z.infer<typeof roundBoardSchema>;
export type RoundSettings = z.infer<typeof roundSettingsSchema>;
export type BoardMember = RoundBoard['members'][number];
export type Sheet = z.infer<typeof sheetSchema>;
export type SheetEntry = z.input<typeof sheetEntry>;
export type UnitReview = z.infer<typeof unitReviewSchema>;
export type Adjustment = UnitReview['adjustments'][number];
export type Ranking = z.infer<typeof rankingSchema>;
export type RankedUnit = Ranking['units'][number];
export type TieBreak = RoundSettings['tieBreaks'][number];
export type CriteriaContent = Sheet['criteria'];
export type CriterionItem = CriteriaContent['groups'][number]['items'][number];

/** Where a round lives: `/clusters/{id}/years/{year}`. */
export interface RoundRef {
  clusterId: number;
  year: number;
  period: Period;
}

const base = (r: { clusterId: number; year: number }) => `/clusters/${r.clusterId}/years/${r.year}`;
const roundKey = (r: { clusterId: number; year: number }) => ['scoring', r.clusterId, r.year] as const;

export function useRoundBoard(r: RoundRef) {
  return useQuery({
    queryKey: [...roundKey(r), 'board', r.period],
    queryFn: ({ signal }) => api.get(roundBoardSchema, `${base(r)}/round`, { period: r.period }, signal),
  });
}

/** Every read of the round changes with a write: the board, the sheets, the reviews, the ranking. */
function useRoundWrite<V, R>(r: RoundRef, write: (value: V) => Promise<R>, after?: (saved: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      after?.(saved);
      void queryClient.invalidateQueries({ queryKey: roundKey(r) });
      void invalidateHistory(queryClient);
    },
  });
}

export function useSaveSettings(r: RoundRef) {
  return useRoundWrite(r, (body: RoundSettings & { rowVersion: number }) =>
    api.put(roundBoardSchema, `${base(r)}/round/settings`, { ...body, period: r.period }),
  );
}

export function useAdvanceRound(r: RoundRef) {
  return useRoundWrite(r, (body: { to: 'cross' | 'review' | 'closed'; rowVersion: number }) =>
    api.post(roundBoardSchema, `${base(r)}/round/advance`, { ...body, period: r.period }),
  );
}

export interface SheetRef extends RoundRef {
  unitId: number;
  stage: Stage;
  scorerUnitId: number;
}

export function useSheet(s: SheetRef) {
  return useQuery({
    queryKey: [...roundKey(s), 'sheet', s.period, s.stage, s.unitId, s.scorerUnitId],
    queryFn: ({ signal }) =>
      api.get(sheetSchema, `${base(s)}/sheets/${s.unitId}`, { period: s.period, stage: s.stage, scorerUnitId: s.scorerUnitId }, signal),
  });
}

export function useSaveSheet(s: SheetRef) {
  const queryClient = useQueryClient();
  return useRoundWrite(
    s,
    (body: { entries: SheetEntry[]; submit: boolean; rowVersion?: number }) =>
      api.put(sheetSchema, `${base(s)}/sheets/${s.unitId}`, { ...body, period: s.period, stage: s.stage, scorerUnitId: s.scorerUnitId }),
    (saved) => queryClient.setQueryData([...roundKey(s), 'sheet', s.period, s.stage, s.unitId, s.scorerUnitId], saved),
  );
}

export interface ReviewRef extends RoundRef {
  unitId: number;
}

const reviewKey = (r: ReviewRef) => [...roundKey(r), 'review', r.period, r.unitId];

export function useReview(r: ReviewRef) {
  return useQuery({
    queryKey: reviewKey(r),
    queryFn: ({ signal }) => api.get(unitReviewSchema, `${base(r)}/review/${r.unitId}`, { period: r.period }, signal),
  });
}

function useReviewWrite<V>(r: ReviewRef, write: (value: V) => Promise<UnitReview>) {
  const queryClient = useQueryClient();
  return useRoundWrite(r, write, (saved) => queryClient.setQueryData(reviewKey(r), saved));
}

export function useAdjustScore(r: ReviewRef) {
  return useReviewWrite(r, (body: { item: string; points: number; reason: string }) =>
    api.post(unitReviewSchema, `${base(r)}/adjustments`, { ...body, period: r.period, unitId: r.unitId }),
  );
}

export function useAnswerAdjustment(r: ReviewRef) {
  return useReviewWrite(r, ({ id, answer }: { id: number; answer: string }) =>
    api.post(unitReviewSchema, `${base(r)}/adjustments/${id}/answer`, { answer }),
  );
}

export function useSetKnockOuts(r: ReviewRef) {
  return useReviewWrite(r, (body: { codes: string[]; reason: string }) =>
    api.put(unitReviewSchema, `${base(r)}/knock-outs/${r.unitId}`, { ...body, period: r.period }),
  );
}

export function useRanking(r: { clusterId: number; year: number; round: RankingRound }) {
  return useQuery({
    queryKey: [...roundKey(r), 'ranking', r.round],
    queryFn: ({ signal }) => api.get(rankingSchema, `${base(r)}/ranking`, { round: r.round }, signal),
  });
}

/** The ranking as the server's Excel workbook (the same rows, rendered on the server). */
export const rankingExportUrl = (r: { clusterId: number; year: number; round: RankingRound }) =>
  buildUrl(`${base(r)}/ranking`, { round: r.round, format: 'xlsx' });

// ——— paths of the pages ———
export const roundPath = (clusterId: number, year: number, period: Period) => `/clusters/${clusterId}/years/${year}/round?period=${period}`;
export const sheetPath = (s: SheetRef) =>
  `/clusters/${s.clusterId}/years/${s.year}/sheets/${s.unitId}?period=${s.period}&stage=${s.stage}&scorerUnitId=${s.scorerUnitId}`;
export const reviewPath = (r: ReviewRef) => `/clusters/${r.clusterId}/years/${r.year}/review/${r.unitId}?period=${r.period}`;
export const rankingPath = (clusterId: number, year: number, round: RankingRound) =>
  `/clusters/${clusterId}/years/${year}/ranking?round=${round}`;

/** The round's criteria table (for the tie-break groups the head may choose). */
export function useCriteriaGroups(r: RoundRef) {
  return useQuery({
    queryKey: [...roundKey(r), 'criteria', r.period],
    queryFn: ({ signal }) => api.get(criteriaSetSchema, `${base(r)}/criteria`, { period: r.period }, signal),
    select: (set) => set.content.groups.map((g) => ({ code: g.code, title: g.title })),
  });
}

const sheetKey = (s: SheetRef) => [...roundKey(s), 'sheet', s.period, s.stage, s.unitId, s.scorerUnitId];
const sheetQueryOf = (s: SheetRef) => ({ period: s.period, stage: s.stage, scorerUnitId: s.scorerUnitId });

/** Attaches a file to an item of the sheet; the answer is the sheet with its evidence. */
export function useUploadEvidence(s: SheetRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, file }: { item: string; file: File }) =>
      api.upload(sheetSchema, `${base(s)}/sheets/${s.unitId}/evidence`, file, { ...sheetQueryOf(s), item, fileName: file.name }),
    onSuccess: (saved) => queryClient.setQueryData(sheetKey(s), saved),
  });
}

export function useRemoveEvidence(s: SheetRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: number) => api.delete(sheetSchema, `${base(s)}/sheets/${s.unitId}/evidence/${evidenceId}`, sheetQueryOf(s)),
    onSuccess: (saved) => queryClient.setQueryData(sheetKey(s), saved),
  });
}

export const evidenceUrl = (s: SheetRef, evidenceId: number) =>
  buildUrl(`${base(s)}/sheets/${s.unitId}/evidence/${evidenceId}`, sheetQueryOf(s));

import {
  aggregateRound,
  rankUnits,
  roundSettings,
  type CriteriaSet,
  type HeadAdjustment,
  type RoundSettings,
  type ScoreSheet,
  type ScoringPeriod,
} from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';
import { notFound } from '../../http/app-error.ts';
import { criteriaSetOf } from './criteria-content.ts';
import { contentOf } from './scoring.presenter.ts';
import { findLatestCriteria, type CriteriaRow } from './scoring.queries.ts';

export interface RoundMember {
  unit_id: number;
  code: string;
  name: string;
}

/** A cluster's round of a year: its latest criteria table, its settings, its members and head of the year. */
export interface Round {
  cluster: { id: number; authority_id: number; name: string };
  set: CriteriaRow;
  criteria: CriteriaSet;
  settings: RoundSettings;
  members: RoundMember[];
  headUnitId: number | null;
}

export const findCluster = (db: Db | Tx, id: number) =>
  db.selectFrom('cluster').select(['id', 'authority_id', 'name']).where('id', '=', id).executeTakeFirst();

/** The members of a cluster in a year, by name. */
export const findMembers = (db: Db | Tx, clusterId: number, year: number): Promise<RoundMember[]> =>
  db
    .selectFrom('cluster_membership')
    .innerJoin('unit', 'unit.id', 'cluster_membership.unit_id')
    .select(['unit.id as unit_id', 'unit.code', 'unit.name'])
    .where('cluster_membership.cluster_id', '=', clusterId)
    .where('cluster_membership.year', '=', year)
    .orderBy('unit.name')
    .orderBy('unit.id')
    .execute();

/** The round of the latest table (locked for the write in a transaction); 404 when the round has no table. */
export async function loadRound(
  db: Db | Tx,
  cluster: { id: number; authority_id: number; name: string },
  year: number,
  period: ScoringPeriod,
): Promise<Round> {
  const set = await findLatestCriteria(db, cluster.id, year, period);
  if (!set) throw notFound('criteria', `${cluster.id}/${year}/${period}`);
  const [members, leadership] = await Promise.all([
    findMembers(db, cluster.id, year),
    db
      .selectFrom('cluster_leadership')
      .select('head_unit_id')
      .where('cluster_id', '=', cluster.id)
      .where('year', '=', year)
      .executeTakeFirst(),
  ]);
  return {
    cluster,
    set,
    criteria: criteriaSetOf(contentOf(set), year, period, set.version),
    settings: roundSettings(typeof set.settings === 'string' ? JSON.parse(set.settings) : set.settings),
    members,
    headUnitId: leadership?.head_unit_id ?? null,
  };
}

/** The sheets of a round with their points (the board needs their statuses alone: `findSheetStatuses`). */
export function findSheets(db: Db | Tx, criteriaSetId: number) {
  return db
    .selectFrom('score_sheet')
    .select(['id', 'unit_id', 'scorer_unit_id', 'stage', 'status', 'submitted_at', 'points'])
    .where('criteria_set_id', '=', criteriaSetId)
    .execute();
}
export const findSheetStatuses = (db: Db | Tx, criteriaSetId: number) =>
  db
    .selectFrom('score_sheet')
    .select(['unit_id', 'scorer_unit_id', 'stage', 'status', 'submitted_at'])
    .where('criteria_set_id', '=', criteriaSetId)
    .execute();

/** The latest adjustment of each item of each unit (the ones that count). */
export async function currentAdjustments(db: Db | Tx, criteriaSetId: number): Promise<HeadAdjustment[]> {
  const rows = await db
    .selectFrom('score_adjustment')
    .select(['id', 'unit_id', 'item', 'points', 'reason'])
    .where('criteria_set_id', '=', criteriaSetId)
    .orderBy('id')
    .execute();
  const latest = new Map<string, HeadAdjustment>();
  for (const r of rows)
    latest.set(`${r.unit_id}\u0000${r.item}`, { unit: String(r.unit_id), item: r.item, points: Number(r.points), reason: r.reason });
  return [...latest.values()];
}

export const findKnockOuts = (db: Db | Tx, criteriaSetId: number) =>
  db
    .selectFrom('knock_out_flag')
    .select(['unit_id', 'code', 'reason'])
    .where('criteria_set_id', '=', criteriaSetId)
    .orderBy('code')
    .execute();

type SheetRow = Awaited<ReturnType<typeof findSheets>>[number];
type KnockOutRow = Awaited<ReturnType<typeof findKnockOuts>>[number];

/**
 * Every member's result and the ranking of a round from its rows, by the domain's rules. Sheets of units no longer
 * members (a membership changed after scoring) are left out rather than failing the whole round.
 */
export function rankRound(
  round: Pick<Round, 'set' | 'criteria' | 'settings' | 'members'>,
  rows: readonly SheetRow[],
  adjustments: readonly HeadAdjustment[],
  knockOuts: readonly KnockOutRow[],
) {
  const members = round.members.map((m) => String(m.unit_id));
  const known = new Set(members);
  const sheets: ScoreSheet[] = [];
  for (const r of rows) {
    const unit = String(r.unit_id);
    const scorer = String(r.scorer_unit_id);
    if (!known.has(unit) || !known.has(scorer)) continue;
    sheets.push({
      unit,
      scorer,
      stage: r.stage,
      hundredths: r.points,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    });
  }
  const results = aggregateRound(
    round.criteria,
    members,
    sheets,
    { weights: round.settings.weights, crossMethod: round.settings.crossMethod, missingCross: round.settings.missingCross },
    adjustments.filter((a) => known.has(a.unit)),
  );
  if (!results.ok) throw new Error(`round ${round.set.id} cannot be aggregated: ${results.code} ${JSON.stringify(results.params)}`);
  const flags = knockOuts.filter((k) => known.has(String(k.unit_id))).map((k) => ({ unit: String(k.unit_id), code: k.code }));
  const ranking = rankUnits(results.value, round.settings.tieBreaks, flags, { leadingPlaces: round.settings.leadingPlaces });
  return { results: results.value, ranking, knockOuts };
}

/** A round's results and ranking, read from the database. */
export async function computeRound(db: Db | Tx, round: Round) {
  const [rows, adjustments, knockOuts] = await Promise.all([
    findSheets(db, round.set.id),
    currentAdjustments(db, round.set.id),
    findKnockOuts(db, round.set.id),
  ]);
  return rankRound(round, rows, adjustments, knockOuts);
}

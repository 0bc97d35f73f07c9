import { roundSettings, type HeadAdjustment, type ScoringPeriod } from '@thidua/domain';
import type { Db } from '../../db/client.ts';
import { criteriaSetOf } from './criteria-content.ts';
import { rankRound, type RoundMember } from './round.queries.ts';
import { contentOf } from './scoring.presenter.ts';
import type { CriteriaRow } from './scoring.queries.ts';

const groupBy = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
};

/**
 * The ranking of every cluster and block of an authority for a year and round, each by its latest criteria table and
 * its own settings: the province's or ministry's view at year end. Read in five queries whatever the number of
 * clusters, then ranked by the same rules as one cluster's ranking (`rankRound`).
 */
export async function rankAuthorityRounds(db: Db, authorityId: number, year: number, period: ScoringPeriod) {
  const all = await db
    .selectFrom('criteria_set')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('year', '=', year)
    .where('period', '=', period)
    .orderBy('cluster_id')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<number, CriteriaRow>();
  for (const s of all) if (!latest.has(s.cluster_id)) latest.set(s.cluster_id, s);
  if (latest.size === 0) return [];
  const clusterIds = [...latest.keys()];
  const setIds = [...latest.values()].map((s) => s.id);
  const [members, sheets, adjustments, knockOuts] = await Promise.all([
    db
      .selectFrom('cluster_membership')
      .innerJoin('unit', 'unit.id', 'cluster_membership.unit_id')
      .select(['cluster_membership.cluster_id', 'unit.id as unit_id', 'unit.code', 'unit.name'])
      .where('cluster_membership.cluster_id', 'in', clusterIds)
      .where('cluster_membership.year', '=', year)
      .orderBy('unit.name')
      .orderBy('unit.id')
      .execute(),
    db
      .selectFrom('score_sheet')
      .select(['criteria_set_id', 'id', 'unit_id', 'scorer_unit_id', 'stage', 'status', 'submitted_at', 'points'])
      .where('criteria_set_id', 'in', setIds)
      .execute(),
    db
      .selectFrom('score_adjustment')
      .select(['criteria_set_id', 'unit_id', 'item', 'points', 'reason'])
      .where('criteria_set_id', 'in', setIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('knock_out_flag')
      .select(['criteria_set_id', 'unit_id', 'code', 'reason'])
      .where('criteria_set_id', 'in', setIds)
      .execute(),
  ]);
  const membersBy = groupBy(members, (m) => m.cluster_id);
  const sheetsBy = groupBy(sheets, (s) => s.criteria_set_id);
  const koBy = groupBy(knockOuts, (k) => k.criteria_set_id);
  const adjBy = new Map<number, Map<string, HeadAdjustment>>();
  for (const a of adjustments) {
    const m = adjBy.get(a.criteria_set_id) ?? new Map<string, HeadAdjustment>();
    m.set(`${a.unit_id}\u0000${a.item}`, { unit: String(a.unit_id), item: a.item, points: Number(a.points), reason: a.reason });
    adjBy.set(a.criteria_set_id, m);
  }
  return [...latest.values()].map((set) => {
    const round = {
      set,
      criteria: criteriaSetOf(contentOf(set), year, period, set.version),
      settings: roundSettings(typeof set.settings === 'string' ? JSON.parse(set.settings) : set.settings),
      members: (membersBy.get(set.cluster_id) ?? []) as RoundMember[],
    };
    const { ranking } = rankRound(round, sheetsBy.get(set.id) ?? [], [...(adjBy.get(set.id)?.values() ?? [])], koBy.get(set.id) ?? []);
    return { clusterId: set.cluster_id, criteriaSetId: set.id, roundState: set.round_state, ranking };
  });
}

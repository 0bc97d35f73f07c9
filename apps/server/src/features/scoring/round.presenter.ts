import { crossAssignments, crossModeOf, deadlineStatus, criteriaItems } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { RankingResponse, RoundBoard, SheetResponse, UnitReview } from '@thidua/contracts/scoring.ts';
import { abilitiesOnRound, sheetAbilitiesOf } from './round.policy.ts';
import { computeRound, findKnockOuts, findSheetStatuses, type Round } from './round.queries.ts';
import { fromStored, sheetTotal } from './sheet-storage.ts';
import { listEvidence } from './evidence.ts';
import { contentOf } from './scoring.presenter.ts';
import { canAnswerAdjustment, scoresFor } from '@thidua/domain';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The round's board: who has self-scored, who has cross-scored whom, what is late — statuses, never scores. */
export async function presentBoard(db: Db | Tx, actor: Actor, round: Round, now: Date): Promise<RoundBoard> {
  const rows = await findSheetStatuses(db, round.set.id);
  const status = new Map(rows.map((r) => [`${r.stage}:${r.scorer_unit_id}:${r.unit_id}`, r]));
  const members = round.members.map((m) => String(m.unit_id));
  const plan = crossAssignments(members, crossModeOf(round.settings));
  const pairs = plan.ok
    ? [...plan.value].flatMap(([scorer, targets]) => [...targets].map((t) => ({ scorer: Number(scorer), unit: Number(t) })))
    : [];
  const selfDeadline = round.settings.deadlines.self;
  return {
    criteriaSetId: round.set.id,
    clusterId: round.cluster.id,
    clusterName: round.cluster.name,
    year: round.set.year,
    period: round.set.period,
    version: round.set.version,
    roundState: round.set.round_state,
    settings: {
      ...round.settings,
      tieBreaks: [...round.settings.tieBreaks],
      crossPairs: round.settings.crossPairs ? [...round.settings.crossPairs] : null,
    },
    rowVersion: round.set.row_version,
    members: round.members.map((m) => {
      const self = status.get(`self:${m.unit_id}:${m.unit_id}`);
      const submittedAt = self?.status === 'submitted' ? iso(self.submitted_at) : null;
      const mine = pairs.filter((p) => p.scorer === m.unit_id);
      return {
        unitId: m.unit_id,
        code: m.code,
        name: m.name,
        isHead: m.unit_id === round.headUnitId,
        self: {
          status: self?.status ?? 'none',
          submittedAt,
          deadline: selfDeadline ? deadlineStatus(selfDeadline, submittedAt, now.toISOString()) : null,
        },
        crossDue: mine.length,
        crossSubmitted: mine.filter((p) => status.get(`cross:${p.scorer}:${p.unit}`)?.status === 'submitted').length,
        mine: scoresFor(actor, m.unit_id),
      };
    }),
    cross: pairs.map((p) => ({
      scorerUnitId: p.scorer,
      unitId: p.unit,
      status: status.get(`cross:${p.scorer}:${p.unit}`)?.status ?? 'none',
    })),
    abilities: abilitiesOnRound(actor, round),
  };
}

/** One sheet as its reader sees it (an empty draft when none is saved yet). */
export async function presentSheet(
  db: Db | Tx,
  actor: Actor,
  round: Round,
  unitId: number,
  stage: 'self' | 'cross',
  scorerUnitId: number,
): Promise<SheetResponse> {
  const row = await db
    .selectFrom('score_sheet')
    .select(['id', 'points', 'comments', 'status', 'submitted_at', 'row_version', 'updated_at'])
    .where('criteria_set_id', '=', round.set.id)
    .where('unit_id', '=', unitId)
    .where('scorer_unit_id', '=', scorerUnitId)
    .where('stage', '=', stage)
    .executeTakeFirst();
  const entries = row ? fromStored(round.criteria, row.points, row.comments) : [];
  const files = row ? await listEvidence(db, row.id) : [];
  const name = (id: number) => round.members.find((m) => m.unit_id === id)?.name ?? String(id);
  const content = contentOf(round.set);
  return {
    criteriaSetId: round.set.id,
    roundState: round.set.round_state,
    unitId,
    unitName: name(unitId),
    scorerUnitId,
    scorerName: name(scorerUnitId),
    stage,
    status: row?.status ?? 'none',
    entries,
    total: sheetTotal(entries),
    submittedAt: iso(row?.submitted_at ?? null),
    deadline: round.settings.deadlines[stage],
    rowVersion: row?.row_version ?? 0,
    updatedAt: iso(row?.updated_at ?? null),
    criteria: { groups: content.groups, knockOuts: content.knockOuts, maxTotal: content.maxTotal },
    evidence: files.map((f) => ({
      id: f.id,
      item: f.item,
      fileName: f.file_name,
      mediaType: f.media_type,
      size: f.size_bytes,
      sha256: f.sha256,
      uploadedAt: iso(f.created_at)!,
    })),
    abilities: sheetAbilitiesOf(actor, round, { stage, unitId, scorerUnitId, status: row?.status ?? null }),
  };
}

/**
 * A unit's result item by item with the head's adjustments and the unit's answers. The cross part is shown to the
 * head and the board, and to the unit itself once the round is closed; before then a unit sees its own points only.
 */
export async function presentReview(db: Db | Tx, actor: Actor, round: Round, unitId: number): Promise<UnitReview> {
  const abilities = abilitiesOnRound(actor, round);
  const showCross = abilities.seeAll || round.set.round_state === 'closed';
  const [{ results }, knockOuts, adjustments] = await Promise.all([
    computeRound(db, round),
    findKnockOuts(db, round.set.id),
    db
      .selectFrom('score_adjustment')
      .leftJoin('app_user', 'app_user.id', 'score_adjustment.created_by')
      .select([
        'score_adjustment.id',
        'score_adjustment.item',
        'score_adjustment.old_points',
        'score_adjustment.points',
        'score_adjustment.reason',
        'score_adjustment.created_at',
        'score_adjustment.answer',
        'score_adjustment.answered_at',
        'app_user.display_name',
      ])
      .where('score_adjustment.criteria_set_id', '=', round.set.id)
      .where('score_adjustment.unit_id', '=', unitId)
      .orderBy('score_adjustment.id')
      .execute(),
  ]);
  const result = results.find((r) => r.unit === String(unitId))!;
  const content = contentOf(round.set);
  const cluster = { id: round.cluster.id, authorityId: round.cluster.authority_id };
  const hidden = (v: number) => (showCross ? v : null);
  return {
    unitId,
    name: round.members.find((m) => m.unit_id === unitId)!.name,
    roundState: round.set.round_state,
    items: result.items.map((i) => ({
      item: i.item,
      group: i.group,
      kind: i.kind,
      maxPoints: i.maxPoints,
      self: i.self,
      cross: i.cross === null ? null : hidden(i.cross),
      crossCount: showCross ? i.crossCount : 0,
      computed: showCross ? i.computed : i.self,
      score: showCross ? i.score : i.self,
      adjusted: i.adjustment !== null,
    })),
    total: showCross ? result.total : sheetTotal(result.items.map((i) => ({ points: i.self }))),
    knockOuts: knockOuts.filter((k) => k.unit_id === unitId).map((k) => ({ code: k.code, reason: k.reason })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      item: a.item,
      oldPoints: Number(a.old_points),
      points: Number(a.points),
      reason: a.reason,
      by: a.display_name,
      at: iso(a.created_at)!,
      answer: a.answer,
      answeredAt: iso(a.answered_at),
      canAnswer: canAnswerAdjustment(actor, cluster, { unitId, roundState: round.set.round_state, answered: a.answered_at !== null }),
    })),
    criteria: { groups: content.groups, knockOuts: content.knockOuts, maxTotal: content.maxTotal },
    abilities,
  };
}

/** The ranking in rank order, knocked-out units apart, with each unit's scores by criterion group. */
export async function presentRanking(db: Db | Tx, round: Round, which: 'mid' | 'final'): Promise<RankingResponse> {
  const { results, ranking } = await computeRound(db, round);
  const byUnit = new Map(results.map((r) => [r.unit, r]));
  const member = new Map(round.members.map((m) => [String(m.unit_id), m]));
  const items = criteriaItems(round.criteria);
  return {
    clusterId: round.cluster.id,
    clusterName: round.cluster.name,
    year: round.set.year,
    period: round.set.period,
    round: which,
    roundState: round.set.round_state,
    final: round.set.round_state === 'closed',
    units: ranking.ranked.map((r) => {
      const res = byUnit.get(r.unit)!;
      const m = member.get(r.unit)!;
      return {
        unitId: m.unit_id,
        code: m.code,
        name: m.name,
        finalScore: r.total,
        rank: r.rank,
        leading: r.leading,
        decidedBy: r.decidedBy,
        groups: { ...res.groups },
        regularTotal: res.regularTotal,
        bonusTotal: res.bonusTotal,
        penaltyTotal: res.penaltyTotal,
        fullItems: res.fullItems,
      };
    }),
    knockedOut: ranking.knockedOut.map((k) => {
      const m = member.get(k.unit)!;
      return { unitId: m.unit_id, code: m.code, name: m.name, finalScore: k.total, codes: [...k.codes] };
    }),
    groups: round.criteria.groups.map((g) => ({
      code: g.code,
      title: g.title,
      maxPoints: items.filter((i) => i.group === g.code && i.kind === 'regular').reduce((s, i) => s + i.maxPoints, 0),
    })),
    tieBreaks: [...round.settings.tieBreaks],
    leadingPlaces: round.settings.leadingPlaces,
  };
}

import { ballotAbilities, DEFAULT_THRESHOLDS, type ThresholdRule } from '@thidua/domain';
import type { BallotResponse } from '@thidua/contracts/ballots.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { findCandidates, refOf, turnout, voterOf, type BallotRow } from './ballots.queries.ts';

export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
export const ruleOf = (b: BallotRow): ThresholdRule => ({ ...DEFAULT_THRESHOLDS[b.kind], ...json<Partial<ThresholdRule>>(b.rule) });
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function presentBallot(db: Db | Tx, actor: Actor, b: BallotRow): Promise<BallotResponse> {
  const [candidates, voter, counts] = await Promise.all([findCandidates(db, b.id), voterOf(db, b.id, actor.id), turnout(db, b.id)]);
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    maxChoices: b.max_choices,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, unitId: c.unit_id })),
    title: b.title,
    authorityId: b.authority_id,
    clusterId: b.cluster_id,
    year: b.year,
    office: b.office,
    rule: ruleOf(b),
    eligible: counts.eligible,
    present: b.present,
    cast: counts.cast,
    voter,
    openedAt: iso(b.opened_at),
    closedAt: iso(b.closed_at),
    abilities: ballotAbilities(actor, refOf(b), voter),
  };
}

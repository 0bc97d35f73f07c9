import {
  canSeeCluster,
  canSeeRanking,
  canSeeReview,
  canSeeSheet,
  roundAbilities,
  sheetAbilities,
  type RoundAction,
  type Result,
  type SheetRef,
} from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { unwrap } from '../../db/versioned-update.ts';
import type { Round } from './round.queries.ts';

type ClusterRow = { id: number; authority_id: number };
const ref = (c: ClusterRow) => ({ id: c.id, authorityId: c.authority_id });

export const abilitiesOnRound = (actor: Actor, round: Round) =>
  roundAbilities(actor, ref(round.cluster), { year: round.set.year, roundState: round.set.round_state });

/** Reading a round's board: whoever sees the cluster (out of scope reads as "not found"). */
export function authorizeRoundRead<C extends ClusterRow>(actor: Actor, cluster: C | undefined, id: number): asserts cluster is C {
  if (!cluster) throw notFound('cluster', id);
  authorize(canSeeCluster(actor, ref(cluster)), true, () => notFound('cluster', id));
}

/**
 * Running the round (settings, moving it on, the review): the head of the year and the board (403 for others who see
 * the cluster). The state is checked apart, so a state that does not allow it answers ROUND_NOT_OPEN / ROUND_CLOSED.
 */
export function authorizeRound(actor: Actor, round: Round, action: RoundAction): void {
  const year = round.set.year;
  const who = roundAbilities(actor, ref(round.cluster), { year, roundState: action === 'configure' ? 'draft' : 'review' })[action];
  authorize(true, who, () => notFound('cluster', round.cluster.id));
  const state = round.set.round_state;
  if (roundAbilities(actor, ref(round.cluster), { year, roundState: state })[action]) return;
  const stage = action === 'review' ? 'review' : 'round';
  const order = ['draft', 'self', 'cross', 'review', 'closed'];
  throw new AppError(order.indexOf(state) < order.indexOf(action === 'review' ? 'review' : 'self') ? 'ROUND_NOT_OPEN' : 'ROUND_CLOSED', {
    stage,
    state,
  });
}

/** Writing a sheet: only the scoring unit's officer (403 otherwise); the round's rules are checked with the write. */
export function authorizeSheetWrite(actor: Actor, round: Round, sheet: Omit<SheetRef, 'roundState' | 'status' | 'year'>): void {
  const who = sheetAbilities(actor, ref(round.cluster), { ...sheet, year: round.set.year, roundState: sheet.stage, status: null }).update;
  authorize(true, who, () => notFound('cluster', round.cluster.id));
}

export function authorizeSheetRead(actor: Actor, round: Round, sheet: Omit<SheetRef, 'roundState' | 'status' | 'year'>): void {
  authorize(true, canSeeSheet(actor, ref(round.cluster), { ...sheet, year: round.set.year, roundState: round.set.round_state }), () =>
    notFound('cluster', round.cluster.id),
  );
}

export const sheetAbilitiesOf = (actor: Actor, round: Round, sheet: Omit<SheetRef, 'roundState' | 'year'>) =>
  sheetAbilities(actor, ref(round.cluster), { ...sheet, year: round.set.year, roundState: round.set.round_state });

export function authorizeRanking(actor: Actor, round: Round): void {
  authorize(true, canSeeRanking(actor, ref(round.cluster), { year: round.set.year, roundState: round.set.round_state }), () =>
    notFound('cluster', round.cluster.id),
  );
}

/**
 * A domain refusal with the units named by name: the rules speak of members by id, the officer by the name on the
 * board.
 */
export function unwrapNamed<T>(result: Result<T>, round: Round): T {
  if (result.ok) return result.value;
  const names = new Map(round.members.map((m) => [String(m.unit_id), m.name]));
  const params = { ...result.params };
  for (const key of ['unit', 'scorer', 'target'] as const) {
    const v = params[key];
    if (v !== undefined) params[key] = names.get(String(v)) ?? String(v);
  }
  return unwrap({ ok: false, code: result.code, params });
}

export function authorizeReview(actor: Actor, round: Round, unitId: number): void {
  const state = { year: round.set.year, roundState: round.set.round_state, unitId };
  authorize(true, canSeeReview(actor, ref(round.cluster), state), () => notFound('cluster', round.cluster.id));
}

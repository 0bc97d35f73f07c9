import { canSeeBallot, type BallotRef } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';

export const findBallot = (db: Db | Tx, id: number, lock?: 'update' | 'share') => {
  const qb = db.selectFrom('ballot').selectAll().where('id', '=', id);
  return (
    lock === 'update' && db.isTransaction ? qb.forUpdate() : lock === 'share' && db.isTransaction ? qb.forShare() : qb
  ).executeTakeFirst();
};
export type BallotRow = NonNullable<Awaited<ReturnType<typeof findBallot>>>;

export const refOf = (b: BallotRow): BallotRef => ({
  authorityId: b.authority_id,
  clusterId: b.cluster_id,
  year: b.year,
  status: b.status,
  chairUserId: b.chair_user_id,
  secretaryUserId: b.secretary_user_id,
});

export const findCandidates = (db: Db | Tx, ballotId: number) =>
  db
    .selectFrom('ballot_candidate')
    .select(['id', 'name', 'unit_id', 'position'])
    .where('ballot_id', '=', ballotId)
    .orderBy('position')
    .execute();

/** The caller's standing as a voter of a ballot. */
export async function voterOf(db: Db | Tx, ballotId: number, userId: number) {
  const row = await db
    .selectFrom('ballot_voter')
    .select('voted')
    .where('ballot_id', '=', ballotId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { eligible: row !== undefined, voted: row?.voted ?? false };
}

/** Eligible voters and ballots cast (a count: never who, never when). */
export async function turnout(db: Db | Tx, ballotId: number) {
  const [eligible, cast] = await Promise.all([
    db
      .selectFrom('ballot_voter')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ballot_id', '=', ballotId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ballot_vote')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ballot_id', '=', ballotId)
      .executeTakeFirstOrThrow(),
  ]);
  return { eligible: Number(eligible.n), cast: Number(cast.n) };
}

/**
 * The ballots the caller may see (the policy's `canSeeBallot`), newest first: read among those of the authorities in
 * the caller's scope and those it votes in or runs, then kept by the policy.
 */
export async function listBallotsFor(db: Db, actor: Actor, status: BallotRef['status'] | undefined) {
  let qb = db
    .selectFrom('ballot')
    .leftJoin('ballot_voter', (j) => j.onRef('ballot_voter.ballot_id', '=', 'ballot.id').on('ballot_voter.user_id', '=', actor.id))
    .selectAll('ballot')
    .select('ballot_voter.user_id as voter')
    .where((eb) =>
      eb.or([
        eb('ballot_voter.user_id', 'is not', null),
        eb('ballot.chair_user_id', '=', actor.id),
        eb('ballot.secretary_user_id', '=', actor.id),
        ...(actor.scope.kind === 'all' ? [eb.lit(true)] : [eb('ballot.authority_id', '=', actor.scope.authorityId)]),
      ]),
    )
    .orderBy('ballot.id', 'desc')
    .limit(200);
  if (status) qb = qb.where('ballot.status', '=', status);
  const rows = await qb.execute();
  return rows.filter((b) => canSeeBallot(actor, refOf(b), { eligible: b.voter !== null }));
}

/** The votes of a ballot by receipt (no order of casting is kept). */
export const findVotes = (db: Db | Tx, ballotId: number) =>
  db.selectFrom('ballot_vote').select(['receipt', 'vote']).where('ballot_id', '=', ballotId).orderBy('receipt').execute();

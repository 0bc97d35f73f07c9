import type { BallotRef } from '@thidua/domain';
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

import type { ScoringPeriod } from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';

export const findClusterRef = (db: Db | Tx, id: number) =>
  db.selectFrom('cluster').select(['id', 'authority_id']).where('id', '=', id).executeTakeFirst();

/** The latest version of a cluster's table for a year and round, if any (locked for the write, in a transaction). */
export function findLatestCriteria(db: Db | Tx, clusterId: number, year: number, period: ScoringPeriod, lock = true) {
  const qb = db
    .selectFrom('criteria_set')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .where('year', '=', year)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .limit(1);
  return (lock && db.isTransaction ? qb.forUpdate() : qb).executeTakeFirst();
}

export type CriteriaRow = NonNullable<Awaited<ReturnType<typeof findLatestCriteria>>>;

import type { z } from 'zod';
import type { openCriteriaBody } from '@thidua/contracts/scoring.ts';
import { sql } from 'kysely';
import type { TxContext } from '../../db/transaction.ts';
import { notFound } from '../../http/app-error.ts';
import { checkCriteria } from './criteria-content.ts';
import { staleCriteria } from './save-criteria.ts';
import { authorizeCriteria } from './scoring.policy.ts';
import { contentOf } from './scoring.presenter.ts';
import { findClusterRef, findLatestCriteria } from './scoring.queries.ts';

/** Opens scoring: the round moves from draft to self-scoring and the table the editor saw is frozen. */
export async function openRound(ctx: TxContext, clusterId: number, year: number, input: z.infer<typeof openCriteriaBody>): Promise<number> {
  const { tx, actor } = ctx;
  const cluster = await findClusterRef(tx, clusterId);
  const latest = await findLatestCriteria(tx, clusterId, year, input.period);
  authorizeCriteria(actor, cluster, clusterId, year, 'open', latest);
  if (!latest) throw notFound('criteria', `${clusterId}/${year}/${input.period}`);
  if (input.rowVersion !== latest.row_version) throw await staleCriteria(ctx, latest, input.rowVersion, clusterId);
  // a table is opened only as a sound one (it was checked when saved; the rules may have tightened since)
  checkCriteria(contentOf(latest), year, input.period, latest.version);
  await tx
    .updateTable('criteria_set')
    .set({ round_state: 'self', row_version: sql`row_version + 1`, updated_at: ctx.now })
    .where('id', '=', latest.id)
    .execute();
  ctx.audit(
    {
      type: 'CRITERIA_ROUND_OPENED',
      entityType: 'cluster',
      entityId: clusterId,
      data: { criteriaSetId: latest.id, year, period: input.period, version: latest.version },
    },
    cluster.authority_id,
  );
  return latest.id;
}

import type { z } from 'zod';
import { nextVersion } from '@thidua/domain';
import type { newCriteriaVersionBody } from '@thidua/contracts/scoring.ts';
import type { TxContext } from '../../db/transaction.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { criteriaSetOf, storedContent } from './criteria-content.ts';
import { authorizeCriteria } from './scoring.policy.ts';
import { contentOf } from './scoring.presenter.ts';
import { findClusterRef, findLatestCriteria } from './scoring.queries.ts';

/**
 * A change to a frozen table: the next version, a draft copied from the latest (frozen) one. A round whose latest
 * table is still a draft is edited as it is (CONFLICT).
 */
export async function newCriteriaVersion(
  ctx: TxContext,
  clusterId: number,
  year: number,
  input: z.infer<typeof newCriteriaVersionBody>,
): Promise<number> {
  const { tx, actor } = ctx;
  const cluster = await findClusterRef(tx, clusterId);
  const latest = await findLatestCriteria(tx, clusterId, year, input.period);
  authorizeCriteria(actor, cluster, clusterId, year, 'newVersion', latest);
  if (!latest) throw notFound('criteria', `${clusterId}/${year}/${input.period}`);
  if (latest.round_state === 'draft')
    throw new AppError('CONFLICT', {}, [{ path: 'period', key: 'criteria_still_draft', params: { version: latest.version } }]);
  const content = contentOf(latest);
  const next = nextVersion(criteriaSetOf(content, year, input.period, latest.version));
  const row = await tx
    .insertInto('criteria_set')
    .values({
      authority_id: cluster.authority_id,
      cluster_id: clusterId,
      year,
      period: input.period,
      version: next.version,
      content: JSON.stringify(storedContent(content)),
      settings: JSON.stringify(typeof latest.settings === 'string' ? JSON.parse(latest.settings) : latest.settings),
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit(
    {
      type: 'CRITERIA_VERSION_CREATED',
      entityType: 'cluster',
      entityId: clusterId,
      data: { criteriaSetId: row.id, year, period: input.period, version: next.version, fromVersion: latest.version },
    },
    cluster.authority_id,
  );
  return row.id;
}

import type { z } from 'zod';
import { canSeeCluster } from '@thidua/domain';
import type { copyCriteriaBody } from '@thidua/contracts/scoring.ts';
import type { TxContext } from '../../db/transaction.ts';
import { notFound } from '../../http/app-error.ts';
import { writeDraft } from './save-criteria.ts';
import { authorizeCriteria } from './scoring.policy.ts';
import { contentOf } from './scoring.presenter.ts';
import { findClusterRef, findLatestCriteria } from './scoring.queries.ts';

/**
 * Copies the latest table of a round of another year or cluster (one the caller sees) into this cluster's draft of
 * the year: made as version 1 when the round has no table, replacing the draft's content otherwise.
 */
export async function copyCriteria(
  ctx: TxContext,
  clusterId: number,
  year: number,
  input: z.infer<typeof copyCriteriaBody>,
): Promise<number> {
  const { tx, actor } = ctx;
  const cluster = await findClusterRef(tx, clusterId);
  const latest = await findLatestCriteria(tx, clusterId, year, input.period);
  authorizeCriteria(actor, cluster, clusterId, year, 'update', latest);
  const from = await findClusterRef(tx, input.fromClusterId);
  if (!from || !canSeeCluster(actor, { id: from.id, authorityId: from.authority_id })) throw notFound('cluster', input.fromClusterId);
  const source = await findLatestCriteria(tx, from.id, input.fromYear, input.period);
  if (!source) throw notFound('criteria', `${input.fromClusterId}/${input.fromYear}/${input.period}`);
  const saved = await writeDraft(ctx, cluster, year, input.period, contentOf(source), latest);
  ctx.audit(
    {
      type: 'CRITERIA_COPIED',
      entityType: 'cluster',
      entityId: clusterId,
      data: {
        criteriaSetId: saved.id,
        year,
        period: input.period,
        version: saved.version,
        created: saved.created,
        fromClusterId: from.id,
        fromYear: input.fromYear,
        fromVersion: source.version,
      },
    },
    cluster.authority_id,
  );
  return saved.id;
}

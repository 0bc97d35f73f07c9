import type { z } from 'zod';
import type { saveCriteriaBody } from '@thidua/contracts/scoring.ts';
import { sql } from 'kysely';
import type { TxContext } from '../../db/transaction.ts';
import { staleWrite } from '../../db/versioned-update.ts';
import type { AppError } from '../../http/app-error.ts';
import { checkCriteria, storedContent } from './criteria-content.ts';
import { authorizeCriteria } from './scoring.policy.ts';
import { findClusterRef, findLatestCriteria, type CriteriaRow } from './scoring.queries.ts';
import type { CriteriaContent } from './scoring.presenter.ts';

/** The history events that change a table's row (who saved it in between, for STALE_WRITE). */
const ROW_EVENTS = ['CRITERIA_SAVED', 'CRITERIA_COPIED', 'CRITERIA_ROUND_OPENED', 'CRITERIA_VERSION_CREATED'] as const;

/** STALE_WRITE for a table's row, naming who last changed it (the latest of its events in the cluster's history). */
export async function staleCriteria(ctx: TxContext, row: CriteriaRow | undefined, expected: number, clusterId: number): Promise<AppError> {
  const versions = { expected, actual: row?.row_version ?? 0 };
  const ofRow = (d: unknown) => row !== undefined && (d as { criteriaSetId?: number } | null)?.criteriaSetId === row.id;
  const when = (e: AppError) => String(e.details?.changedAt ?? '');
  let latest: AppError | undefined;
  for (const type of ROW_EVENTS) {
    const e = await staleWrite(ctx.tx, versions, 'cluster', clusterId, type, ofRow);
    if (!latest || when(e) > when(latest)) latest = e;
  }
  return latest!;
}

/**
 * Writes the draft of a round: a new table (version 1) when the round has none, else the latest version's content
 * replaced while it is a draft. Returns the row's id and whether it was made.
 */
export async function writeDraft(
  ctx: TxContext,
  cluster: { id: number; authority_id: number },
  year: number,
  period: 'H1' | 'FY',
  content: CriteriaContent,
  latest: CriteriaRow | undefined,
): Promise<{ id: number; version: number; created: boolean }> {
  const json = JSON.stringify(storedContent(content));
  if (!latest) {
    const row = await ctx.tx
      .insertInto('criteria_set')
      .values({
        authority_id: cluster.authority_id,
        cluster_id: cluster.id,
        year,
        period,
        version: 1,
        content: json,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    return { ...row, created: true };
  }
  await ctx.tx
    .updateTable('criteria_set')
    .set({ content: json, row_version: sql`row_version + 1`, updated_at: ctx.now })
    .where('id', '=', latest.id)
    .execute();
  return { id: latest.id, version: latest.version, created: false };
}

/** PUT: create or replace the draft of a round, checked by the contract and by the domain's rules of a table. */
export async function saveCriteria(
  ctx: TxContext,
  clusterId: number,
  year: number,
  input: z.infer<typeof saveCriteriaBody>,
): Promise<number> {
  const { tx, actor } = ctx;
  const cluster = await findClusterRef(tx, clusterId);
  const latest = await findLatestCriteria(tx, clusterId, year, input.period);
  authorizeCriteria(actor, cluster, clusterId, year, 'update', latest);
  // created without a row version; replaced against the one the editor saw
  if ((input.rowVersion ?? 0) !== (latest?.row_version ?? 0)) throw await staleCriteria(ctx, latest, input.rowVersion ?? 0, clusterId);
  checkCriteria(input, year, input.period, latest?.version ?? 1);
  const saved = await writeDraft(ctx, cluster, year, input.period, input, latest);
  ctx.audit(
    {
      type: 'CRITERIA_SAVED',
      entityType: 'cluster',
      entityId: clusterId,
      data: {
        criteriaSetId: saved.id,
        year,
        period: input.period,
        version: saved.version,
        created: saved.created,
        items: input.groups.reduce((n, g) => n + g.items.length, 0),
        maxTotal: input.maxTotal,
      },
    },
    cluster.authority_id,
  );
  return saved.id;
}

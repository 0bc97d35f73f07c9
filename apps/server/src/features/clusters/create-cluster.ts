import type { z } from 'zod';
import { searchKey } from '../../lib/search-key.ts';
import { codeKey } from '../../db/comparison-keys.ts';
import type { TxContext } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { authorizeClusterCreation } from './clusters.policy.ts';
import { findDecisionByNumber } from './clusters.queries.ts';
import type { createClusterBody } from '@thidua/contracts/clusters.ts';

/** Registers a cluster with its establishing decision (Quyết định thành lập). */
export async function createCluster(ctx: TxContext, input: z.infer<typeof createClusterBody>): Promise<number> {
  const { tx, actor } = ctx;
  authorizeClusterCreation(actor, input.authorityId);
  if (input.activeTo && input.activeTo < input.activeFrom) throw fieldError('activeTo', 'DATE_RANGE_INVALID', 'date_range_invalid');
  if (input.activeFrom < input.decision.issuedOn)
    throw fieldError('activeFrom', 'DATE_RANGE_INVALID', 'before_decision', { date: input.decision.issuedOn });
  const issueYear = Number(input.decision.issuedOn.slice(0, 4));
  try {
    // the unique index decides under concurrency; this check gives the clear message in the common case
    if (await findDecisionByNumber(tx, input.authorityId, input.decision.issuer, issueYear, input.decision.number)) {
      throw fieldError('decision.number', 'DUPLICATE_DECISION_NUMBER', 'duplicate_decision_number', {
        number: input.decision.number,
        year: issueYear,
      });
    }
    const duplicateCode = await tx
      .selectFrom('cluster')
      .select('id')
      .where('authority_id', '=', input.authorityId)
      .where('code_key', '=', codeKey(input.code))
      .executeTakeFirst();
    if (duplicateCode) throw fieldError('code', 'CONFLICT', 'duplicate_code', { code: input.code });
    const decision = await tx
      .insertInto('decision')
      .values({
        authority_id: input.authorityId,
        number: input.decision.number,
        issued_on: input.decision.issuedOn,
        issue_year: issueYear,
        issuer: input.decision.issuer,
        signer_name: input.decision.signerName,
        signer_title: input.decision.signerTitle,
        summary: input.decision.summary,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cluster = await tx
      .insertInto('cluster')
      .values({
        authority_id: input.authorityId,
        code: input.code,
        kind: input.kind,
        name: input.name,
        decision_id: decision.id,
        active_from: input.activeFrom,
        active_to: input.activeTo ?? null,
        search_key: searchKey(input.name, input.code, input.decision.number),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit(
      {
        type: 'CLUSTER_CREATED',
        entityType: 'cluster',
        entityId: cluster.id,
        data: { code: input.code, name: input.name, decisionNumber: input.decision.number },
      },
      input.authorityId,
    );
    return cluster.id;
  } catch (error: unknown) {
    if ((error as { constraint?: string }).constraint === 'decision_number_key_uq')
      throw new AppError('DUPLICATE_DECISION_NUMBER', { number: input.decision.number, year: issueYear }, [
        { path: 'decision.number', key: 'duplicate_decision_number', params: { number: input.decision.number, year: issueYear } },
      ]);
    throw error;
  }
}

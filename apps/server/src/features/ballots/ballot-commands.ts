import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { sql } from 'kysely';
import {
  ballotAbilities,
  canCreateBallot,
  canSeeAuthority,
  canSeeCluster,
  canSeeBallot,
  checkRotation,
  checkVote,
  DEFAULT_THRESHOLDS,
  receiptFrom,
  tally,
  type Vote,
} from '@thidua/domain';
import type { createBallotBody, openBallotBody, voteBody } from '@thidua/contracts/ballots.ts';
import type { TxContext } from '../../db/transaction.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { unwrap } from '../../db/versioned-update.ts';
import { findBallot, findCandidates, refOf, turnout, voterOf, type BallotRow } from './ballots.queries.ts';
import { json, ruleOf } from './ballots.presenter.ts';

/** Where a ballot's events go: its cluster's history, or its authority's for a council's ballot. */
const subject = (b: { cluster_id: number | null; authority_id: number }) =>
  b.cluster_id !== null
    ? ({ entityType: 'cluster', entityId: b.cluster_id } as const)
    : ({ entityType: 'authority', entityId: b.authority_id } as const);

/** The ballot as its caller may act on it: not seen → 404, seen but not theirs to run → 403. */
async function ballotFor(ctx: TxContext, id: number, action: 'open' | 'close', lock: 'update' | 'share') {
  const b = await findBallot(ctx.tx, id, lock);
  if (!b) throw notFound('ballot', id);
  const voter = await voterOf(ctx.tx, id, ctx.actor.id);
  authorize(
    canSeeBallot(ctx.actor, refOf(b), voter),
    ballotAbilities(ctx.actor, refOf({ ...b, status: action === 'open' ? 'draft' : 'open' }), voter)[action],
    () => notFound('ballot', id),
  );
  return { b, voter };
}

/**
 * A draft ballot with its candidates and voters. An election's candidates must be units the cluster's rotation allows
 * to head next year (ROTATION_BROKEN); voters must be accounts.
 */
export async function createBallot(ctx: TxContext, input: z.infer<typeof createBallotBody>): Promise<number> {
  const { tx, actor } = ctx;
  const cluster =
    input.clusterId === null
      ? null
      : await tx.selectFrom('cluster').select(['id', 'authority_id']).where('id', '=', input.clusterId).executeTakeFirst();
  if (input.clusterId !== null && (!cluster || cluster.authority_id !== input.authorityId)) throw notFound('cluster', input.clusterId);
  const visible =
    input.clusterId !== null
      ? canSeeCluster(actor, { id: input.clusterId, authorityId: input.authorityId })
      : canSeeAuthority(actor, { id: input.authorityId });
  authorize(visible, canCreateBallot(actor, { authorityId: input.authorityId, clusterId: input.clusterId, year: input.year }), () =>
    notFound('cluster', input.clusterId),
  );
  const office = input.kind === 'election' ? (input.office ?? 'head') : null;
  if (office === 'head' && input.clusterId !== null) {
    const previous = await tx
      .selectFrom('cluster_leadership')
      .select(['head_unit_id', 'deputy_unit_id'])
      .where('cluster_id', '=', input.clusterId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    for (const c of input.candidates)
      if (c.unitId)
        unwrap(checkRotation('noRepeat', { head: previous?.head_unit_id ?? null, deputy: previous?.deputy_unit_id ?? null }, c.unitId));
  }
  const users = await tx.selectFrom('app_user').select('id').where('id', 'in', input.voterUserIds).execute();
  if (users.length !== new Set(input.voterUserIds).size)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'voterUserIds', key: 'unknown_account' }]);
  const row = await tx
    .insertInto('ballot')
    .values({
      authority_id: input.authorityId,
      cluster_id: input.clusterId,
      year: input.year,
      kind: input.kind,
      office,
      title: input.title,
      max_choices: input.kind === 'approval' ? input.candidates.length : input.maxChoices,
      rule: JSON.stringify(input.rule ?? DEFAULT_THRESHOLDS[input.kind]),
      chair_user_id: input.chairUserId ?? null,
      secretary_user_id: input.secretaryUserId ?? null,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('ballot_candidate')
    .values(input.candidates.map((c, i) => ({ ballot_id: row.id, position: i + 1, name: c.name, unit_id: c.unitId ?? null })))
    .execute();
  await tx
    .insertInto('ballot_voter')
    .values([...new Set(input.voterUserIds)].map((user_id) => ({ ballot_id: row.id, user_id })))
    .execute();
  ctx.audit(
    {
      type: 'BALLOT_CREATED',
      ...subject({ cluster_id: input.clusterId, authority_id: input.authorityId }),
      data: { ballotId: row.id, kind: input.kind, title: input.title, candidates: input.candidates.length, voters: users.length },
    },
    input.authorityId,
  );
  return row.id;
}

export async function openBallot(ctx: TxContext, id: number, input: z.infer<typeof openBallotBody>): Promise<void> {
  const { b } = await ballotFor(ctx, id, 'open', 'update');
  if (b.status !== 'draft') throw new AppError(b.status === 'closed' ? 'BALLOT_CLOSED' : 'CONFLICT');
  const { eligible } = await turnout(ctx.tx, id);
  if (input.present !== undefined && input.present > eligible)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'present', key: 'too_big', params: { maximum: eligible } }]);
  await ctx.tx
    .updateTable('ballot')
    .set({ status: 'open', opened_at: ctx.now, present: input.present ?? null })
    .where('id', '=', id)
    .execute();
  ctx.audit({ type: 'BALLOT_OPENED', ...subject(b), data: { ballotId: id, eligible, present: input.present ?? eligible } }, b.authority_id);
}

/**
 * Casts the caller's vote. The voter is marked as having voted and the vote is stored, in one transaction, with
 * nothing linking them and no audit event (an event would name the voter at the moment of the vote); the ballot row is
 * share-locked so a close waits for votes in flight. A second vote — also sent at the same moment — finds the voter
 * already marked: ALREADY_VOTED.
 */
export async function castVote(ctx: TxContext, id: number, input: z.infer<typeof voteBody>): Promise<string> {
  const { tx, actor } = ctx;
  const b = await findBallot(tx, id, 'share');
  const voter = b ? await voterOf(tx, id, actor.id) : { eligible: false, voted: false };
  if (!b || !canSeeBallot(actor, refOf(b), voter)) throw notFound('ballot', id);
  if (!voter.eligible) throw new AppError('FORBIDDEN');
  if (b.status === 'draft') throw new AppError('BALLOT_NOT_OPEN');
  if (b.status === 'closed') throw new AppError('BALLOT_CLOSED');
  const candidates = await findCandidates(tx, id);
  const vote: Vote =
    input.choices.length > 0 && typeof input.choices[0] === 'object'
      ? { answers: input.choices as Array<{ candidateId: number; answer: 'yes' | 'no' | 'abstain' }> }
      : b.kind === 'approval'
        ? { answers: [] }
        : { choices: input.choices as number[] };
  if (b.kind === 'approval' && input.choices.length > 0 && typeof input.choices[0] === 'number')
    throw new AppError('BALLOT_CHOICES_INVALID', { rule: 'answersExpected', max: candidates.length });
  unwrap(checkVote({ kind: b.kind, maxChoices: b.max_choices, candidateIds: candidates.map((c) => c.id), rule: ruleOf(b) }, vote));
  const marked = await tx
    .updateTable('ballot_voter')
    .set({ voted: true })
    .where('ballot_id', '=', id)
    .where('user_id', '=', actor.id)
    .where('voted', '=', false)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1) throw new AppError('ALREADY_VOTED');
  const receipt = receiptFrom(randomBytes(10));
  await tx
    .insertInto('ballot_vote')
    .values({ id: randomUUID(), ballot_id: id, receipt, vote: JSON.stringify(vote) })
    .execute();
  return receipt;
}

/**
 * Closes the ballot: votes in flight are waited for, the votes are rewritten in a random order (so neither their
 * physical order nor their transaction ids keep the sequence of voting), the tally is sealed with its SHA-256 in the
 * audit chain, and an election's winner becomes the cluster's head or deputy of the next year.
 */
export async function closeBallot(ctx: TxContext, id: number): Promise<void> {
  const { tx } = ctx;
  const { b } = await ballotFor(ctx, id, 'close', 'update');
  if (b.status !== 'open') throw new AppError(b.status === 'closed' ? 'BALLOT_CLOSED' : 'BALLOT_NOT_OPEN');
  const votes = await tx.selectFrom('ballot_vote').select(['receipt', 'vote']).where('ballot_id', '=', id).execute();
  const shuffled = votes
    .map((v) => ({ v, k: randomBytes(6).readUIntBE(0, 6) }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.v);
  await tx.deleteFrom('ballot_vote').where('ballot_id', '=', id).execute();
  for (let i = 0; i < shuffled.length; i += 500)
    await tx
      .insertInto('ballot_vote')
      .values(
        shuffled
          .slice(i, i + 500)
          .map((v) => ({ id: randomUUID(), ballot_id: id, receipt: v.receipt, vote: JSON.stringify(json(v.vote)) })),
      )
      .execute();
  const candidates = await findCandidates(tx, id);
  const { eligible } = await turnout(tx, id);
  const present = b.present ?? eligible;
  const rules = { kind: b.kind, maxChoices: b.max_choices, candidateIds: candidates.map((c) => c.id), rule: ruleOf(b) };
  const result = unwrap(
    tally(
      rules,
      eligible,
      present,
      votes.map((v) => json<Vote>(v.vote)),
    ),
  );
  const sealed = JSON.stringify(result);
  const sha256 = createHash('sha256').update(sealed).digest('hex');
  await tx
    .updateTable('ballot')
    .set({ status: 'closed', closed_at: ctx.now, result: sealed, result_sha256: sha256 })
    .where('id', '=', id)
    .execute();
  ctx.audit(
    {
      type: 'BALLOT_CLOSED',
      ...subject(b),
      data: { ballotId: id, resultSha256: sha256, eligible, present, cast: result.cast, valid: result.valid },
    },
    b.authority_id,
  );
  if (b.kind === 'election' && b.cluster_id !== null) await applyElection(ctx, b, candidates, result.candidates);
}

/** The elected unit heads (or deputises) the cluster next year, as the registry's leadership of that year. */
async function applyElection(
  ctx: TxContext,
  b: BallotRow,
  candidates: Array<{ id: number; unit_id: number | null }>,
  results: ReadonlyArray<{ id: number; passed: boolean }>,
) {
  const won = results.filter((r) => r.passed).map((r) => candidates.find((c) => c.id === r.id)?.unit_id ?? null);
  if (won.length !== 1 || won[0] === null) return; // no one elected (or a tie): the conference votes again
  const unitId = won[0] as number;
  const next = b.year + 1;
  const clusterId = b.cluster_id!;
  const existing = await ctx.tx
    .selectFrom('cluster_leadership')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .where('year', '=', next)
    .executeTakeFirst();
  if (b.office === 'head') {
    if (existing)
      await ctx.tx
        .updateTable('cluster_leadership')
        .set({
          head_unit_id: unitId,
          deputy_unit_id: existing.deputy_unit_id === unitId ? null : existing.deputy_unit_id,
          version: sql`version + 1`,
        })
        .where('cluster_id', '=', clusterId)
        .where('year', '=', next)
        .execute();
    else
      await ctx.tx
        .insertInto('cluster_leadership')
        .values({ authority_id: b.authority_id, cluster_id: clusterId, year: next, head_unit_id: unitId, deputy_unit_id: null })
        .execute();
  } else {
    if (!existing || existing.head_unit_id === unitId) return; // a deputy is set under an elected head
    await ctx.tx
      .updateTable('cluster_leadership')
      .set({ deputy_unit_id: unitId, version: sql`version + 1` })
      .where('cluster_id', '=', clusterId)
      .where('year', '=', next)
      .execute();
  }
  const now = await ctx.tx
    .selectFrom('cluster_leadership')
    .select(['head_unit_id', 'deputy_unit_id'])
    .where('cluster_id', '=', clusterId)
    .where('year', '=', next)
    .executeTakeFirstOrThrow();
  ctx.audit(
    {
      type: 'CLUSTER_LEADERSHIP_SET',
      entityType: 'cluster',
      entityId: clusterId,
      data: { year: next, headUnitId: now.head_unit_id, deputyUnitId: now.deputy_unit_id },
    },
    b.authority_id,
  );
}

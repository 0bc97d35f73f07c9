import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderTable, type TableView } from '../../documents/index.ts';
import { requestTranslator } from '../../http/error-handler.ts';
import { rankingTable, sheetTable } from './round.exports.ts';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses } from '../../http/validate.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/actor.ts';
import {
  adjustmentParams,
  adjustScoreBody,
  advanceRoundBody,
  answerAdjustmentBody,
  criteriaParams,
  evidenceParams,
  evidenceQuery,
  evidenceReadQuery,
  knockOutsBody,
  rankingQuery,
  rankingSchema,
  roundBoardSchema,
  roundQuery,
  saveRoundSettingsBody,
  saveSheetBody,
  sheetParams,
  sheetQuery,
  sheetSchema,
  unitReviewSchema,
} from '@thidua/contracts/scoring.ts';
import { authorizeRanking, authorizeReview, authorizeRoundRead, authorizeSheetRead, unwrapNamed } from './round.policy.ts';
import { findCluster, loadRound } from './round.queries.ts';
import { presentBoard, presentRanking, presentReview, presentSheet } from './round.presenter.ts';
import { advanceRound, saveRoundSettings } from './run-round.ts';
import { saveSheet } from './save-sheet.ts';
import { adjustScore, answerAdjustment, setKnockOuts } from './review.ts';
import { addEvidence, EVIDENCE_MAX_BYTES, findEvidenceFile, removeEvidence } from './evidence.ts';
import { AppError, notFound } from '../../http/app-error.ts';

const tags = ['scoring'];

const MEDIA = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** A table as an Excel workbook or a PDF, rendered in the documents' worker threads. */
async function sendTable(reply: FastifyReply, table: TableView, format: 'xlsx' | 'pdf', name: string) {
  const bytes = await renderTable(table, format);
  return reply
    .header('content-type', MEDIA[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(bytes as never);
}
const BASE = '/:id/years/:year';

async function roundOf(db: Db, actor: Actor, id: number, year: number, period: 'H1' | 'FY') {
  const cluster = await findCluster(db, id);
  authorizeRoundRead(actor, cluster, id);
  return loadRound(db, cluster, year, period);
}

/** A unit's review: the head and the board see any member's, a unit officer its own units'. */
async function review(db: Db, actor: Actor, id: number, year: number, period: 'H1' | 'FY', unitId: number) {
  const round = await roundOf(db, actor, id, year, period);
  if (!round.members.some((m) => m.unit_id === unitId))
    unwrapNamed({ ok: false, code: 'NOT_CLUSTER_MEMBER', params: { unit: unitId } }, round);
  authorizeReview(actor, round, unitId);
  return presentReview(db, actor, round, unitId);
}

/**
 * A round's scoring under `/api/v1/clusters/{id}/years/{year}`: the board, the members' sheets, the head's review
 * and the ranking.
 */
export const roundRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  const board = async (actor: Actor, id: number, year: number, period: 'H1' | 'FY') =>
    presentBoard(db, actor, await roundOf(db, actor, id, year, period), rt.clock.now());

  app.get(
    `${BASE}/round`,
    {
      schema: {
        tags,
        summary: "A round's board: settings, state, who has self-scored, who has cross-scored whom, what is late",
        params: criteriaParams,
        querystring: roundQuery,
        response: { 200: roundBoardSchema, ...errorResponses },
      },
    },
    async (request) => board(requireActor(request), request.params.id, request.params.year, request.query.period),
  );

  app.put(
    `${BASE}/round/settings`,
    {
      schema: {
        tags,
        summary: "Set the round's weights, cross method, tie-breaks, leading places, deadlines and cross-scoring plan",
        params: criteriaParams,
        body: saveRoundSettingsBody,
        response: { 200: roundBoardSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      await execute(rt, actor, (ctx) => saveRoundSettings(ctx, id, year, request.body));
      return board(actor, id, year, request.body.period);
    },
  );

  app.post(
    `${BASE}/round/advance`,
    {
      schema: {
        tags,
        summary: 'Move the round on: self-scoring → cross-scoring → review → closed',
        params: criteriaParams,
        body: advanceRoundBody,
        response: { 200: roundBoardSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      await execute(rt, actor, (ctx) => advanceRound(ctx, id, year, request.body));
      return board(actor, id, year, request.body.period);
    },
  );

  app.get(
    `${BASE}/sheets/:unitId`,
    {
      schema: {
        tags,
        summary: "A member's sheet on a unit: its own (stage self) or another's (stage cross, scorerUnitId); format=xlsx|pdf: as a file",
        params: sheetParams,
        querystring: sheetQuery,
        response: { 200: sheetSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, year, unitId } = request.params;
      const { period, stage } = request.query;
      const scorerUnitId = stage === 'self' ? unitId : (request.query.scorerUnitId ?? unitId);
      const round = await roundOf(db, actor, id, year, period);
      authorizeSheetRead(actor, round, { stage, unitId, scorerUnitId });
      const sheet = await presentSheet(db, actor, round, unitId, stage, scorerUnitId);
      const { format } = request.query;
      if (format === 'json') return sheet;
      const table = sheetTable(sheet, { clusterName: round.cluster.name, year, period }, requestTranslator(request));
      return sendTable(reply, table, format, `phieu-cham-${unitId}-${stage}-${year}-${period}`);
    },
  );

  app.put(
    `${BASE}/sheets/:unitId`,
    {
      schema: {
        tags,
        summary: 'Save a sheet as a draft or submit it (final); optimistic concurrency by rowVersion',
        params: sheetParams,
        body: saveSheetBody,
        response: { 200: sheetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year, unitId } = request.params;
      const body = request.body;
      await execute(rt, actor, (ctx) => saveSheet(ctx, id, year, unitId, body));
      const round = await roundOf(db, actor, id, year, body.period);
      return presentSheet(db, actor, round, unitId, body.stage, body.scorerUnitId);
    },
  );

  // evidence files: the upload's body is the file itself
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    raw.withTypeProvider<ZodTypeProvider>().post(
      `${BASE}/sheets/:unitId/evidence`,
      {
        bodyLimit: EVIDENCE_MAX_BYTES,
        schema: {
          tags,
          summary: `Attach an evidence file (PDF, JPEG, PNG, WebP, Word, Excel, OpenDocument; at most ${EVIDENCE_MAX_BYTES / 1_048_576} MB) to an item of a sheet; the body is the file (application/octet-stream)`,
          params: sheetParams,
          querystring: evidenceQuery,
          response: { 201: sheetSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { id, year, unitId } = request.params;
        const bytes = request.body as Buffer | undefined;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new AppError('VALIDATION_FAILED', {}, [{ path: '(body)', key: 'empty_file' }]);
        const q = request.query;
        await execute(rt, actor, (ctx) => addEvidence(ctx, id, year, unitId, q, bytes));
        const round = await roundOf(db, actor, id, year, q.period);
        return reply.status(201).send(await presentSheet(db, actor, round, unitId, q.stage, q.scorerUnitId));
      },
    );
  });

  app.get(
    `${BASE}/sheets/:unitId/evidence/:evidenceId`,
    {
      schema: {
        tags,
        summary: 'Download an evidence file of a sheet',
        params: evidenceParams,
        querystring: evidenceReadQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, year, unitId, evidenceId } = request.params;
      const { period, stage } = request.query;
      const scorerUnitId = stage === 'self' ? unitId : (request.query.scorerUnitId ?? unitId);
      const round = await roundOf(db, actor, id, year, period);
      authorizeSheetRead(actor, round, { stage, unitId, scorerUnitId });
      const file = await findEvidenceFile(db, round.set.id, { unitId, scorerUnitId, stage }, evidenceId);
      if (!file) throw notFound('evidence', evidenceId);
      return reply
        .header('content-type', file.media_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
        .send(file.content as never);
    },
  );

  app.delete(
    `${BASE}/sheets/:unitId/evidence/:evidenceId`,
    {
      schema: {
        tags,
        summary: 'Remove an evidence file from a sheet not yet submitted',
        params: evidenceParams,
        querystring: evidenceQuery.pick({ period: true, stage: true, scorerUnitId: true }),
        response: { 200: sheetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year, unitId, evidenceId } = request.params;
      const q = request.query;
      await execute(rt, actor, (ctx) => removeEvidence(ctx, id, year, unitId, evidenceId, q));
      const round = await roundOf(db, actor, id, year, q.period);
      return presentSheet(db, actor, round, unitId, q.stage, q.scorerUnitId);
    },
  );

  app.get(
    `${BASE}/review/:unitId`,
    {
      schema: {
        tags,
        summary: "A unit's result item by item: self, cross, computed, adjusted, with the head's adjustments and answers",
        params: sheetParams,
        querystring: roundQuery,
        response: { 200: unitReviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id, year, unitId } = request.params;
      return review(db, requireActor(request), id, year, request.query.period, unitId);
    },
  );

  app.post(
    `${BASE}/adjustments`,
    {
      schema: {
        tags,
        summary: 'The head adjusts an item of a unit in the review, with a written reason',
        params: criteriaParams,
        body: adjustScoreBody,
        response: { 201: unitReviewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      await execute(rt, actor, (ctx) => adjustScore(ctx, id, year, request.body));
      return reply.status(201).send(await review(db, actor, id, year, request.body.period, request.body.unitId));
    },
  );

  app.post(
    `${BASE}/adjustments/:adjustmentId/answer`,
    {
      schema: {
        tags,
        summary: 'The adjusted unit answers an adjustment, once',
        params: adjustmentParams,
        body: answerAdjustmentBody,
        response: { 200: unitReviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year, adjustmentId } = request.params;
      const adj = await execute(rt, actor, (ctx) => answerAdjustment(ctx, id, year, adjustmentId, request.body));
      return review(db, actor, id, year, adj.period, adj.unitId);
    },
  );

  app.put(
    `${BASE}/knock-outs/:unitId`,
    {
      schema: {
        tags,
        summary: 'Record the knock-out conditions found for a unit in the review (replacing those recorded)',
        params: sheetParams,
        body: knockOutsBody,
        response: { 200: unitReviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year, unitId } = request.params;
      await execute(rt, actor, (ctx) => setKnockOuts(ctx, id, year, unitId, request.body));
      return review(db, actor, id, year, request.body.period, unitId);
    },
  );

  app.get(
    `${BASE}/ranking`,
    {
      schema: {
        tags,
        summary:
          "The round's ranking: units in rank order with their final score, knocked-out units apart (format=xlsx|pdf: the same as a file)",
        params: criteriaParams,
        querystring: rankingQuery,
        response: { 200: rankingSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      const which = request.query.round;
      const round = await roundOf(db, actor, id, year, which === 'mid' ? 'H1' : 'FY');
      authorizeRanking(actor, round);
      const ranking = await presentRanking(db, round, which);
      const { format } = request.query;
      if (format === 'json') return ranking;
      return sendTable(reply, rankingTable(ranking, requestTranslator(request)), format, `xep-hang-cum-${id}-${year}-${which}`);
    },
  );
};

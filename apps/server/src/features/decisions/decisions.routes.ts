import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatDocumentNumber } from '@thidua/domain';
import {
  decisionCancelBody,
  decisionChecks,
  decisionDetail,
  decisionDraftBody,
  decisionIssueBody,
  decisionList,
  decisionListQuery,
  decisionUpdateBody,
} from '@thidua/contracts/decisions.ts';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import { requestTranslator } from '../../http/error-handler.ts';
import { errorResponses, idParam } from '../../http/validate.ts';
import { todayInVietnam } from '../../lib/clock.ts';
import { assertCanReadSubject } from '../../access/subject-policy.ts';
import { findSubject } from '../../history/subject-history.ts';
import { renderDocument } from '../../documents/index.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/actor.ts';
import { authorizeDocument, authorizeDocumentRead } from './decisions.policy.ts';
import { findDecision, findIssuedPdf, listDecisions, namesSubjectInScope } from './decisions.queries.ts';
import { presentDecisionDetail, presentDecisionItem } from './decisions.presenter.ts';
import { createDraft, deleteDraft, updateDraft } from './save-draft.ts';
import { cancelDecision, issueDecision } from './issue-decision.ts';
import { judgeRecipients, quotaUsage } from './checks.ts';
import { decisionView, issuerOf } from './decision-document.ts';
import { loadRecipients } from './recipients.ts';

const tags = ['decisions'];
/** `disposition=inline`: shown in the editor's preview frame rather than downloaded. */
const documentQuery = z.strictObject({ disposition: z.enum(['attachment', 'inline']).optional() });

/** "07/QĐ-UBND" → "07-QD-UBND": a file name every system takes. */
const fileName = (number: string) =>
  number
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^0-9A-Za-z]+/g, '-');

/** The address printed on documents for their public verification: the configured one, else the caller's. */
export const publicBase = (request: FastifyRequest, configured: string | undefined) =>
  (configured ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

async function loadDetail(db: Db, actor: Actor, id: number) {
  const row = await findDecision(db, id);
  authorizeDocumentRead(actor, row, id, row ? await namesSubjectInScope(db, actor.scope, id) : false);
  return presentDecisionDetail(actor, row, await loadRecipients(db, id));
}

export const decisionRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: "The document register's award decisions in the caller's scope, newest first; or those naming one person or unit",
        querystring: decisionListQuery,
        response: { 200: decisionList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      let subjectVisible = false;
      if (q.subjectType && q.subjectId) {
        assertCanReadSubject(actor, q.subjectType, await findSubject(db, q.subjectType, q.subjectId), q.subjectId);
        subjectVisible = true;
      }
      const { rows, total } = await listDecisions(db, actor.scope, q, subjectVisible);
      return { items: rows.map(presentDecisionItem), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Draft an award decision (no number until it is issued)',
        body: decisionDraftBody,
        response: { 201: decisionDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await execute(rt, actor, (ctx) => createDraft(ctx, request.body));
      return reply.status(201).send(await loadDetail(db, actor, id));
    },
  );

  app.get(
    '/:id',
    {
      schema: { tags, summary: 'One decision with its recipients', params: idParam, response: { 200: decisionDetail, ...errorResponses } },
    },
    async (request) => loadDetail(db, requireActor(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft (optimistic concurrency by version); an issued decision is never edited',
        params: idParam,
        body: decisionUpdateBody,
        response: { 200: decisionDetail, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => updateDraft(ctx, request.params.id, request.body));
      return loadDetail(db, actor, request.params.id);
    },
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: 'Throw a draft away', params: idParam, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => deleteDraft(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:id/checks',
    {
      schema: {
        tags,
        summary: "Each recipient's verdict for the decision's award and year, before issuing",
        params: idParam,
        response: { 200: decisionChecks, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await findDecision(db, request.params.id);
      authorizeDocument(actor, row, request.params.id);
      const recipients = await loadRecipients(db, row.id);
      const t = requestTranslator(request);
      const judged = await judgeRecipients(db, t, row.authority_id, row.award_code, row.year, recipients, row.id);
      const quota = await quotaUsage(db, actor, t, row, row.status === 'DRAFT' ? recipients.length : 0);
      return { ...judged, quota };
    },
  );

  app.post(
    '/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue a draft: next number of the series, content frozen, PDF kept, awards written into the records',
        params: idParam,
        body: decisionIssueBody,
        response: { 200: decisionDetail, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const deps = {
        t: requestTranslator(request),
        renderPdf: (view: Parameters<typeof renderDocument>[0]) => renderDocument(view, 'pdf'),
        verifyBaseUrl: publicBase(request, rt.config.publicUrl),
      };
      await execute(rt, actor, (ctx) => issueDecision(ctx, request.params.id, request.body, deps));
      return loadDetail(db, actor, request.params.id);
    },
  );

  app.post(
    '/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an issued decision with a reason; the awards it wrote are withdrawn',
        params: idParam,
        body: decisionCancelBody,
        response: { 200: decisionDetail, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => cancelDecision(ctx, request.params.id, request.body));
      return loadDetail(db, actor, request.params.id);
    },
  );

  for (const format of ['pdf', 'docx'] as const)
    app.get(
      `/:id/document.${format}`,
      {
        schema: {
          tags,
          summary:
            format === 'pdf'
              ? 'The decision as PDF (Decree 30): an issued decision\'s is the file kept at issue; a draft prints "DỰ THẢO"'
              : 'The decision as DOCX (Decree 30), for Word and LibreOffice',
          params: idParam,
          querystring: documentQuery,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { id } = request.params;
        const inline = format === 'pdf' && request.query.disposition === 'inline';
        const row = await findDecision(db, id);
        authorizeDocumentRead(actor, row, id, row ? await namesSubjectInScope(db, actor.scope, id) : false);
        const name = row.number === null ? `du-thao-${id}` : fileName(formatDocumentNumber(row.number, row.symbol));
        const kept = format === 'pdf' && row.status !== 'DRAFT' ? await findIssuedPdf(db, id) : null;
        const today = todayInVietnam(rt.clock.now());
        const bytes =
          kept ??
          (await renderDocument(
            decisionView(row, await loadRecipients(db, id), await issuerOf(db, row), publicBase(request, rt.config.publicUrl), today),
            format,
          ));
        return (
          reply
            .header(
              'content-type',
              format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            )
            .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}.${format}"`)
            // the editor previews the PDF in a frame of its own page: this one answer may be framed by the same origin
            .headers(
              inline ? { 'content-security-policy': "default-src 'none'; frame-ancestors 'self'", 'x-frame-options': 'SAMEORIGIN' } : {},
            )
            .send(bytes as never)
        );
      },
    );
};

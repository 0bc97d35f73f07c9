import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { negotiateLanguage } from '@thidua/i18n';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CHECK_MAX_CASES, type FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import { requestTranslator } from '../../http/error-handler.ts';
import { errorResponses, idParam, subjectParams } from '../../http/validate.ts';
import { currentYear } from '../../lib/clock.ts';
import { resolvePopulation } from './batch-population.ts';
import { eligibilityBatchJob, startBatchJob } from './batch-job.ts';
import { abilitiesOnJob, authorizeJob } from '../../jobs/job-policy.ts';
import { presentJob } from '../../jobs/present.ts';
import { findJob } from '../../jobs/queue.ts';
import { jobSchema } from '@thidua/contracts/jobs.ts';
import { fieldError, notFound } from '../../http/app-error.ts';
import { checkBatch } from '../../history/check-batch.ts';
import { assertCanReadIssuer, canEditIssuer } from './eligibility.policy.ts';
import {
  exportBatchCsv,
  exportBatchXlsx,
  presentBatch,
  presentCheckOutcome,
  presentQuotaList,
  presentSettings,
} from './eligibility.presenter.ts';
import { listQuotaPolicies } from '../../history/population.ts';
import { loadIssuerSettings } from '../../history/issuer-settings.ts';
import { setIssuerSettings, setQuotaPolicy } from './set-issuer-rules.ts';
import { loadSubjectPanel } from './subject-panel.ts';
import {
  batchJobBody,
  batchJobResultQuery,
  batchQuery,
  batchResponse,
  checkQuery,
  checkResponse,
  panelQuery,
  panelResponse,
  quotaBody,
  quotaList,
  settingsBody,
  settingsResponse,
} from '@thidua/contracts/eligibility.ts';

const tags = ['eligibility'];
const authorityParams = z.strictObject({ authorityId: z.coerce.number().int().positive().max(2_147_483_647) });

export const eligibilityRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;

  // the check parses its own body in a worker thread: the route takes the raw bytes
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    raw.withTypeProvider<ZodTypeProvider>().post(
      '/check',
      {
        bodyLimit: 8 * 1_048_576,
        schema: {
          tags,
          summary: `Batch eligibility check (contract thidua.eligibility-cases/1 → thidua.eligibility-results/1), at most ${CHECK_MAX_CASES} cases`,
          querystring: checkQuery,
          body: z.unknown(),
          response: { 200: checkResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const lang = request.query.lang ?? negotiateLanguage(request.headers['accept-language']);
        const outcome = await rt.workers.checkEligibility({ body: request.body as Buffer, lang, maxCases: CHECK_MAX_CASES });
        return presentCheckOutcome(outcome);
      },
    );
  });

  app.get(
    '/subjects/:subjectType/:id',
    {
      schema: {
        tags,
        summary: 'Every title and form for a person or collective in a year: met or not, article by article',
        params: subjectParams,
        querystring: panelQuery,
        response: { 200: panelResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { subjectType, id } = request.params;
      const year = request.query.year ?? currentYear(rt.clock.now());
      return loadSubjectPanel(db, requireActor(request), requestTranslator(request), subjectType, id, year);
    },
  );

  app.get(
    '/batch',
    {
      schema: {
        tags,
        summary:
          'Who in a unit, cluster or authority meets the criteria for an award in a year, with quota usage: a page of candidates sorted and filtered, with the true total; every candidate as CSV (format=csv) or Excel (format=xlsx)',
        querystring: batchQuery,
        response: { 200: batchResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      const t = requestTranslator(request);
      const { population, quotaAuthorityId } = await resolvePopulation(db, actor, q);
      const result = await checkBatch(db, actor, t, q.award, q.year, population, quotaAuthorityId);
      if (q.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="eligibility-${q.award}-${q.year}.csv"`)
          .send(exportBatchCsv(result, q, t) as never);
      }
      if (q.format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="eligibility-${q.award}-${q.year}.xlsx"`)
          .send((await exportBatchXlsx(result, q, t)) as never);
      }
      return presentBatch(result, q);
    },
  );

  app.post(
    '/batch-jobs',
    {
      schema: {
        tags,
        summary: 'Run a batch (typically province-wide) as a job with progress; answers 202 with the job',
        body: batchJobBody,
        response: { 202: jobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { award, year, unitId, clusterId, authorityId } = request.body;
      const population = unitId !== undefined ? { unitId } : clusterId !== undefined ? { clusterId } : { authorityId: authorityId! };
      const lang = negotiateLanguage(request.headers['accept-language']);
      const id = await execute(rt, actor, (ctx) => startBatchJob(ctx, { award, year, population, lang }));
      const job = (await findJob(db, id))!;
      return reply.status(202).send(presentJob(job, abilitiesOnJob(actor, job)));
    },
  );

  app.get(
    '/batch-jobs/:id/result',
    {
      schema: {
        tags,
        summary: 'The result of a finished batch job: a page of candidates, sorted and filtered, with the true total',
        params: idParam,
        querystring: batchJobResultQuery,
        response: { 200: batchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const job = await findJob(db, request.params.id);
      authorizeJob(requireActor(request), job, request.params.id);
      if (job.kind !== eligibilityBatchJob.kind) throw notFound('job', request.params.id);
      if (job.state !== 'succeeded') throw fieldError('id', 'CONFLICT', 'job_not_finished', { state: job.state });
      return presentBatch(job.result as Awaited<ReturnType<typeof checkBatch>>, request.query);
    },
  );

  app.get(
    '/quotas/:authorityId',
    {
      schema: {
        tags,
        summary: "An issuing authority's quota policies",
        params: authorityParams,
        response: { 200: quotaList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { authorityId } = request.params;
      assertCanReadIssuer(actor, authorityId);
      return presentQuotaList(await listQuotaPolicies(db, authorityId), { set: canEditIssuer(actor, authorityId, 'setQuotas') });
    },
  );

  app.put(
    '/quotas/:authorityId',
    {
      schema: {
        tags,
        summary: 'Set a quota policy of an issuing authority from a year on',
        params: authorityParams,
        body: quotaBody,
        response: { 200: quotaList, ...errorResponses },
      },
    },
    async (request) => {
      const { authorityId } = request.params;
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => setQuotaPolicy(ctx, authorityId, request.body));
      return presentQuotaList(await listQuotaPolicies(db, authorityId), { set: canEditIssuer(actor, authorityId, 'setQuotas') });
    },
  );

  app.get(
    '/settings/:authorityId',
    {
      schema: {
        tags,
        summary: "An issuing authority's settings for criteria the law leaves open, in force for a year",
        params: authorityParams,
        querystring: panelQuery,
        response: { 200: settingsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { authorityId } = request.params;
      const actor = requireActor(request);
      assertCanReadIssuer(actor, authorityId);
      const year = request.query.year ?? currentYear(rt.clock.now());
      return presentSettings(authorityId, year, await loadIssuerSettings(db, authorityId, year), {
        set: canEditIssuer(actor, authorityId, 'setSettings'),
      });
    },
  );

  app.put(
    '/settings/:authorityId',
    {
      schema: {
        tags,
        summary: 'Set the settings of an issuing authority from a year on',
        params: authorityParams,
        body: settingsBody,
        response: { 200: settingsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { authorityId } = request.params;
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => setIssuerSettings(ctx, authorityId, request.body));
      const { year } = request.body;
      return presentSettings(authorityId, year, await loadIssuerSettings(db, authorityId, year), {
        set: canEditIssuer(actor, authorityId, 'setSettings'),
      });
    },
  );
};

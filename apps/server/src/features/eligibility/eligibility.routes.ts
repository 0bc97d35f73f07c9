import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeAllowsAuthority, scopeAllowsCluster, scopeAllowsUnit } from '@thidua/domain';
import { AWARDS, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { selectRulebook } from '@thidua/domain/rulebook/rulebooks.ts';
import {
  checkEligibilityCases,
  evaluateCase,
  renderEligibilityResults,
  renderInputError,
  renderReason,
} from '@thidua/domain/eligibility/index.ts';
import { translator } from '@thidua/i18n';
import type { FeatureOptions } from '../../app.ts';
import { auditActor, requireCapability } from '../../access/actor.ts';
import { assertCanReadSubject } from '../../access/subject-policy.ts';
import { recordEvent } from '../../audit/record.ts';
import { requireActor } from '../../http/auth.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { requestTranslator } from '../../http/error-handler.ts';
import { errorResponses, subjectParams } from '../../http/validate.ts';
import { currentYear } from '../../lib/clock.ts';
import { findSubject, loadEngineHistories } from '../../history/subject-history.ts';
import { buildCase } from './build-case.ts';
import { checkBatch } from './check-batch.ts';
import { listQuotaPolicies } from './eligibility.queries.ts';
import { loadIssuerSettings } from './issuer-settings.ts';
import { computeRewardVnd, findBaseSalary } from '@thidua/domain/rulebook/reward.ts';
import {
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
} from './eligibility.schemas.ts';

const tags = ['eligibility'];

function csv(rows: Array<Array<string | number | boolean | null>>): string {
  const cell = (v: string | number | boolean | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // BOM so spreadsheet programs read Vietnamese as UTF-8
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export const eligibilityRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, { db }) => {
  app.post(
    '/check',
    {
      bodyLimit: 20 * 1_048_576,
      schema: {
        tags,
        summary: 'Batch eligibility check (contract thidua.eligibility-cases/1 → thidua.eligibility-results/1)',
        querystring: checkQuery,
        body: z.unknown(),
        response: { 200: checkResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireCapability(actor, 'registry.read');
      const t = request.query.lang ? translator(request.query.lang) : requestTranslator(request);
      const result = checkEligibilityCases(request.body);
      if (!result.ok) {
        const line = renderInputError(result.params, t);
        throw new AppError(result.code, result.params, [{ path: String(result.params.path), key: 'eligibility_input', params: { line } }]);
      }
      return renderEligibilityResults(result.value, t) as z.infer<typeof checkResponse>;
    },
  );

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
      const actor = requireActor(request);
      const { subjectType, id } = request.params;
      const subject = await findSubject(db, subjectType, id);
      assertCanReadSubject(actor, subjectType, subject, id);
      const year = request.query.year ?? currentYear();
      const t = requestTranslator(request);
      const history = (await loadEngineHistories(db, subjectType, [id])).get(id)!;
      const kind = subjectType === 'person' ? 'individual' : 'collective';
      const { settings } = await loadIssuerSettings(db, subject.authority_id, year);
      const date = `${year}-12-31`;
      const rulebook = selectRulebook(date);
      const baseSalary = findBaseSalary(date);
      const items = AWARDS.filter((a) => a.subject === kind || a.subject === 'any').flatMap((a) => {
        const verdict = evaluateCase(
          buildCase(String(id), subjectType, subject.gender, history, a.code as AwardCode, year, date),
          settings,
        );
        if (!verdict) return [];
        const rewardVnd =
          rulebook && baseSalary !== undefined ? (computeRewardVnd(a.code as AwardCode, rulebook, baseSalary) ?? null) : null;
        return [
          {
            award: a.code,
            awardName: t(`vocabulary:awards.${a.code}`),
            eligible: verdict.eligible,
            rewardVnd,
            reasons: verdict.reasons.map((r) => renderReason(r, t)),
          },
        ];
      });
      return { subject: { type: subjectType, id, name: subject.name }, year, rulebook: rulebook?.id ?? null, items };
    },
  );

  app.get(
    '/batch',
    {
      schema: {
        tags,
        summary: 'Who in a unit, cluster or authority meets the criteria for an award in a year, with quota usage; CSV with format=csv',
        querystring: batchQuery,
        response: { 200: batchResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      requireCapability(actor, 'registry.read');
      const q = request.query;
      const t = requestTranslator(request);
      let quotaAuthorityId: number;
      let population;
      if (q.unitId !== undefined) {
        const unit = await db.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', q.unitId).executeTakeFirst();
        if (!unit || !scopeAllowsUnit(actor.scope, { id: unit.id, authorityId: unit.authority_id })) throw notFound('unit', q.unitId);
        population = { unitId: unit.id };
        quotaAuthorityId = unit.authority_id;
      } else if (q.clusterId !== undefined) {
        const cluster = await db.selectFrom('cluster').select(['id', 'authority_id']).where('id', '=', q.clusterId).executeTakeFirst();
        if (!cluster || !scopeAllowsCluster(actor.scope, { id: cluster.id, authorityId: cluster.authority_id }))
          throw notFound('cluster', q.clusterId);
        population = { clusterId: cluster.id };
        quotaAuthorityId = cluster.authority_id;
      } else {
        if (!scopeAllowsAuthority(actor.scope, q.authorityId!)) throw notFound('authority', q.authorityId);
        population = { authorityId: q.authorityId! };
        quotaAuthorityId = q.authorityId!;
      }
      const result = await checkBatch(db, actor, t, q.award as AwardCode, q.year, population, quotaAuthorityId);
      if (q.format === 'csv') {
        const header = ['id', 'name', 'unit', 'eligible', 'withinQuota', 'merit', 'unmet', 'outsideQuota'].map((h) =>
          t(`reports:eligibilityExport.${h}`),
        );
        const body = csv([
          header,
          ...result.candidates.map((c) => [
            c.id,
            c.name,
            c.unitName,
            c.eligible,
            c.withinQuota,
            c.merit,
            c.failed.map((f) => f).join(' '),
            c.outsideReason,
          ]),
        ]);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="eligibility-${q.award}-${q.year}.csv"`)
          .send(body as never);
      }
      return { ...result, candidatesTotal: result.candidates.length, candidates: result.candidates.slice(0, q.limit) };
    },
  );

  app.get(
    '/quotas/:authorityId',
    {
      schema: {
        tags,
        summary: "An issuing authority's quota policies",
        params: z.strictObject({ authorityId: z.coerce.number().int().positive() }),
        response: { 200: quotaList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!scopeAllowsAuthority(actor.scope, request.params.authorityId)) throw notFound('authority', request.params.authorityId);
      const rows = await listQuotaPolicies(db, request.params.authorityId);
      return {
        items: rows.map((p) => ({
          authorityId: p.authority_id,
          awardCode: p.award_code,
          year: p.year,
          ratePercent: Number(p.rate_percent),
          rounding: p.rounding as 'floor',
          minOne: p.min_one,
          baseAwardCode: p.base_award_code,
        })),
      };
    },
  );

  app.put(
    '/quotas/:authorityId',
    {
      schema: {
        tags,
        summary: 'Set a quota policy of an issuing authority from a year on',
        params: z.strictObject({ authorityId: z.coerce.number().int().positive() }),
        body: quotaBody,
        response: { 200: quotaList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const authorityId = request.params.authorityId;
      if (
        !scopeAllowsAuthority(actor.scope, authorityId) ||
        !(await db.selectFrom('authority').select('id').where('id', '=', authorityId).executeTakeFirst())
      )
        throw notFound('authority', authorityId);
      requireCapability(actor, 'authority.edit');
      const b = request.body;
      await db.transaction().execute(async (tx) => {
        const values = { rate_percent: b.ratePercent, rounding: b.rounding, min_one: b.minOne, base_award_code: b.baseAwardCode };
        await tx
          .insertInto('quota_policy')
          .values({ authority_id: authorityId, award_code: b.awardCode, year: b.year, ...values })
          .onConflict((oc) => oc.columns(['authority_id', 'award_code', 'year']).doUpdateSet(values))
          .execute();
        await recordEvent(
          tx,
          auditActor(actor),
          {
            type: 'QUOTA_POLICY_SET',
            entityType: 'authority',
            entityId: authorityId,
            data: {
              awardCode: b.awardCode,
              year: b.year,
              ratePercent: b.ratePercent,
              rounding: b.rounding,
              minOne: b.minOne,
              baseAwardCode: b.baseAwardCode,
            },
          },
          authorityId,
        );
      });
      const rows = await listQuotaPolicies(db, authorityId);
      return {
        items: rows.map((p) => ({
          authorityId: p.authority_id,
          awardCode: p.award_code,
          year: p.year,
          ratePercent: Number(p.rate_percent),
          rounding: p.rounding as 'floor',
          minOne: p.min_one,
          baseAwardCode: p.base_award_code,
        })),
      };
    },
  );

  app.get(
    '/settings/:authorityId',
    {
      schema: {
        tags,
        summary: "An issuing authority's settings for criteria the law leaves open, in force for a year",
        params: z.strictObject({ authorityId: z.coerce.number().int().positive() }),
        querystring: panelQuery,
        response: { 200: settingsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const authorityId = request.params.authorityId;
      if (!scopeAllowsAuthority(actor.scope, authorityId)) throw notFound('authority', authorityId);
      const year = request.query.year ?? currentYear();
      const { settings, fromYear, overrides } = await loadIssuerSettings(db, authorityId, year);
      return { authorityId, year, fromYear, overrides, effective: settings as unknown as Record<string, unknown> };
    },
  );

  app.put(
    '/settings/:authorityId',
    {
      schema: {
        tags,
        summary: 'Set the settings of an issuing authority from a year on',
        params: z.strictObject({ authorityId: z.coerce.number().int().positive() }),
        body: settingsBody,
        response: { 200: settingsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const authorityId = request.params.authorityId;
      if (
        !scopeAllowsAuthority(actor.scope, authorityId) ||
        !(await db.selectFrom('authority').select('id').where('id', '=', authorityId).executeTakeFirst())
      )
        throw notFound('authority', authorityId);
      requireCapability(actor, 'authority.edit');
      const { year, overrides } = request.body;
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('issuer_settings')
          .values({ authority_id: authorityId, year, overrides: JSON.stringify(overrides) })
          .onConflict((oc) => oc.columns(['authority_id', 'year']).doUpdateSet({ overrides: JSON.stringify(overrides) }))
          .execute();
        await recordEvent(
          tx,
          auditActor(actor),
          { type: 'ISSUER_SETTINGS_SET', entityType: 'authority', entityId: authorityId, data: { year, overrides } },
          authorityId,
        );
      });
      const loaded = await loadIssuerSettings(db, authorityId, year);
      return {
        authorityId,
        year,
        fromYear: loaded.fromYear,
        overrides: loaded.overrides,
        effective: loaded.settings as unknown as Record<string, unknown>,
      };
    },
  );
};

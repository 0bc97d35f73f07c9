import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { assertCanReadSubject, canEditRecords } from '../../access/subject-policy.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses } from '../../http/validate.ts';
import { findSubject, loadSubjectHistory } from '../../history/subject-history.ts';
import { presentHistory } from './records.presenter.ts';
import { bodies, historySchema, RECORD_KINDS, recordParams, subjectParams } from '@thidua/contracts/records.ts';
import { addRecord, removeRecord } from './save-record.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/actor.ts';

const tags = ['records'];

async function loadHistory(db: Db, actor: Actor, type: 'person' | 'unit', id: number) {
  const subject = await findSubject(db, type, id);
  assertCanReadSubject(actor, type, subject, id);
  return presentHistory(type, subject, await loadSubjectHistory(db, type, id), { editRecords: canEditRecords(actor, type, subject) });
}

export const recordRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  app.get(
    '/:subjectType/:id',
    {
      schema: {
        tags,
        summary: "A person's or collective's ratings, awards, initiatives, discipline, leaves, reviews and member figures",
        params: subjectParams,
        response: { 200: historySchema, ...errorResponses },
      },
    },
    async (request) => loadHistory(db, requireActor(request), request.params.subjectType, request.params.id),
  );
  for (const kind of RECORD_KINDS) {
    app.post(
      `/:subjectType/:id/${kind}`,
      {
        schema: {
          tags,
          summary: `Add to ${kind}`,
          params: subjectParams,
          body: bodies[kind] as z.ZodType<Record<string, unknown>>,
          response: { 201: historySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { subjectType, id } = request.params;
        await execute(rt, actor, (ctx) => addRecord(ctx, subjectType, id, kind, request.body as Record<string, unknown>));
        return reply.status(201).send(await loadHistory(db, actor, subjectType, id));
      },
    );
  }
  app.delete(
    '/:subjectType/:id/:kind/:recordId',
    {
      schema: {
        tags,
        summary: 'Remove a record (ratings and figures by year)',
        params: recordParams,
        response: { 200: historySchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { subjectType, id, kind, recordId } = request.params;
      await execute(rt, actor, (ctx) => removeRecord(ctx, subjectType, id, kind, recordId));
      return loadHistory(db, actor, subjectType, id);
    },
  );
};

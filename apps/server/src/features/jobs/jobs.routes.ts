import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, idParam } from '../../http/validate.ts';
import { findJob } from '../../jobs/queue.ts';
import { requestJobCancel } from './cancel-job.ts';
import { abilitiesOnJob, authorizeJob } from '../../jobs/job-policy.ts';
import { presentJob } from '../../jobs/present.ts';
import { jobSchema } from '@thidua/contracts/jobs.ts';

const tags = ['jobs'];

export const jobRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  const load = async (actor: ReturnType<typeof requireActor>, id: number) => {
    const job = await findJob(db, id);
    authorizeJob(actor, job, id);
    return presentJob(job, abilitiesOnJob(actor, job));
  };

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A job the caller started: state and progress',
        params: idParam,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    async (request) => load(requireActor(request), request.params.id),
  );

  app.post(
    '/:id/cancel',
    { schema: { tags, summary: 'Cancel a queued or running job', params: idParam, response: { 200: jobSchema, ...errorResponses } } },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => requestJobCancel(ctx, request.params.id));
      return load(actor, request.params.id);
    },
  );
};

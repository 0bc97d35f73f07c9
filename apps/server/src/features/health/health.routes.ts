import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isReachable } from '../../db/client.ts';
import type { FeatureOptions } from '../../http/feature.ts';

export const healthRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, { db }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
      },
    },
    async (_request, reply) =>
      (await isReachable(db)) ? { status: 'ok' as const } : reply.status(503).send({ status: 'unavailable' as const }),
  );
};

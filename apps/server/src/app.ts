import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig, FeatureOptions } from './http/feature.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { startWorkers, type Workers } from './workers/pool.ts';
import { closeDocumentRenderer } from './documents/render.ts';
import type { Database } from './db/client.ts';
import { frameworkErrors, installErrorHandler } from './http/error-handler.ts';
import { installInputGuard } from './http/input-guard.ts';
import { contentSecurityDirectives, contentSecurityHeader } from './http/content-security.ts';
import { installSessionResolver } from './http/auth.ts';
import { installCsrf } from './http/csrf.ts';
import { ACTOR_CHANNEL, invalidateActors } from './access/actor-cache.ts';
import { serveWebApp } from './http/web-app.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { authorityRoutes } from './features/authorities/authorities.routes.ts';
import { unitRoutes } from './features/units/units.routes.ts';
import { peopleRoutes } from './features/people/people.routes.ts';
import { clusterRoutes } from './features/clusters/clusters.routes.ts';
import { scoringRoutes } from './features/scoring/scoring.routes.ts';
import { roundRoutes } from './features/scoring/round.routes.ts';
import { ballotRoutes } from './features/ballots/ballots.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { recordRoutes } from './features/records/records.routes.ts';
import { eligibilityRoutes } from './features/eligibility/eligibility.routes.ts';
import { userRoutes } from './features/users/users.routes.ts';
import { jobRoutes } from './features/jobs/jobs.routes.ts';
import { adminRoutes } from './features/admin/admin.routes.ts';
import { decisionRoutes } from './features/decisions/decisions.routes.ts';
import { verifyRoutes } from './features/decisions/verify.routes.ts';
import { eligibilityBatchJob } from './features/eligibility/batch-job.ts';
import { JobWorker, type WorkerOptions } from './jobs/worker.ts';

/** Every kind of job this server runs. */
const JOB_DEFINITIONS = [eligibilityBatchJob];

export interface AppDeps {
  database: Database;
  config: AppConfig;
  /** The source of "now" for sessions and commands (tests inject one). */
  clock?: Clock;
  /** Worker threads for CPU-heavy requests; started with the app when not given, stopped with it. */
  workers?: Workers;
  /** Run queued jobs in this process (default true); stopped with the app. */
  jobWorker?: boolean | WorkerOptions;
}

export async function buildApp({ database, config, clock = systemClock, workers, jobWorker = true }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1_048_576,
    trustProxy: false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityDirectives(config.cookieSecure) },
    // HSTS only where the site is served over HTTPS: over plain HTTP it is meaningless or, behind a misconfigured
    // proxy, harmful
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // answers carry personal data: no shared or browser cache keeps them
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'thidua API', version: '1', description: 'Emulation and commendation management (thi đua – khen thưởng)' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'thidua_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI sets inline styles from its script: its pages get the application's own policy, which allows them
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: () => contentSecurityHeader(config.cookieSecure),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const actors = installSessionResolver(app, database.db, clock);
  // other server processes on the same PostgreSQL database announce the writes that change sessions and scopes
  if (database.listen) {
    actors.usable = false;
    const stop = await database.listen(
      ACTOR_CHANNEL,
      () => invalidateActors(database.db),
      (listening) => {
        actors.clear();
        actors.usable = listening;
      },
    );
    app.addHook('onClose', stop);
  }
  await installCsrf(app, database.db);

  const ownWorkers = workers ?? startWorkers();
  if (!workers) app.addHook('onClose', () => ownWorkers.close());
  app.addHook('onClose', () => closeDocumentRenderer());
  const ctx: FeatureOptions = { db: database.db, clock, config, workers: ownWorkers, databaseKind: database.kind };
  await app.register(healthRoutes, { prefix: '/api', ...ctx });
  await app.register(authRoutes, { prefix: '/api/v1/auth', ...ctx });
  await app.register(authorityRoutes, { prefix: '/api/v1/authorities', ...ctx });
  await app.register(unitRoutes, { prefix: '/api/v1/units', ...ctx });
  await app.register(peopleRoutes, { prefix: '/api/v1/people', ...ctx });
  await app.register(clusterRoutes, { prefix: '/api/v1/clusters', ...ctx });
  await app.register(scoringRoutes, { prefix: '/api/v1/clusters', ...ctx });
  await app.register(roundRoutes, { prefix: '/api/v1/clusters', ...ctx });
  await app.register(ballotRoutes, { prefix: '/api/v1/ballots', ...ctx });
  await app.register(auditRoutes, { prefix: '/api/v1/audit', ...ctx });
  await app.register(recordRoutes, { prefix: '/api/v1/records', ...ctx });
  await app.register(eligibilityRoutes, { prefix: '/api/v1/eligibility', ...ctx });
  await app.register(userRoutes, { prefix: '/api/v1/users', ...ctx });
  await app.register(decisionRoutes, { prefix: '/api/v1/decisions', ...ctx });
  await app.register(verifyRoutes, ctx);
  await app.register(jobRoutes, { prefix: '/api/v1/jobs', ...ctx });
  await app.register(adminRoutes, { prefix: '/api/v1/admin', ...ctx });

  if (jobWorker) {
    const worker = new JobWorker({ db: database.db, clock }, JOB_DEFINITIONS, {
      ...(typeof jobWorker === 'object' ? jobWorker : {}),
      onError: (error) => app.log.error({ err: error }, 'job failed'),
    });
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', () => worker.stop());
  }

  if (existsSync(config.webDir)) await serveWebApp(app, config.webDir);
  return app;
}

import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { takeSnapshot } from '../../backup/backup.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import type { FeatureOptions } from '../../http/feature.ts';
import { errorResponses } from '../../http/validate.ts';
import { todayInVietnam } from '../../lib/clock.ts';
import { authorizeBackupDownload } from './admin.policy.ts';
import { recordBackupDownload } from './record-backup-download.ts';

const tags = ['admin'];

export const adminRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  app.get(
    '/backup',
    {
      schema: {
        tags,
        summary:
          'A backup of the whole database (the format of `npx thidua backup`: a .tar.gz of a manifest with checksums and one NDJSON file per table), taken while the server runs; system administrator only',
        produces: ['application/gzip'],
        response: { 200: z.unknown().describe('application/gzip: the backup archive'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorizeBackupDownload(actor);
      // the snapshot is read and spooled first, so the database is free again before the client starts receiving
      const snapshot = await takeSnapshot({ db: rt.db, kind: rt.databaseKind }, rt.clock);
      try {
        await execute(rt, actor, (ctx) => recordBackupDownload(ctx, snapshot.manifest));
      } catch (error) {
        await snapshot.dispose();
        throw error;
      }
      const body = new PassThrough();
      snapshot
        .pack(body)
        .catch((error: unknown) => {
          request.log.error(error, 'backup download failed');
          body.destroy(error as Error);
        })
        .finally(() => void snapshot.dispose());
      const day = todayInVietnam(new Date(snapshot.manifest.createdAt));
      return reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', `attachment; filename="thidua-backup-${day}.tar.gz"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};

import type { Manifest } from '../../backup/format.ts';
import type { TxContext } from '../../db/transaction.ts';
import { authorizeBackupDownload } from './admin.policy.ts';

/** A downloaded backup is an event of the chain: who took a copy of everything, and of what. */
export async function recordBackupDownload(ctx: TxContext, manifest: Manifest): Promise<void> {
  authorizeBackupDownload(ctx.actor);
  ctx.audit(
    {
      type: 'BACKUP_DOWNLOADED',
      entityType: null,
      entityId: null,
      data: { tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), migration: manifest.migration },
    },
    null,
  );
}

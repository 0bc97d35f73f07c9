import { canDownloadBackup } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { AppError } from '../../http/app-error.ts';

/** Only the system administrator downloads a backup: it holds every record and every account. */
export function authorizeBackupDownload(actor: Actor): void {
  if (!canDownloadBackup(actor)) throw new AppError('FORBIDDEN');
}

import type { z } from 'zod';
import { diff } from '../../audit/events.ts';
import type { TxContext } from '../../db/transaction.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { searchKey } from '../../lib/search-key.ts';
import { authorizeAuthority } from './authorities.policy.ts';
import { findAuthority } from './authorities.queries.ts';
import type { updateAuthorityBody } from '@thidua/contracts/authorities.ts';

export async function updateAuthority(ctx: TxContext, id: number, input: z.infer<typeof updateAuthorityBody>): Promise<void> {
  const before = await findAuthority(ctx.tx, id);
  authorizeAuthority(ctx.actor, before, id, 'update');
  const values = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
    ...(input.place !== undefined ? { place: input.place } : {}),
  };
  await updateVersioned(ctx, 'authority', id, input.version, {
    ...values,
    search_key: searchKey(values.name ?? before.name, values.short_name ?? before.short_name, before.code),
  });
  ctx.audit({ type: 'AUTHORITY_UPDATED', entityType: 'authority', entityId: id, data: { changes: diff(before, values) } }, id);
}

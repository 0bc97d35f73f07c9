import type { z } from 'zod';
import { diff } from '../../audit/events.ts';
import type { TxContext } from '../../db/transaction.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { fieldError } from '../../http/app-error.ts';
import { searchKey } from '../../lib/search-key.ts';
import { authorizePerson, authorizePlacementIn } from './people.policy.ts';
import type { updatePersonBody } from '@thidua/contracts/people.ts';

export async function updatePerson(ctx: TxContext, id: number, input: z.infer<typeof updatePersonBody>): Promise<void> {
  const { tx, actor } = ctx;
  const before = await tx.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  authorizePerson(actor, before, id, 'update');
  if (input.unitId !== undefined && input.unitId !== before.unit_id) {
    // moving someone to a unit the editor cannot see would be a write outside the editor's scope
    const unit = await tx.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', input.unitId).executeTakeFirst();
    if (unit && unit.authority_id !== before.authority_id)
      throw fieldError('unitId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.unitId });
    authorizePlacementIn(actor, unit, 'unitId', input.unitId);
  }
  const values = {
    ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
    ...(input.gender !== undefined ? { gender: input.gender } : {}),
    ...(input.birthDate !== undefined ? { birth_date: input.birthDate } : {}),
    ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
  };
  await updateVersioned(ctx, 'person', id, input.version, {
    ...values,
    search_key: searchKey(values.full_name ?? before.full_name, before.code),
  });
  ctx.audit({ type: 'PERSON_UPDATED', entityType: 'person', entityId: id, data: { changes: diff(before, values) } }, before.authority_id);
}

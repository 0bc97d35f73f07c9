import type { z } from 'zod';
import { scopeAllowsUnit } from '@thidua/domain';
import { diff } from '../../audit/events.ts';
import { recordEvent } from '../../audit/record.ts';
import { auditActor, type Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { fieldError, notFound } from '../../http/app-error.ts';
import { searchKey } from '../../lib/search-key.ts';
import { assertCanEditPerson } from './people.policy.ts';
import type { updatePersonBody } from './people.schemas.ts';

export async function updatePerson(db: Db, actor: Actor, id: number, input: z.infer<typeof updatePersonBody>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('person', id);
    assertCanEditPerson(actor, before);
    if (input.unitId !== undefined && input.unitId !== before.unit_id) {
      // moving someone to a unit the editor cannot see would be a write outside the editor's scope
      const unit = await tx.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', input.unitId).executeTakeFirst();
      if (
        !unit ||
        unit.authority_id !== before.authority_id ||
        !scopeAllowsUnit(actor.scope, { id: unit.id, authorityId: unit.authority_id })
      ) {
        throw fieldError('unitId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.unitId });
      }
    }
    const values = {
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.birthDate !== undefined ? { birth_date: input.birthDate } : {}),
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
    };
    await updateVersioned(tx, 'person', id, input.version, {
      ...values,
      search_key: searchKey(values.full_name ?? before.full_name, before.code),
    });
    await recordEvent(
      tx,
      auditActor(actor),
      { type: 'PERSON_UPDATED', entityType: 'person', entityId: id, data: { changes: diff(before, values) } },
      before.authority_id,
    );
  });
}

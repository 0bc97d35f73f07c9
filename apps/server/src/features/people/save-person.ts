import { codeKey } from '../../db/comparison-keys.ts';
import type { TxContext } from '../../db/transaction.ts';
import type { z } from 'zod';
import { scopeAllowsUnit } from '@thidua/domain';
import { refuseTakenCode } from './people.policy.ts';
import type { Actor } from '../../access/actor.ts';
import type { Tx } from '../../db/client.ts';
import { fieldError, notFound } from '../../http/app-error.ts';
import { searchKey } from '../../lib/search-key.ts';
import { authorizePerson, authorizePersonCreation } from './people.policy.ts';
import type { addPositionBody, createPersonBody } from '@thidua/contracts/people.ts';

/** A unit the actor may see, else a field error: people are only placed in units within the editor's scope. */
async function unitInScope(tx: Tx, actor: Actor, unitId: number, field: string) {
  const unit = await tx.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || !scopeAllowsUnit(actor.scope, { id: unit.id, authorityId: unit.authority_id }))
    throw fieldError(field, 'VALIDATION_FAILED', 'unknown_reference', { id: unitId });
  return unit;
}

export async function createPerson(ctx: TxContext, input: z.infer<typeof createPersonBody>): Promise<number> {
  const { tx, actor } = ctx;
  const unit = await tx.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', input.unitId).executeTakeFirst();
  authorizePersonCreation(actor, unit, input.unitId);
  const taken = await tx
    .selectFrom('person')
    .select(['id', 'unit_id', 'authority_id'])
    .where('authority_id', '=', unit.authority_id)
    .where('code_key', '=', codeKey(input.code))
    .executeTakeFirst();
  if (taken) refuseTakenCode(actor, taken, input.code);
  const row = await tx
    .insertInto('person')
    .values({
      authority_id: unit.authority_id,
      code: input.code,
      full_name: input.fullName,
      gender: input.gender,
      birth_date: input.birthDate ?? null,
      unit_id: unit.id,
      search_key: searchKey(input.fullName, input.code),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit(
    {
      type: 'PERSON_CREATED',
      entityType: 'person',
      entityId: row.id,
      data: { code: input.code, fullName: input.fullName, unitId: unit.id },
    },
    unit.authority_id,
  );
  return row.id;
}

export async function addPosition(ctx: TxContext, personId: number, input: z.infer<typeof addPositionBody>): Promise<void> {
  const { tx, actor } = ctx;
  const person = await tx.selectFrom('person').select(['id', 'authority_id', 'unit_id']).where('id', '=', personId).executeTakeFirst();
  authorizePerson(actor, person, personId, 'addPosition');
  if (input.to && input.to < input.from) throw fieldError('to', 'DATE_RANGE_INVALID', 'date_range_invalid');
  const unit = await unitInScope(tx, actor, input.unitId, 'unitId');
  const row = await tx
    .insertInto('person_position')
    .values({
      authority_id: unit.authority_id,
      person_id: personId,
      unit_id: unit.id,
      title: input.title,
      from_date: input.from,
      to_date: input.to ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit(
    {
      type: 'PERSON_POSITION_ADDED',
      entityType: 'person',
      entityId: personId,
      data: { positionId: row.id, unitId: unit.id, title: input.title, from: input.from, to: input.to ?? null },
    },
    person.authority_id,
  );
}

export async function removePosition(ctx: TxContext, personId: number, positionId: number): Promise<void> {
  const { tx, actor } = ctx;
  const person = await tx.selectFrom('person').select(['id', 'authority_id', 'unit_id']).where('id', '=', personId).executeTakeFirst();
  authorizePerson(actor, person, personId, 'removePosition');
  const r = await tx.deleteFrom('person_position').where('id', '=', positionId).where('person_id', '=', personId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound('record', positionId);
  ctx.audit({ type: 'PERSON_POSITION_REMOVED', entityType: 'person', entityId: personId, data: { positionId } }, person.authority_id);
}

import { codeKey } from '../../db/comparison-keys.ts';
import type { TxContext } from '../../db/transaction.ts';
import type { z } from 'zod';
import { diff } from '../../audit/events.ts';
import type { Tx } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { fieldError } from '../../http/app-error.ts';
import { searchKey } from '../../lib/search-key.ts';
import { authorizeUnit, authorizeUnitCreation } from './units.policy.ts';
import { ancestorIds, unitsByIds } from './units.queries.ts';
import type { createUnitBody, updateUnitBody } from '@thidua/contracts/units.ts';

type Links = {
  authorityId: number;
  selfId: number | null;
  parentId?: number | null;
  predecessorIds?: number[];
  foundedOn?: string | null;
  dissolvedOn?: string | null;
};

/** Parent and predecessors must be units of the same authority; a unit cannot sit under itself. */
async function checkLinks(tx: Tx, l: Links): Promise<void> {
  if (l.foundedOn && l.dissolvedOn && l.dissolvedOn < l.foundedOn)
    throw fieldError('dissolvedOn', 'DATE_RANGE_INVALID', 'date_range_invalid');
  if (l.parentId) {
    const [parent] = await unitsByIds(tx, [l.parentId]);
    if (!parent || parent.authority_id !== l.authorityId)
      throw fieldError('parentId', 'VALIDATION_FAILED', 'unknown_reference', { id: l.parentId });
    if (l.selfId !== null && (await ancestorIds(tx, l.parentId)).includes(l.selfId))
      throw fieldError('parentId', 'UNIT_CYCLE', 'unit_cycle');
  }
  if (l.predecessorIds?.length) {
    const ids = [...new Set(l.predecessorIds)];
    if (l.selfId !== null && ids.includes(l.selfId)) throw fieldError('predecessorIds', 'UNIT_CYCLE', 'unit_cycle');
    const found = await unitsByIds(tx, ids);
    const bad = ids.find((id) => !found.some((u) => u.id === id && u.authority_id === l.authorityId));
    if (bad !== undefined) throw fieldError('predecessorIds', 'VALIDATION_FAILED', 'unknown_reference', { id: bad });
  }
}

async function replacePredecessors(tx: Tx, authorityId: number, unitId: number, ids: number[]) {
  await tx.deleteFrom('unit_succession').where('successor_id', '=', unitId).execute();
  if (ids.length)
    await tx
      .insertInto('unit_succession')
      .values([...new Set(ids)].map((p) => ({ authority_id: authorityId, predecessor_id: p, successor_id: unitId, effective_on: null })))
      .execute();
}

export async function createUnit(ctx: TxContext, input: z.infer<typeof createUnitBody>): Promise<number> {
  const { tx, actor } = ctx;
  authorizeUnitCreation(actor, input.authorityId);
  await checkLinks(tx, {
    authorityId: input.authorityId,
    selfId: null,
    parentId: input.parentId,
    predecessorIds: input.predecessorIds,
    foundedOn: input.foundedOn,
    dissolvedOn: input.dissolvedOn,
  });
  const dup = await tx
    .selectFrom('unit')
    .select('id')
    .where('authority_id', '=', input.authorityId)
    .where('code_key', '=', codeKey(input.code))
    .executeTakeFirst();
  if (dup) throw fieldError('code', 'CONFLICT', 'duplicate_code', { code: input.code });
  const row = await tx
    .insertInto('unit')
    .values({
      authority_id: input.authorityId,
      code: input.code,
      name: input.name,
      short_name: input.shortName ?? null,
      unit_type: input.unitType,
      legal_entity: input.legalEntity,
      state_capital_pct: input.stateCapitalPct ?? null,
      parent_id: input.parentId ?? null,
      province: input.province ?? null,
      tax_code: input.taxCode ?? null,
      founded_on: input.foundedOn ?? null,
      dissolved_on: input.dissolvedOn ?? null,
      search_key: searchKey(input.name, input.shortName, input.code),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replacePredecessors(tx, input.authorityId, row.id, input.predecessorIds ?? []);
  ctx.audit(
    { type: 'UNIT_CREATED', entityType: 'unit', entityId: row.id, data: { code: input.code, name: input.name } },
    input.authorityId,
  );
  return row.id;
}

const COLUMN: Record<string, string> = {
  name: 'name',
  shortName: 'short_name',
  unitType: 'unit_type',
  legalEntity: 'legal_entity',
  stateCapitalPct: 'state_capital_pct',
  parentId: 'parent_id',
  province: 'province',
  taxCode: 'tax_code',
  foundedOn: 'founded_on',
  dissolvedOn: 'dissolved_on',
};

export async function updateUnit(ctx: TxContext, id: number, input: z.infer<typeof updateUnitBody>): Promise<void> {
  const { tx, actor } = ctx;
  const before = await tx.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
  authorizeUnit(actor, before, id, 'update');
  const { version, predecessorIds, ...changes } = input;
  await checkLinks(tx, {
    authorityId: before.authority_id,
    selfId: id,
    parentId: changes.parentId,
    predecessorIds,
    foundedOn: changes.foundedOn === undefined ? before.founded_on : changes.foundedOn,
    dissolvedOn: changes.dissolvedOn === undefined ? before.dissolved_on : changes.dissolvedOn,
  });
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) values[COLUMN[key]!] = value;
  const next = { ...before, ...values } as typeof before;
  await updateVersioned(ctx, 'unit', id, version, { ...values, search_key: searchKey(next.name, next.short_name, next.code) });
  if (predecessorIds) await replacePredecessors(tx, before.authority_id, id, predecessorIds);
  const beforeView = {
    ...before,
    state_capital_pct: before.state_capital_pct === null ? null : Number(before.state_capital_pct),
  } as Record<string, unknown>;
  const changed = diff(beforeView, values);
  if (predecessorIds) changed.predecessorIds = { from: null, to: predecessorIds };
  ctx.audit({ type: 'UNIT_UPDATED', entityType: 'unit', entityId: id, data: { changes: changed } }, before.authority_id);
}

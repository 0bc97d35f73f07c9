import { z } from 'zod';
import { UNIT_ACTIONS } from '@thidua/domain';
import { UNIT_TYPES } from '@thidua/domain/rulebook/applicability.ts';
import { abilitiesSchema, dateString, optionalText, text, version } from './shared.ts';

export { UNIT_TYPES };

const ref = z.object({ id: z.number(), name: z.string() });
export const unitSchema = z.object({
  id: z.number(),
  authorityId: z.number(),
  authorityName: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  unitType: z.enum(UNIT_TYPES),
  legalEntity: z.boolean(),
  stateCapitalPct: z.number().nullable(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  province: z.string().nullable(),
  taxCode: z.string().nullable(),
  foundedOn: z.string().nullable(),
  dissolvedOn: z.string().nullable(),
  version: z.number(),
  predecessors: z.array(ref),
  successors: z.array(ref),
  abilities: abilitiesSchema(UNIT_ACTIONS),
});

const fields = {
  name: text(300),
  shortName: optionalText(100),
  unitType: z.enum(UNIT_TYPES),
  legalEntity: z.boolean(),
  stateCapitalPct: z.number().min(0).max(100).nullable(),
  parentId: z.number().int().positive().max(2_147_483_647).nullable(),
  province: optionalText(100),
  taxCode: z
    .string()
    .trim()
    .refine((v) => /^\d{10}(-\d{3})?$/.test(v), { params: { key: 'tax_code' } })
    .nullable(),
  foundedOn: dateString.nullable(),
  dissolvedOn: dateString.nullable(),
  predecessorIds: z.array(z.number().int().positive().max(2_147_483_647)).max(50),
};

export const createUnitBody = z.strictObject({
  authorityId: z.number().int().positive().max(2_147_483_647),
  code: text(40),
  ...fields,
  shortName: fields.shortName,
  legalEntity: fields.legalEntity.default(true),
  stateCapitalPct: fields.stateCapitalPct.optional(),
  parentId: fields.parentId.optional(),
  taxCode: fields.taxCode.optional(),
  foundedOn: fields.foundedOn.optional(),
  dissolvedOn: fields.dissolvedOn.optional(),
  predecessorIds: fields.predecessorIds.optional(),
});

export const updateUnitBody = z.strictObject({ version, ...z.object(fields).partial().shape });

export const listQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  authorityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  unitType: z.enum(UNIT_TYPES).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

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

export const CLUSTER_ROLES = ['HEAD', 'DEPUTY'] as const;
/**
 * The clusters and blocks a unit belongs to, among those the caller may see: the years it was a member, the years
 * it was head or deputy, and the rotating flag's hand-overs to it.
 */
export const unitClustersSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      kind: z.enum(['CLUSTER', 'BLOCK']),
      name: z.string(),
      authorityId: z.number(),
      authorityName: z.string(),
      activeFrom: z.string(),
      activeTo: z.string().nullable(),
      memberships: z.array(z.object({ year: z.number(), from: z.string().nullable(), to: z.string().nullable() })),
      roles: z.array(z.object({ year: z.number(), role: z.enum(CLUSTER_ROLES) })),
      flagCustody: z.array(z.object({ from: z.string(), to: z.string().nullable(), note: z.string().nullable() })),
    }),
  ),
});

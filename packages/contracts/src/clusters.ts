import { z } from 'zod';
import { CLUSTER_ACTIONS } from '@thidua/domain';
import { abilitiesSchema, dateString, optionalText, text, version, year } from './shared.ts';

export const clusterItem = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(['CLUSTER', 'BLOCK']),
  name: z.string(),
  authorityId: z.number(),
  authorityName: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  memberCount: z.number(),
  headUnitName: z.string().nullable(),
  deputyUnitName: z.string().nullable(),
  version: z.number(),
});

export const clusterDetail = clusterItem.extend({
  abilities: abilitiesSchema(CLUSTER_ACTIONS),
  decision: z.object({
    id: z.number(),
    number: z.string(),
    issuedOn: z.string(),
    issuer: z.string(),
    signerName: z.string(),
    signerTitle: z.string(),
    summary: z.string(),
  }),
  memberships: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      unitType: z.string(),
      year: z.number(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
  ),
  leadership: z.array(
    z.object({
      year: z.number(),
      headUnitId: z.number(),
      headUnitName: z.string(),
      deputyUnitId: z.number().nullable(),
      deputyUnitName: z.string().nullable(),
      version: z.number(),
    }),
  ),
  flagCustody: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      from: z.string(),
      to: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

/** Document numbers like "1197/QĐ-UBND" or "07/QĐ-UBND" (Decree 30/2020: number / type-issuer abbreviations). */
export const decisionNumber = z
  .string()
  .trim()
  .max(60)
  // as officers type it: "772/qđ-ubnd" or "772 / QĐ-UBND" is written 772/QĐ-UBND
  .overwrite((v) => v.normalize('NFC').toUpperCase().replace(/\s+/g, ''))
  .refine((v) => /^\d{1,5}\/[\p{Lu}Đ][\p{Lu}\p{N}Đ]*(-[\p{Lu}\p{N}Đ]+)*$/u.test(v), { params: { key: 'decision_number' } });

export const createClusterBody = z.strictObject({
  authorityId: z.number().int().positive().max(2_147_483_647),
  code: text(40),
  kind: z.enum(['CLUSTER', 'BLOCK']),
  name: text(300),
  activeFrom: dateString,
  activeTo: dateString.nullable().optional(),
  decision: z.strictObject({
    number: decisionNumber,
    issuedOn: dateString,
    issuer: text(200),
    signerName: text(120),
    signerTitle: text(120),
    summary: text(1000),
  }),
});

export const updateClusterBody = z.strictObject({
  version,
  name: text(300).optional(),
  activeTo: dateString.nullable().optional(),
  code: text(40).optional(),
});

export const addMembershipBody = z.strictObject({
  unitId: z.number().int().positive().max(2_147_483_647),
  year: z.number().int().min(1945).max(2200),
  from: dateString.nullable().optional(),
  to: dateString.nullable().optional(),
});

export const setLeadershipBody = z.strictObject({
  headUnitId: z.number().int().positive().max(2_147_483_647),
  deputyUnitId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  /** The version the editor saw; 0 when the year had no head yet. */
  version: z.number().int().min(0).max(2_147_483_647),
});

export const listQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  authorityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  kind: z.enum(['CLUSTER', 'BLOCK']).optional(),
  year: year.optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const yearQuery = z.strictObject({ year: year.optional() });

export const flagHandoverBody = z.strictObject({
  unitId: z.number().int().positive().max(2_147_483_647),
  from: dateString,
  note: optionalText(500),
});

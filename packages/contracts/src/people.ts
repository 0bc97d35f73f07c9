import { z } from 'zod';
import { PERSON_ACTIONS } from '@thidua/domain';
import { abilitiesSchema, dateString, text, version } from './shared.ts';

export const personSchema = z.object({
  id: z.number(),
  code: z.string(),
  fullName: z.string(),
  gender: z.enum(['female', 'male']),
  birthDate: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  version: z.number(),
  abilities: abilitiesSchema(PERSON_ACTIONS),
  positions: z.array(
    z.object({ id: z.number(), unitId: z.number(), unitName: z.string(), title: z.string(), from: z.string(), to: z.string().nullable() }),
  ),
});
export const personItem = personSchema.omit({ positions: true });

export const updatePersonBody = z.strictObject({
  version,
  fullName: text(120).optional(),
  gender: z.enum(['female', 'male']).optional(),
  birthDate: dateString.nullable().optional(),
  unitId: z.number().int().positive().max(2_147_483_647).optional(),
});

export const listQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  gender: z.enum(['female', 'male']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const createPersonBody = z.strictObject({
  unitId: z.number().int().positive().max(2_147_483_647),
  code: text(40),
  fullName: text(120),
  gender: z.enum(['female', 'male']),
  birthDate: dateString.nullable().optional(),
});

export const addPositionBody = z.strictObject({
  unitId: z.number().int().positive().max(2_147_483_647),
  title: text(200),
  from: dateString,
  to: dateString.nullable().optional(),
});
export const positionParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  positionId: z.coerce.number().int().positive().max(2_147_483_647),
});

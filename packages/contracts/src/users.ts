import { z } from 'zod';
import { ROLES, USER_ACTIONS } from '@thidua/domain';
import { abilitiesSchema, MIN_PASSWORD_LENGTH } from './shared.ts';

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  authorityId: z.number().nullable(),
  clusterId: z.number().nullable(),
  unitId: z.number().nullable(),
  year: z.number().nullable(),
  disabled: z.boolean(),
  activeSessions: z.number(),
  abilities: abilitiesSchema(USER_ACTIONS),
});

const password = z.string().min(MIN_PASSWORD_LENGTH).max(200);
export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .refine((v) => /^[a-z0-9._-]+$/i.test(v), { params: { key: 'username' } }),
  displayName: z.string().trim().min(1).max(200),
  password,
  role: z.enum(ROLES),
  authorityId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  clusterId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  unitId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  year: z.number().int().min(2000).max(2200).nullable().optional(),
});
export const updateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  disabled: z.boolean().optional(),
});
/** A one-time code for the account's owner, shown once to the officer who reset it. */
export const passwordResetSchema = z.object({ code: z.string(), expiresAt: z.string() });
export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

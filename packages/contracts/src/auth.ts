import { z } from 'zod';
import { ROLES, SESSION_ACTIONS } from '@thidua/domain';
import { abilitiesSchema } from './shared.ts';

export const loginBody = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

/** The signed-in user, with what the menus may offer them. */
export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  authorityId: z.number().nullable(),
  clusterId: z.number().nullable(),
  unitId: z.number().nullable(),
  year: z.number().nullable(),
  abilities: abilitiesSchema(SESSION_ACTIONS),
});
export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });

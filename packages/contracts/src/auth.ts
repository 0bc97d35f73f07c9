import { z } from 'zod';
import { ROLES, SESSION_ACTIONS } from '@thidua/domain';
import { abilitiesSchema, MIN_PASSWORD_LENGTH } from './shared.ts';

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

const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(200);
/** The owner of a reset account chooses a new password with the one-time code, and is signed in. */
export const completeResetBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  code: z.string().trim().min(1).max(40),
  newPassword,
});
/** A signed-in user changes their own password. */
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword });

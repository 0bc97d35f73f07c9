import { z } from 'zod';
import { AUTHORITY_ACTIONS } from '@thidua/domain';
import { abilitiesSchema } from './shared.ts';
import { text, version } from './shared.ts';

export const AUTHORITY_KINDS = ['PROVINCE', 'MINISTRY', 'CENTRAL_COUNCIL'] as const;
export const authoritySchema = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(AUTHORITY_KINDS),
  name: z.string(),
  shortName: z.string(),
  place: z.string(),
  version: z.number(),
  abilities: abilitiesSchema(AUTHORITY_ACTIONS),
});
export const authorityListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(AUTHORITY_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const updateAuthorityBody = z.strictObject({
  version,
  name: text(300).optional(),
  shortName: text(100).optional(),
  place: text(100).optional(),
});

import { z } from 'zod';
import { AUTHORITY_ACTIONS } from '@thidua/domain';
import { abilitiesSchema } from './shared.ts';
import { text, version } from './shared.ts';
import { quotaList, settingsOverrides } from './eligibility.ts';

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

/**
 * What hangs on an authority, as far as the caller may see: its units (counted; the list is the units screen
 * filtered by the authority), the clusters and blocks it organises, its quota policies and the issuer settings in
 * force for the year.
 */
export const authorityOverviewSchema = z.object({
  authorityId: z.number(),
  year: z.number(),
  unitCount: z.number(),
  clusters: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      kind: z.enum(['CLUSTER', 'BLOCK']),
      name: z.string(),
      activeFrom: z.string(),
      activeTo: z.string().nullable(),
      /** members in `year` */
      memberCount: z.number(),
    }),
  ),
  quotas: quotaList.shape.items,
  /** the year the settings in force were set from (null: every point at its default) and what they change */
  settings: z.object({ fromYear: z.number().nullable(), overrides: settingsOverrides }),
});

import { z } from 'zod';
import { AWARD_CODES, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { LANGUAGES } from '@thidua/i18n/languages.ts';

export const awardCode = z.enum(AWARD_CODES as [AwardCode, ...AwardCode[]]);
const year = z.coerce.number().int().min(2024).max(2200);
const reason = z.object({ rule: z.string(), met: z.boolean(), message: z.string() });

export const checkQuery = z.strictObject({ lang: z.enum(LANGUAGES).optional() });
export const checkResponse = z.object({
  format: z.literal('thidua.eligibility-results/1'),
  results: z.array(z.object({ id: z.string(), eligible: z.boolean(), rulebook: z.string(), reasons: z.array(reason) })),
});

export const panelQuery = z.strictObject({ year: year.optional() });
export const panelResponse = z.object({
  subject: z.object({ type: z.enum(['person', 'unit']), id: z.number(), name: z.string() }),
  year: z.number(),
  rulebook: z.string().nullable(),
  items: z.array(
    z.object({
      award: z.string(),
      awardName: z.string(),
      /** Whether the title or form is meant for this kind of subject (armed forces or not, kind of unit). */
      applies: z.boolean(),
      eligible: z.boolean(),
      /** met, not met, or to be judged by the council (criteria the rulebook leaves to it); `eligible` only when met. */
      outcome: z.enum(['met', 'notMet', 'council']),
      rewardVnd: z.number().int().nullable(),
      reasons: z.array(reason),
    }),
  ),
});

export const BATCH_SORTS = ['rank', 'code', 'name', 'unit', 'merit', 'eligible', 'standing'] as const;
export const BATCH_FILTERS = ['all', 'eligible', 'notEligible'] as const;
/** Which page of a batch's candidates, sorted how and filtered how: every candidate is reachable, the total is true. */
const batchView = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(BATCH_SORTS).default('rank'),
  order: z.enum(['asc', 'desc']).default('asc'),
  filter: z.enum(BATCH_FILTERS).default('all'),
};

export const batchQuery = z
  .strictObject({
    award: awardCode,
    year,
    unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    clusterId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    authorityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    ...batchView,
  })
  .refine((q) => [q.unitId, q.clusterId, q.authorityId].filter((v) => v !== undefined).length === 1, {
    path: ['unitId'],
    params: { key: 'one_population' },
  });

const candidate = z.object({
  id: z.number(),
  /** the staff or unit code */
  code: z.string(),
  name: z.string(),
  unitName: z.string(),
  gender: z.string().nullable(),
  /** rating × 100 + unused initiatives of the year: a better rating always outranks any number of initiatives */
  merit: z.number(),
  meritBasis: z.object({ rating: z.string().nullable(), initiatives: z.number() }),
  eligible: z.boolean(),
  /** rank in quota order among those meeting the criteria, shared by equals; null for the others */
  rank: z.number().nullable(),
  /** against the quota: within it, tied at its boundary (the council decides), outside it; null without a quota */
  standing: z.enum(['within', 'tie', 'outside']).nullable(),
  withinQuota: z.boolean().nullable(),
  failed: z.array(z.string()),
  outsideReason: z.string().nullable(),
});
export const batchResponse = z.object({
  award: z.string(),
  awardName: z.string(),
  year: z.number(),
  rulebook: z.string(),
  considered: z.number(),
  eligibleCount: z.number(),
  /** candidates after the filter, all pages */
  candidatesTotal: z.number(),
  page: z.number(),
  pageSize: z.number(),
  quota: z
    .object({
      ratePercent: z.number(),
      rounding: z.string(),
      minOne: z.boolean(),
      baseAwardCode: z.string().nullable(),
      base: z.number(),
      quota: z.number(),
      used: z.number(),
      tieAtBoundary: z.boolean(),
      /** places the council fills among the `tied` candidates equal at the boundary */
      tiedPlaces: z.number(),
      tied: z.number(),
      rule: z.string(),
    })
    .nullable(),
  candidates: z.array(candidate),
});

export const quotaBody = z.strictObject({
  awardCode,
  year: z.number().int().min(2024).max(2200),
  ratePercent: z.number().gt(0).max(100).multipleOf(0.01),
  rounding: z.enum(['floor', 'half-up', 'ceil']),
  minOne: z.boolean().default(false),
  baseAwardCode: awardCode.nullable().default(null),
});
export const quotaList = z.object({
  items: z.array(quotaBody.extend({ authorityId: z.number() })),
  abilities: z.object({ set: z.boolean() }),
});

const chain = z.strictObject({
  htxsYears: z.number().int().min(1).max(10),
  flags: z.number().int().min(0).max(10),
  excellentCollectiveTitles: z.number().int().min(0).max(10),
});
/** Overrides of the issuer settings (packages/domain/src/rulebook/settings.ts); keys left out keep the defaults. */
export const settingsOverrides = z.strictObject({
  art74d_initiativesApplyToGrassrootsFighterBranch: z.boolean().optional(),
  provincialFighterChainEnds: z.enum(['proposal-year', 'year-before']).optional(),
  provincialFighterCycleYears: z.number().int().min(1).max(10).optional(),
  evidenceWindowYears: z.partialRecord(awardCode, z.number().int().min(1).max(20)).optional(),
  excellentCollectiveBarsWarningDiscipline: z.boolean().optional(),
  flagRequiresExcellentCollective: z.boolean().optional(),
  flagRequiresMovementClaim: z.boolean().optional(),
  collectiveMeritCertificateHtxsYears: z.number().int().min(1).max(10).optional(),
  collectivePmCertificate: chain.optional(),
  collectiveLabourOrder: chain.optional(),
  disciplineRestartsChains: z.boolean().optional(),
});
export const settingsBody = z.strictObject({ year: z.number().int().min(2024).max(2200), overrides: settingsOverrides });
/** The settings in force: every key, the defaults merged with the overrides. */
export const settingsValues = z.object(settingsOverrides.shape).required();
export const settingsResponse = z.object({
  authorityId: z.number(),
  year: z.number(),
  fromYear: z.number().nullable(),
  overrides: settingsOverrides,
  effective: settingsValues,
  abilities: z.object({ set: z.boolean() }),
});

const populationFields = {
  unitId: z.number().int().positive().max(2_147_483_647).optional(),
  clusterId: z.number().int().positive().max(2_147_483_647).optional(),
  authorityId: z.number().int().positive().max(2_147_483_647).optional(),
};
/** A batch run as a job: an award, a year and exactly one population. */
export const batchJobBody = z
  .strictObject({ award: awardCode, year: z.number().int().min(2024).max(2200), ...populationFields })
  .refine((q) => [q.unitId, q.clusterId, q.authorityId].filter((v) => v !== undefined).length === 1, {
    path: ['unitId'],
    params: { key: 'one_population' },
  });
export const batchJobResultQuery = z.strictObject(batchView);

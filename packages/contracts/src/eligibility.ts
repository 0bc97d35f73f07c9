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
      eligible: z.boolean(),
      rewardVnd: z.number().int().nullable(),
      reasons: z.array(reason),
    }),
  ),
});

export const batchQuery = z
  .strictObject({
    award: awardCode,
    year,
    unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    clusterId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    authorityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    /** JSON answers carry the first `limit` candidates in ranked order (a province has hundreds of thousands); CSV carries all */
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .refine((q) => [q.unitId, q.clusterId, q.authorityId].filter((v) => v !== undefined).length === 1, {
    path: ['unitId'],
    params: { key: 'one_population' },
  });

const candidate = z.object({
  id: z.number(),
  name: z.string(),
  unitName: z.string(),
  gender: z.string().nullable(),
  merit: z.number(),
  eligible: z.boolean(),
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
  candidatesTotal: z.number(),
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
export const batchJobResultQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(5000).default(500) });

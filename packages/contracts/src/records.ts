import { z } from 'zod';
import {
  type AwardCode,
  AWARD_CODES,
  AWARD_KINDS,
  DISCIPLINE_FORMS,
  INITIATIVE_SCOPES,
  LEAVE_TYPES,
  RATINGS,
} from '@thidua/domain/rulebook/vocabulary.ts';
import { dateString, optionalText, subjectParams, text } from './shared.ts';
export { subjectParams };

const yearField = z.number().int().min(1945).max(2200);

export const RECORD_KINDS = ['ratings', 'awards', 'evidence', 'discipline', 'leaves', 'reviews', 'figures'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const recordParams = subjectParams.extend({
  kind: z.enum(RECORD_KINDS),
  recordId: z.coerce.number().int().positive().max(2_147_483_647),
});

export const bodies = {
  ratings: z.strictObject({ year: yearField, rating: z.enum(RATINGS), decisionRef: optionalText(100) }),
  awards: z.strictObject({
    awardCode: z.enum(AWARD_CODES as [AwardCode, ...AwardCode[]]),
    year: yearField,
    kind: z.enum(AWARD_KINDS),
    decisionNumber: optionalText(60),
    decisionDate: dateString.nullable().optional(),
    /** initiatives / science works this award relied on: they become used */
    evidenceIds: z.array(z.number().int().positive().max(2_147_483_647)).max(20).optional(),
  }),
  evidence: z.strictObject({
    evidenceType: z.enum(['INITIATIVE', 'SCIENCE_WORK']),
    title: text(500),
    year: yearField,
    scope: z.enum(INITIATIVE_SCOPES),
    recognitionRef: optionalText(100),
  }),
  discipline: z.strictObject({ form: z.enum(DISCIPLINE_FORMS), from: dateString, to: dateString, decisionRef: optionalText(100) }),
  leaves: z.strictObject({ leaveType: z.enum(LEAVE_TYPES), from: dateString, to: dateString }),
  reviews: z.strictObject({
    reviewType: z.enum(['DISCIPLINARY_REVIEW', 'INSPECTION', 'INVESTIGATION', 'COMPLAINT']),
    from: dateString,
    to: dateString.nullable().optional(),
    note: optionalText(500),
  }),
  figures: z.strictObject({
    year: yearField,
    total: z.number().int().min(0).max(1_000_000),
    advancedWorkers: z.number().int().min(0).max(1_000_000),
    completedTasks: z.number().int().min(0).max(1_000_000),
    grassrootsFighters: z.number().int().min(0).max(1_000_000),
    disciplinedWarningOrAbove: z.number().int().min(0).max(1_000_000),
    women: z.number().int().min(0).max(1_000_000).nullable().optional(),
  }),
} as const;

export const addRecordBody = z.union([
  bodies.ratings,
  bodies.awards,
  bodies.evidence,
  bodies.discipline,
  bodies.leaves,
  bodies.reviews,
  bodies.figures,
]);

export const historySchema = z.object({
  subject: z.object({
    type: z.enum(['person', 'unit']),
    id: z.number(),
    name: z.string(),
    abilities: z.object({ editRecords: z.boolean() }),
  }),
  ratings: z.array(z.object({ year: z.number(), rating: z.string(), decisionRef: z.string().nullable() })),
  awards: z.array(
    z.object({
      id: z.number(),
      awardCode: z.string(),
      year: z.number(),
      kind: z.string(),
      decisionNumber: z.string().nullable(),
      decisionDate: z.string().nullable(),
      evidenceIds: z.array(z.number()),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.number(),
      evidenceType: z.string(),
      title: z.string(),
      year: z.number(),
      scope: z.string(),
      recognitionRef: z.string().nullable(),
      usedForAwardId: z.number().nullable(),
    }),
  ),
  discipline: z.array(z.object({ id: z.number(), form: z.string(), from: z.string(), to: z.string(), decisionRef: z.string().nullable() })),
  leaves: z.array(z.object({ id: z.number(), leaveType: z.string(), from: z.string(), to: z.string() })),
  reviews: z.array(
    z.object({ id: z.number(), reviewType: z.string(), from: z.string(), to: z.string().nullable(), note: z.string().nullable() }),
  ),
  figures: z.array(
    z.object({
      year: z.number(),
      total: z.number(),
      advancedWorkers: z.number(),
      completedTasks: z.number(),
      grassrootsFighters: z.number(),
      disciplinedWarningOrAbove: z.number(),
      women: z.number().nullable(),
    }),
  ),
});

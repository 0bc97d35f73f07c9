// A cluster's criteria table of a year and round (issue 10): the body an editor sends, the table the server answers.
import { z } from 'zod';
import { CRITERIA_ACTIONS, CROSS_METHODS, ITEM_KINDS, ROUND_ACTIONS, ROUND_STATES, SCORING_METHODS, SHEET_ACTIONS } from '@thidua/domain';
import { abilitiesSchema, text, version, year } from './shared.ts';

export const scoringPeriod = z.enum(['H1', 'FY']);

/** Points as entered: non-negative, at most 10,000, in hundredths at the finest (the domain checks the grid). */
const points = z.number().min(0).max(10_000);

export const criterionItem = z.strictObject({
  code: text(20),
  text: text(1000),
  maxPoints: points,
  method: z.enum(SCORING_METHODS),
  /** proportional items only: the value that earns the maximum */
  target: z.number().positive().max(1e9).optional(),
  /** graded items only: the levels, the highest being the maximum */
  levels: z.array(points).min(1).max(20).optional(),
  evidenceRequired: z.boolean(),
  kind: z.enum(ITEM_KINDS),
});

export const criterionGroup = z.strictObject({
  code: text(20),
  title: text(500),
  items: z.array(criterionItem).min(1).max(100),
});

export const knockOutCondition = z.strictObject({ code: text(20), text: text(1000) });

/** The table's content: groups of items, knock-out conditions and the frame's maximum (the regular items' sum). */
export const criteriaContent = z.strictObject({
  groups: z.array(criterionGroup).min(1).max(30),
  knockOuts: z.array(knockOutCondition).max(30),
  maxTotal: points,
});

/**
 * Create the draft (no `rowVersion`) or replace it (`rowVersion`: the row version the editor saw) for a round.
 * `rowVersion` is the row's edit counter, not the table's version.
 */
export const saveCriteriaBody = criteriaContent.extend({
  period: scoringPeriod,
  rowVersion: version.optional(),
});

/** Copy another year's or another cluster's table of the round into this one's draft. */
export const copyCriteriaBody = z.strictObject({
  fromClusterId: z.number().int().positive().max(2_147_483_647),
  fromYear: z.number().int().min(1945).max(2200),
  period: scoringPeriod,
});

/** Open scoring (the round moves from draft to self-scoring), freezing the table the editor saw. */
export const openCriteriaBody = z.strictObject({ period: scoringPeriod, rowVersion: version });

/** Start the next version (a draft) from the frozen table of the round. */
export const newCriteriaVersionBody = z.strictObject({ period: scoringPeriod });

export const criteriaQuery = z.strictObject({ period: scoringPeriod.default('FY') });
export const criteriaParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647), year });

export const criteriaSetSchema = z.object({
  id: z.number(),
  clusterId: z.number(),
  year: z.number(),
  period: scoringPeriod,
  version: z.number(),
  roundState: z.enum(ROUND_STATES),
  content: criteriaContent,
  abilities: abilitiesSchema(CRITERIA_ACTIONS),
  rowVersion: z.number(),
  updatedAt: z.string(),
});
export type CriteriaSetResponse = z.infer<typeof criteriaSetSchema>;

// ——— the round: settings, board, sheets, review, ranking ———

/** `format` of a read: its JSON (default), or the same as an Excel workbook or a PDF table. */
export const exportFormat = z.enum(['json', 'xlsx', 'pdf']).default('json');

const unitId = z.number().int().positive().max(2_147_483_647);
/** A deadline: a date (the end of that day in Vietnam) or an instant with its offset. */
const deadline = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/)
  .nullable();
export const tieBreak = z.union([z.enum(['fullItems', 'fewerPenalties', 'earlierSubmission']), z.strictObject({ group: text(20) })]);

export const roundSettingsSchema = z.strictObject({
  weights: z.strictObject({ self: z.number().int().min(0).max(100), cross: z.number().int().min(0).max(100) }),
  crossMethod: z.enum(CROSS_METHODS),
  missingCross: z.enum(['self', 'zero']),
  tieBreaks: z.array(tieBreak).max(10),
  leadingPlaces: z.number().int().min(1).max(10),
  deadlines: z.strictObject({ self: deadline, cross: deadline }),
  acceptLate: z.boolean(),
  crossPairs: z
    .array(z.strictObject({ scorerUnitId: unitId, unitId }))
    .max(10_000)
    .nullable(),
});

export const saveRoundSettingsBody = roundSettingsSchema.extend({ period: scoringPeriod, rowVersion: version });

/** Move the round on to `to`, the state after the current one, against the row version the caller saw. */
export const advanceRoundBody = z.strictObject({
  period: scoringPeriod,
  to: z.enum(['cross', 'review', 'closed']),
  rowVersion: version,
});

export const sheetStatus = z.enum(['none', 'draft', 'submitted']);
export const deadlineStatusSchema = z.enum(['onTime', 'late', 'missing', 'open']);

/** A member's line on the round's board: its self sheet and its cross-scoring, as statuses (never scores). */
export const boardMemberSchema = z.object({
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  isHead: z.boolean(),
  self: z.object({ status: sheetStatus, submittedAt: z.string().nullable(), deadline: deadlineStatusSchema.nullable() }),
  /** Sheets this member owes the others in the cross stage, and how many it has submitted. */
  crossDue: z.number(),
  crossSubmitted: z.number(),
  /** Whether the caller scores for this member. */
  mine: z.boolean(),
});

export const roundBoardSchema = z.object({
  criteriaSetId: z.number(),
  clusterId: z.number(),
  clusterName: z.string(),
  year: z.number(),
  period: scoringPeriod,
  version: z.number(),
  roundState: z.enum(ROUND_STATES),
  settings: roundSettingsSchema,
  rowVersion: z.number(),
  members: z.array(boardMemberSchema),
  /** Who scores whom in the cross stage and how far each sheet is. */
  cross: z.array(z.object({ scorerUnitId: z.number(), unitId: z.number(), status: sheetStatus })),
  abilities: abilitiesSchema(ROUND_ACTIONS),
});
export type RoundBoard = z.infer<typeof roundBoardSchema>;

export const roundQuery = z.strictObject({ period: scoringPeriod.default('FY') });

export const sheetParams = criteriaParams.extend({ unitId: z.coerce.number().int().positive().max(2_147_483_647) });
export const sheetQuery = z.strictObject({
  period: scoringPeriod.default('FY'),
  stage: z.enum(['self', 'cross']).default('self'),
  /** The scoring member in the cross stage (the unit itself in self). */
  scorerUnitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  format: exportFormat,
});

export const sheetEntry = z.strictObject({
  item: text(20),
  points: z.number().min(-10_000).max(10_000),
  comment: z.string().trim().max(2000).optional(),
});

/** Save a sheet as a draft, or submit it (final). `rowVersion`: the sheet's version the officer saw (none: new). */
export const saveSheetBody = z.strictObject({
  period: scoringPeriod,
  stage: z.enum(['self', 'cross']),
  scorerUnitId: unitId,
  entries: z.array(sheetEntry).max(200),
  submit: z.boolean(),
  rowVersion: version.optional(),
});

/** An evidence file on an item of a sheet. */
export const evidenceSchema = z.object({
  id: z.number(),
  item: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

/**
 * Upload of an evidence file: the file's bytes are the body (`application/octet-stream`), what it is for is in the
 * query. The name is the file's own, without a folder.
 */
export const evidenceQuery = z.strictObject({
  period: scoringPeriod,
  stage: z.enum(['self', 'cross']),
  scorerUnitId: z.coerce.number().int().positive().max(2_147_483_647),
  item: text(20),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\u0000-\u001f]+$/),
});
export const evidenceParams = sheetParams.extend({ evidenceId: z.coerce.number().int().positive().max(2_147_483_647) });
export const evidenceReadQuery = z.strictObject({
  period: scoringPeriod.default('FY'),
  stage: z.enum(['self', 'cross']).default('self'),
  scorerUnitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

export const sheetSchema = z.object({
  criteriaSetId: z.number(),
  roundState: z.enum(ROUND_STATES),
  unitId: z.number(),
  unitName: z.string(),
  scorerUnitId: z.number(),
  scorerName: z.string(),
  stage: z.enum(['self', 'cross']),
  status: sheetStatus,
  entries: z.array(z.object({ item: z.string(), points: z.number(), comment: z.string().optional() })),
  total: z.number(),
  submittedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  rowVersion: z.number(),
  updatedAt: z.string().nullable(),
  criteria: criteriaContent,
  /** Evidence files by item (an item marked evidenceRequired needs one before the sheet is submitted). */
  evidence: z.array(evidenceSchema),
  abilities: abilitiesSchema(SHEET_ACTIONS),
});
export type SheetResponse = z.infer<typeof sheetSchema>;

/** The head's change of an item of a unit in the review, with a written reason. */
export const adjustScoreBody = z.strictObject({
  period: scoringPeriod,
  unitId,
  item: text(20),
  points: z.number().min(-10_000).max(10_000),
  /** Required: a blank one is refused as ADJUSTMENT_NEEDS_REASON naming the item. */
  reason: z.string().trim().max(2000),
});
export const answerAdjustmentBody = z.strictObject({ answer: text(2000) });
export const adjustmentParams = criteriaParams.extend({ adjustmentId: z.coerce.number().int().positive().max(2_147_483_647) });

/** The knock-out conditions found for a unit (replacing those recorded), with the reason. */
export const knockOutsBody = z.strictObject({
  period: scoringPeriod,
  codes: z.array(text(20)).max(30),
  reason: z.string().trim().max(2000),
});

export const adjustmentSchema = z.object({
  id: z.number(),
  item: z.string(),
  oldPoints: z.number(),
  points: z.number(),
  reason: z.string(),
  by: z.string().nullable(),
  at: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  canAnswer: z.boolean(),
});

/** A unit's result item by item: self, cross (when the caller may see it), computed, adjusted, and the history. */
export const unitReviewSchema = z.object({
  unitId: z.number(),
  name: z.string(),
  roundState: z.enum(ROUND_STATES),
  items: z.array(
    z.object({
      item: z.string(),
      group: z.string(),
      kind: z.enum(ITEM_KINDS),
      maxPoints: z.number(),
      self: z.number(),
      cross: z.number().nullable(),
      crossCount: z.number(),
      computed: z.number(),
      score: z.number(),
      adjusted: z.boolean(),
    }),
  ),
  total: z.number(),
  knockOuts: z.array(z.object({ code: z.string(), reason: z.string() })),
  adjustments: z.array(adjustmentSchema),
  criteria: criteriaContent,
  abilities: abilitiesSchema(ROUND_ACTIONS),
});
export type UnitReview = z.infer<typeof unitReviewSchema>;

export const rankingQuery = z.strictObject({ round: z.enum(['mid', 'final']).default('final'), format: exportFormat });

export const rankedUnitSchema = z.object({
  unitId: z.number(),
  code: z.string(),
  name: z.string(),
  finalScore: z.number(),
  rank: z.number(),
  /** 1, 2, 3 … for the leading places, else null. */
  leading: z.number().nullable(),
  /** The tie-break that put the unit ahead of the next one on an equal score. */
  decidedBy: tieBreak.nullable(),
  groups: z.record(z.string(), z.number()),
  regularTotal: z.number(),
  bonusTotal: z.number(),
  penaltyTotal: z.number(),
  fullItems: z.number(),
});

export const rankingSchema = z.object({
  clusterId: z.number(),
  clusterName: z.string(),
  year: z.number(),
  period: scoringPeriod,
  round: z.enum(['mid', 'final']),
  roundState: z.enum(ROUND_STATES),
  /** Whether the round is closed, so the ranking is final. */
  final: z.boolean(),
  units: z.array(rankedUnitSchema),
  knockedOut: z.array(
    z.object({ unitId: z.number(), code: z.string(), name: z.string(), finalScore: z.number(), codes: z.array(z.string()) }),
  ),
  groups: z.array(z.object({ code: z.string(), title: z.string(), maxPoints: z.number() })),
  tieBreaks: z.array(tieBreak),
  leadingPlaces: z.number(),
});
export type RankingResponse = z.infer<typeof rankingSchema>;

// A cluster's criteria table of a year and round (issue 10): the body an editor sends, the table the server answers.
import { z } from 'zod';
import { CRITERIA_ACTIONS, ITEM_KINDS, ROUND_STATES, SCORING_METHODS } from '@thidua/domain';
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

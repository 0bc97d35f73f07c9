import { RATING_RANK, type RatingCode } from '../rulebook/vocabulary.ts';

/**
 * Merit that orders equally eligible candidates when a quota binds: the year's rating first, then the number of
 * initiatives of that year not yet used (at most 99, so a rating step always outweighs initiatives). A cluster's
 * or council's own scoring, when it has one, replaces this; the law fixes only the tie-break (Decree 98/2023 Art. 4:
 * women and collectives with ≥ 70 % women first among equals), which rankCandidates applies.
 */
export function computeMerit(ratingOfYear: RatingCode | undefined, unusedInitiativesOfYear: number): number {
  return (ratingOfYear ? RATING_RANK[ratingOfYear] : 0) * 100 + Math.min(99, Math.max(0, unusedInitiativesOfYear));
}

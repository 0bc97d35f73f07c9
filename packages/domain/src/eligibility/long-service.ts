/**
 * Decree 98 Art. 4(7): the position-holding time required for long-service commendation of female
 * leaders is reduced by one third, except for those with a higher retirement age. Counted in months
 * so that a third of any tenure stays exact.
 */
export function computeRequiredServiceMonths(
  months: number,
  who: { readonly female: boolean; readonly higherRetirementAge: boolean },
): number {
  return who.female && !who.higherRetirementAge ? Math.ceil((months * 2) / 3) : months;
}

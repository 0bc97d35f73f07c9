import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys of eligibility verdicts start with this. The eligibility feature owns those queries;
 * whoever changes a person's or collective's records refreshes them (a new rating changes the verdict).
 */
export const ELIGIBILITY_KEY = ['eligibility'] as const;

export function invalidateEligibility(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ELIGIBILITY_KEY });
}

import { useQueryClient, type QueryClient } from '@tanstack/react-query';

/** Query keys of record histories start with this; the audit feature owns the queries, writers refresh them. */
export const HISTORY_KEY = ['audit'] as const;

/** A record was written (here or elsewhere): its history has a new event. */
export function invalidateHistory(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: HISTORY_KEY });
}

/** Reloads a record and its history together (after a stale write); fails when the record could not be loaded. */
export function useReloadRecord(refetch: () => Promise<unknown>): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      refetch().then((result) => {
        // a query's refetch resolves even when it failed; its result says so
        const failed = result as { isError?: boolean; error?: unknown } | undefined;
        if (failed?.isError) throw failed.error;
        return result;
      }),
      invalidateHistory(queryClient),
    ]);
}

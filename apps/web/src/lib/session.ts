import type { z } from 'zod';
import { sessionSchema } from '@thidua/contracts/auth.ts';

// Who is signed in. Shared by the shell, the login page and every screen that offers editing.
import { useQuery } from '@tanstack/react-query';
import { isApiError, parseAnswer, request, setCsrfToken } from './api.ts';

export const ROLES = ['SYSTEM_ADMIN', 'COMMITTEE_OFFICER', 'CLUSTER_OFFICER', 'UNIT_OFFICER', 'COUNCIL_MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export type SessionUser = z.infer<typeof sessionSchema>['user'];

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here). */
export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const answer = parseAnswer(sessionSchema, await request<unknown>('GET', '/auth/me', { expectUnauthorized: true }));
    setCsrfToken(answer.csrfToken);
    return answer.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
  return { user: query.data ?? null, isLoading: query.isPending, error: query.error };
}

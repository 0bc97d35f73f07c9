import type { SessionAbilities } from '@thidua/domain/access/policies.ts';
// Who is signed in. Shared by the shell, the login page and every screen that offers editing.
import { useQuery } from '@tanstack/react-query';
import { isApiError, request, setCsrfToken } from './api.ts';

export const ROLES = ['SYSTEM_ADMIN', 'COMMITTEE_OFFICER', 'CLUSTER_OFFICER', 'UNIT_OFFICER', 'COUNCIL_MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  authorityId: number | null;
  clusterId: number | null;
  unitId: number | null;
  year: number | null;
  /** What the caller may start from the menus, decided by the server's policy. */
  abilities: SessionAbilities;
}

export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here). */
export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const answer = await request<SessionAnswer>('GET', '/auth/me', { expectUnauthorized: true });
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

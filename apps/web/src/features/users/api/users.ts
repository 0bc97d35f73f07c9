import type { z } from 'zod';
import { page as pageOf } from '@thidua/contracts/shared.ts';
import { passwordResetSchema, userSchema } from '@thidua/contracts/users.ts';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, noContent } from '../../../lib/api.ts';
import type { ListParams } from '../../../lib/list-params.ts';
import type { Role } from '../../../lib/session.ts';

/** An account as the administration screen sees it; ids of the data scope the role needs. */
export type UserAccount = z.infer<typeof userSchema>;

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  authorityId?: number | null;
  clusterId?: number | null;
  unitId?: number | null;
  year?: number | null;
}

export interface AccountPatch {
  displayName?: string;
  disabled?: boolean;
}

/** The server's minimum (apps/server access/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 10;

const USERS_KEY = ['users'] as const;

export function useUsers(params: ListParams) {
  const { q, page, pageSize } = params;
  return useQuery({
    queryKey: [...USERS_KEY, 'list', { q, page, pageSize }],
    queryFn: ({ signal }) => api.get(pageOf(userSchema), '/users', { q, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

function useUsersWrite<V, R>(write: (value: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useCreateUser() {
  return useUsersWrite((account: NewAccount) => api.post(userSchema, '/users', account));
}

/** Renames or disables/enables; disabling ends the account's sessions. */
export function useUpdateUser() {
  return useUsersWrite(({ id, patch }: { id: number; patch: AccountPatch }) => api.patch(userSchema, `/users/${id}`, patch));
}

/** Ends the account's sessions and voids its password; answers the one-time code for the owner. */
export function useResetPassword() {
  return useUsersWrite((id: number) => api.post(passwordResetSchema, `/users/${id}/password-reset`));
}

export function useRevokeSessions() {
  return useUsersWrite((id: number) => api.post(noContent, `/users/${id}/revoke-sessions`));
}

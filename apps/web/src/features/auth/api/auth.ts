import { sessionSchema } from '@thidua/contracts/auth.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { noContent, parseAnswer, request, setCsrfToken } from '../../../lib/api.ts';
import { SESSION_KEY } from '../../../lib/session.ts';

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      request<unknown>('POST', '/auth/login', { body: credentials, expectUnauthorized: true }).then((p) => parseAnswer(sessionSchema, p)),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(SESSION_KEY, answer.user);
    },
  });
}

export interface ResetCompletion {
  username: string;
  code: string;
  newPassword: string;
}

/** The owner of a reset account chooses a new password with the one-time code, and is signed in. */
export function useCompleteReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResetCompletion) =>
      request<unknown>('POST', '/auth/password-reset', { body, expectUnauthorized: true }).then((p) => parseAnswer(sessionSchema, p)),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(SESSION_KEY, answer.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<unknown>('POST', '/auth/logout', { expectUnauthorized: true }).then((p) => parseAnswer(noContent, p)),
    // Signed out locally even if the server had already forgotten the session.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

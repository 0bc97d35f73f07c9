import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request, setCsrfToken } from '../../../lib/api.ts';
import { SESSION_KEY, type SessionAnswer } from '../../../lib/session.ts';

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      request<SessionAnswer>('POST', '/auth/login', { body: credentials, expectUnauthorized: true }),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(SESSION_KEY, answer.user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('POST', '/auth/logout', { expectUnauthorized: true }),
    // Signed out locally even if the server had already forgotten the session.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

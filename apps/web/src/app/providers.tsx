import { Suspense, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { configureApi } from '../lib/api.ts';
import { antdLocale, currentLanguage } from '../lib/i18n.ts';
import { SESSION_KEY } from '../lib/session.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // a 4xx will not get better by asking again
        retry: (count, error) =>
          count < 2 && !((error as { status?: number }).status! >= 400 && (error as { status?: number }).status! < 500),
      },
    },
  });
}

/**
 * Colours that read at WCAG AA (4.5:1 on white): AntD's defaults for secondary text (#8c8c8c), placeholders (#bfbfbf)
 * and links (#1677ff) do not.
 */
export const THEME_TOKENS = {
  colorPrimary: '#1d4e89',
  colorLink: '#1d4e89',
  colorInfo: '#1d4e89',
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextDescription: 'rgba(0, 0, 0, 0.64)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  borderRadius: 4,
};

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={antdLocale(currentLanguage(i18n))} componentSize="small" theme={{ token: THEME_TOKENS }}>
      {children}
    </ConfigProvider>
  );
}

/** Everything a screen needs around it: queries, the language, AntD's locale, the API client's wiring. */
export function AppProviders({ queryClient, i18n, children }: { queryClient: QueryClient; i18n: I18n; children: ReactNode }) {
  // Wired during render, not in an effect: the first requests start in the children's effects,
  // which run before this component's own, and must already carry the chosen language.
  configureApi({
    language: () => currentLanguage(i18n),
    // the session is gone: forget the user, the guard sends them to the login page
    onUnauthorized: () => queryClient.setQueryData(SESSION_KEY, null),
  });
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        {/* the first render waits for the language's catalogues */}
        <Suspense fallback={null}>
          <LocalisedAntd>{children}</LocalisedAntd>
        </Suspense>
      </I18nextProvider>
    </QueryClientProvider>
  );
}

import { useState } from 'react';
import { RouterProvider, createBrowserRouter, type DataRouter } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { i18n as sharedI18n } from '../lib/i18n.ts';
import { AppProviders, createQueryClient } from './providers.tsx';
import { routes } from './routes.tsx';

interface AppProps {
  /** Tests pass a memory router, a fresh query client and their own i18n instance. */
  router?: DataRouter;
  queryClient?: QueryClient;
  i18n?: I18n;
}

export function App({ router, queryClient, i18n = sharedI18n }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [activeRouter] = useState(() => router ?? createBrowserRouter(routes));
  return (
    <AppProviders queryClient={client} i18n={i18n}>
      <RouterProvider router={activeRouter} />
    </AppProviders>
  );
}

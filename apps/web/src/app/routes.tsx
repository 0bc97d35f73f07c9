import { Suspense } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation, useNavigate, useSearchParams, type RouteObject } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { LanguageLinks } from '../components/ui/LanguageLinks.tsx';
import { QueryError } from '../components/ui/QueryError.tsx';
import { useTranslation } from 'react-i18next';
import { APP_NAMESPACES } from '../lib/i18n.ts';
import { SESSION_KEY, useSession } from '../lib/session.ts';
import { LoginPage } from '../features/auth/components/LoginPage.tsx';
import { screen } from './lazy-screen.ts';

export { preloadScreens } from './lazy-screen.ts';

const AppShell = screen(() => import('./AppShell.tsx'), 'AppShell');
const NotFound = screen(() => import('./screens.tsx'), 'NotFound');
const ClustersRoute = screen(() => import('./screens.tsx'), 'ClustersRoute');
const ClusterRoute = screen(() => import('./screens.tsx'), 'ClusterRoute');
const UnitsRoute = screen(() => import('./screens.tsx'), 'UnitsRoute');
const UnitRoute = screen(() => import('./screens.tsx'), 'UnitRoute');
const PeopleRoute = screen(() => import('./screens.tsx'), 'PeopleRoute');
const PersonRoute = screen(() => import('./screens.tsx'), 'PersonRoute');
const AuthorityList = screen(() => import('../features/authorities/components/AuthorityList.tsx'), 'AuthorityList');
const AuthorityRoute = screen(() => import('./screens.tsx'), 'AuthorityRoute');
const EligibilityRoute = screen(() => import('./screens.tsx'), 'EligibilityRoute');
const UsersRoute = screen(() => import('./screens.tsx'), 'UsersRoute');
const DecisionsRoute = screen(() => import('./screens.tsx'), 'DecisionsRoute');
const DecisionRoute = screen(() => import('./screens.tsx'), 'DecisionRoute');
const NewDecisionRoute = screen(() => import('./screens.tsx'), 'NewDecisionRoute');
const EditDecisionRoute = screen(() => import('./screens.tsx'), 'EditDecisionRoute');
const CriteriaRoute = screen(() => import('./screens.tsx'), 'CriteriaRoute');
const RoundRoute = screen(() => import('./screens.tsx'), 'RoundRoute');
const SheetRoute = screen(() => import('./screens.tsx'), 'SheetRoute');
const ReviewRoute = screen(() => import('./screens.tsx'), 'ReviewRoute');
const RankingRoute = screen(() => import('./screens.tsx'), 'RankingRoute');

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Only a path inside the app may follow the login (no "//evil.example"). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

function RequireAuth() {
  // the signed-in pages speak every namespace: loaded here, once, before the frame shows
  useTranslation(APP_NAMESPACES);
  const { user, isLoading, error } = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (isLoading) return <FullPageSpin />;
  if (error)
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <QueryError error={error} onRetry={() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })} />
      </Flex>
    );
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Suspense fallback={<FullPageSpin />}>
      <AppShell user={user} />
    </Suspense>
  );
}

function LoginRoute() {
  const { user, isLoading } = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(search.get('next'));
  if (isLoading) return <FullPageSpin />;
  if (user) return <Navigate to={next} replace />;
  return <LoginPage extra={<LanguageLinks />} onSignedIn={() => navigate(next, { replace: true })} />;
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  {
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <RequireAuth />
      </Suspense>
    ),
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      { path: 'clusters', element: <ClustersRoute /> },
      { path: 'clusters/:id', element: <ClusterRoute /> },
      { path: 'clusters/:id/years/:year/criteria', element: <CriteriaRoute /> },
      { path: 'clusters/:id/years/:year/round', element: <RoundRoute /> },
      { path: 'clusters/:id/years/:year/sheets/:unitId', element: <SheetRoute /> },
      { path: 'clusters/:id/years/:year/review/:unitId', element: <ReviewRoute /> },
      { path: 'clusters/:id/years/:year/ranking', element: <RankingRoute /> },
      { path: 'units', element: <UnitsRoute /> },
      { path: 'units/:id', element: <UnitRoute /> },
      { path: 'people', element: <PeopleRoute /> },
      { path: 'people/:id', element: <PersonRoute /> },
      { path: 'authorities', element: <AuthorityList /> },
      { path: 'authorities/:id', element: <AuthorityRoute /> },
      { path: 'eligibility', element: <EligibilityRoute /> },
      { path: 'decisions', element: <DecisionsRoute /> },
      { path: 'decisions/new', element: <NewDecisionRoute /> },
      { path: 'decisions/:id', element: <DecisionRoute /> },
      { path: 'decisions/:id/edit', element: <EditDecisionRoute /> },
      { path: 'users', element: <UsersRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

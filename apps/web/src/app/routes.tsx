import { Suspense, lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Card, Flex, Result, Skeleton, Spin } from 'antd';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams, type RouteObject } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/ui/LanguageSwitcher.tsx';
import { QueryError } from '../components/ui/QueryError.tsx';
import { SESSION_KEY, useSession } from '../lib/session.ts';
import { LoginPage } from '../features/auth/components/LoginPage.tsx';
import { AppShell } from './AppShell.tsx';

/**
 * Screens load on first visit, each in its own chunk, so the first page (usually the login) downloads
 * the shell only. A feature module exports its screens by name.
 */
const loaders: Array<() => Promise<unknown>> = [];

function screen<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  loaders.push(load);
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/** Loads every screen's chunk now (tests do, so no screen waits for its module). */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(loaders.map((load) => load()));
}

const HistoryPanel = screen(() => import('../features/audit/components/HistoryPanel.tsx'), 'HistoryPanel');
const ClusterList = screen(() => import('../features/clusters/components/ClusterList.tsx'), 'ClusterList');
const ClusterDetail = screen(() => import('../features/clusters/components/ClusterDetail.tsx'), 'ClusterDetail');
const UnitList = screen(() => import('../features/units/components/UnitList.tsx'), 'UnitList');
const UnitDetail = screen(() => import('../features/units/components/UnitDetail.tsx'), 'UnitDetail');
const PersonList = screen(() => import('../features/people/components/PersonList.tsx'), 'PersonList');
const PersonDetail = screen(() => import('../features/people/components/PersonDetail.tsx'), 'PersonDetail');
const AuthorityList = screen(() => import('../features/authorities/components/AuthorityList.tsx'), 'AuthorityList');
const AuthorityDetail = screen(() => import('../features/authorities/components/AuthorityDetail.tsx'), 'AuthorityDetail');
const RecordsCard = screen(() => import('../features/records/components/RecordsCard.tsx'), 'RecordsCard');
const EligibilityPanel = screen(() => import('../features/eligibility/components/EligibilityPanel.tsx'), 'EligibilityPanel');
const BatchPage = screen(() => import('../features/eligibility/components/BatchPage.tsx'), 'BatchPage');
const UserList = screen(() => import('../features/users/components/UserList.tsx'), 'UserList');

/** A card of another feature loads on its own, without holding back the record beside it. */
function Later({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Card size="small">
          <Skeleton active paragraph={{ rows: 2 }} />
        </Card>
      }
    >
      {children}
    </Suspense>
  );
}

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
  return <AppShell user={user} />;
}

function LoginRoute() {
  const { user, isLoading } = useSession();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(search.get('next'));
  if (isLoading) return <FullPageSpin />;
  if (user) return <Navigate to={next} replace />;
  return <LoginPage extra={<LanguageSwitcher />} onSignedIn={() => navigate(next, { replace: true })} />;
}

function NotFound() {
  const { t } = useTranslation('common');
  return <Result status="404" title="404" subTitle={t('errors.notFound')} data-testid="not-found" />;
}

function useId(): number | null {
  const { id } = useParams();
  const n = Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function ClusterRoute() {
  const id = useId();
  if (id === null) return <NotFound />;
  return (
    <ClusterDetail
      key={id}
      id={id}
      aside={
        <Later>
          <HistoryPanel entityType="cluster" entityId={id} />
        </Later>
      }
    />
  );
}

function ClustersRoute() {
  const { user } = useSession();
  return <ClusterList canEdit={user?.abilities.createCluster ?? false} defaultAuthorityId={user?.authorityId} />;
}

function PeopleRoute() {
  const { user } = useSession();
  return <PersonList canEdit={user?.abilities.createPerson ?? false} defaultUnitId={user?.unitId} />;
}

function UnitsRoute() {
  const { user } = useSession();
  return <UnitList canEdit={user?.abilities.createUnit ?? false} defaultAuthorityId={user?.authorityId} />;
}

function UnitRoute() {
  const id = useId();
  if (id === null) return <NotFound />;
  return (
    <UnitDetail
      key={id}
      id={id}
      aside={
        <Later>
          <HistoryPanel entityType="unit" entityId={id} />
        </Later>
      }
    >
      <Later>
        <EligibilityPanel subjectType="unit" id={id} />
      </Later>
      <Later>
        <RecordsCard subjectType="unit" id={id} />
      </Later>
    </UnitDetail>
  );
}

function PersonRoute() {
  const id = useId();
  if (id === null) return <NotFound />;
  return (
    <PersonDetail
      key={id}
      id={id}
      aside={
        <Later>
          <HistoryPanel entityType="person" entityId={id} />
        </Later>
      }
    >
      <Later>
        <EligibilityPanel subjectType="person" id={id} />
      </Later>
      <Later>
        <RecordsCard subjectType="person" id={id} />
      </Later>
    </PersonDetail>
  );
}

function EligibilityRoute() {
  const { user } = useSession();
  const managesQuotas = user?.abilities.editIssuerRules ?? false;
  return (
    <BatchPage
      user={{ authorityId: user?.authorityId ?? null, clusterId: user?.clusterId ?? null, unitId: user?.unitId ?? null, managesQuotas }}
    />
  );
}

function UsersRoute() {
  const { user } = useSession();
  const { t } = useTranslation('common');
  if (!user?.abilities.manageUsers) return <Result status="403" title="403" subTitle={t('errors.forbidden')} data-testid="forbidden" />;
  return <UserList user={user} />;
}

function AuthorityRoute() {
  const id = useId();
  if (id === null) return <NotFound />;
  return (
    <AuthorityDetail
      key={id}
      id={id}
      aside={
        <Later>
          <HistoryPanel entityType="authority" entityId={id} />
        </Later>
      }
    />
  );
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      { path: 'clusters', element: <ClustersRoute /> },
      { path: 'clusters/:id', element: <ClusterRoute /> },
      { path: 'units', element: <UnitsRoute /> },
      { path: 'units/:id', element: <UnitRoute /> },
      { path: 'people', element: <PeopleRoute /> },
      { path: 'people/:id', element: <PersonRoute /> },
      { path: 'authorities', element: <AuthorityList /> },
      { path: 'authorities/:id', element: <AuthorityRoute /> },
      { path: 'eligibility', element: <EligibilityRoute /> },
      { path: 'users', element: <UsersRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

import { Flex, Result, Spin } from 'antd';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams, type RouteObject } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/ui/LanguageSwitcher.tsx';
import { QueryError } from '../components/ui/QueryError.tsx';
import { SESSION_KEY, useSession } from '../lib/session.ts';
import { LoginPage } from '../features/auth/components/LoginPage.tsx';
import { HistoryPanel } from '../features/audit/components/HistoryPanel.tsx';
import { ClusterList } from '../features/clusters/components/ClusterList.tsx';
import { ClusterDetail } from '../features/clusters/components/ClusterDetail.tsx';
import { UnitList } from '../features/units/components/UnitList.tsx';
import { UnitDetail } from '../features/units/components/UnitDetail.tsx';
import { PersonList } from '../features/people/components/PersonList.tsx';
import { PersonDetail } from '../features/people/components/PersonDetail.tsx';
import { AuthorityList } from '../features/authorities/components/AuthorityList.tsx';
import { AuthorityDetail } from '../features/authorities/components/AuthorityDetail.tsx';
import { RecordsCard } from '../features/records/components/RecordsCard.tsx';
import { EligibilityPanel } from '../features/eligibility/components/EligibilityPanel.tsx';
import { BatchPage } from '../features/eligibility/components/BatchPage.tsx';
import { AppShell } from './AppShell.tsx';

function FullPageSpin() {
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

function useCanEdit(): boolean {
  return useSession().user?.canEdit ?? false;
}

function ClusterRoute() {
  const id = useId();
  const canEdit = useCanEdit();
  if (id === null) return <NotFound />;
  return <ClusterDetail key={id} id={id} canEdit={canEdit} aside={<HistoryPanel entityType="cluster" entityId={id} />} />;
}

function UnitsRoute() {
  const { user } = useSession();
  return <UnitList canEdit={user?.canEdit ?? false} defaultAuthorityId={user?.authorityId} />;
}

function UnitRoute() {
  const id = useId();
  const canEdit = useCanEdit();
  if (id === null) return <NotFound />;
  return (
    <UnitDetail key={id} id={id} canEdit={canEdit} aside={<HistoryPanel entityType="unit" entityId={id} />}>
      <EligibilityPanel subjectType="unit" id={id} />
      <RecordsCard subjectType="unit" id={id} />
    </UnitDetail>
  );
}

function PersonRoute() {
  const id = useId();
  const canEdit = useCanEdit();
  if (id === null) return <NotFound />;
  return (
    <PersonDetail key={id} id={id} canEdit={canEdit} aside={<HistoryPanel entityType="person" entityId={id} />}>
      <EligibilityPanel subjectType="person" id={id} />
      <RecordsCard subjectType="person" id={id} />
    </PersonDetail>
  );
}

function EligibilityRoute() {
  const { user } = useSession();
  const managesQuotas = user?.role === 'COMMITTEE_OFFICER' || user?.role === 'SYSTEM_ADMIN';
  return <BatchPage user={{ authorityId: user?.authorityId ?? null, clusterId: user?.clusterId ?? null, unitId: user?.unitId ?? null, managesQuotas }} />;
}

function AuthorityRoute() {
  const id = useId();
  const canEdit = useCanEdit();
  if (id === null) return <NotFound />;
  return <AuthorityDetail key={id} id={id} canEdit={canEdit} aside={<HistoryPanel entityType="authority" entityId={id} />} />;
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      { path: 'clusters', element: <ClusterList /> },
      { path: 'clusters/:id', element: <ClusterRoute /> },
      { path: 'units', element: <UnitsRoute /> },
      { path: 'units/:id', element: <UnitRoute /> },
      { path: 'people', element: <PersonList /> },
      { path: 'people/:id', element: <PersonRoute /> },
      { path: 'authorities', element: <AuthorityList /> },
      { path: 'authorities/:id', element: <AuthorityRoute /> },
      { path: 'eligibility', element: <EligibilityRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

// The signed-in routes around the feature screens: loaded with the first signed-in page, not by the login page.
import { Suspense, type ReactNode } from 'react';
import { Card, Result, Skeleton } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../lib/session.ts';
import { screen } from './lazy-screen.ts';

const HistoryPanel = screen(() => import('../features/audit/components/HistoryPanel.tsx'), 'HistoryPanel');
const ClusterList = screen(() => import('../features/clusters/components/ClusterList.tsx'), 'ClusterList');
const ClusterDetail = screen(() => import('../features/clusters/components/ClusterDetail.tsx'), 'ClusterDetail');
const UnitList = screen(() => import('../features/units/components/UnitList.tsx'), 'UnitList');
const UnitDetail = screen(() => import('../features/units/components/UnitDetail.tsx'), 'UnitDetail');
const PersonList = screen(() => import('../features/people/components/PersonList.tsx'), 'PersonList');
const PersonDetail = screen(() => import('../features/people/components/PersonDetail.tsx'), 'PersonDetail');
const AuthorityDetail = screen(() => import('../features/authorities/components/AuthorityDetail.tsx'), 'AuthorityDetail');
const RecordsCard = screen(() => import('../features/records/components/RecordsCard.tsx'), 'RecordsCard');
const EligibilityPanel = screen(() => import('../features/eligibility/components/EligibilityPanel.tsx'), 'EligibilityPanel');
const BatchPage = screen(() => import('../features/eligibility/components/BatchPage.tsx'), 'BatchPage');
const DecisionList = screen(() => import('../features/decisions/components/DecisionList.tsx'), 'DecisionList');
const DecisionDetail = screen(() => import('../features/decisions/components/DecisionDetail.tsx'), 'DecisionDetail');
const NewDecision = screen(() => import('../features/decisions/components/DecisionEditor.tsx'), 'NewDecision');
const EditDecision = screen(() => import('../features/decisions/components/DecisionEditor.tsx'), 'EditDecision');
const SubjectDecisions = screen(() => import('../features/decisions/components/SubjectDecisions.tsx'), 'SubjectDecisions');
const CriteriaPage = screen(() => import('../features/criteria/components/CriteriaPage.tsx'), 'CriteriaPage');
const RoundPage = screen(() => import('../features/scoring/components/RoundPage.tsx'), 'RoundPage');
const SheetPage = screen(() => import('../features/scoring/components/SheetPage.tsx'), 'SheetPage');
const ReviewPage = screen(() => import('../features/scoring/components/ReviewPage.tsx'), 'ReviewPage');
const RankingPage = screen(() => import('../features/scoring/components/RankingPage.tsx'), 'RankingPage');
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

export function NotFound() {
  const { t } = useTranslation('common');
  return <Result status="404" title="404" subTitle={t('errors.notFound')} data-testid="not-found" />;
}

function useId(): number | null {
  const { id } = useParams();
  const n = Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function ClusterRoute() {
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

/** A cluster's criteria table of a year and round: `/clusters/:id/years/:year/criteria?period=H1|FY`. */
export function CriteriaRoute() {
  const id = useId();
  const { year } = useParams();
  const { user } = useSession();
  const y = Number(year);
  if (id === null || !Number.isInteger(y) || y < 1945 || y > 2200 || !user) return <NotFound />;
  return <CriteriaPage key={`${id}-${y}`} clusterId={id} year={y} user={user} />;
}

export function ClustersRoute() {
  const { user } = useSession();
  return <ClusterList canEdit={user?.abilities.createCluster ?? false} defaultAuthorityId={user?.authorityId} />;
}

export function PeopleRoute() {
  const { user } = useSession();
  return <PersonList canEdit={user?.abilities.createPerson ?? false} defaultUnitId={user?.unitId} />;
}

export function UnitsRoute() {
  const { user } = useSession();
  return <UnitList canEdit={user?.abilities.createUnit ?? false} defaultAuthorityId={user?.authorityId} />;
}

export function UnitRoute() {
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
      <Later>
        <SubjectDecisions subjectType="unit" id={id} />
      </Later>
    </UnitDetail>
  );
}

export function PersonRoute() {
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
      <Later>
        <SubjectDecisions subjectType="person" id={id} />
      </Later>
    </PersonDetail>
  );
}

export function EligibilityRoute() {
  const { user } = useSession();
  const managesQuotas = user?.abilities.editIssuerRules ?? false;
  return (
    <BatchPage
      user={{ authorityId: user?.authorityId ?? null, clusterId: user?.clusterId ?? null, unitId: user?.unitId ?? null, managesQuotas }}
    />
  );
}

export function UsersRoute() {
  const { user } = useSession();
  const { t } = useTranslation('common');
  if (!user?.abilities.manageUsers) return <Result status="403" title="403" subTitle={t('errors.forbidden')} data-testid="forbidden" />;
  return <UserList user={user} />;
}

export function AuthorityRoute() {
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

export function DecisionsRoute() {
  const { user } = useSession();
  return <DecisionList canDraft={user?.abilities.draftDecision ?? false} />;
}

export function DecisionRoute() {
  const id = useId();
  if (id === null) return <NotFound />;
  return <DecisionDetail key={id} id={id} />;
}

export function NewDecisionRoute() {
  const { user } = useSession();
  const [params] = useSearchParams();
  if (!user) return null;
  // a correction: the issued decision it replaces
  const replaces = Number(params.get('replaces'));
  return <NewDecision user={user} replacesId={Number.isInteger(replaces) && replaces > 0 ? replaces : null} />;
}

export function EditDecisionRoute() {
  const id = useId();
  const { user } = useSession();
  if (id === null) return <NotFound />;
  if (!user) return null;
  return <EditDecision key={id} id={id} user={user} />;
}

/** A positive whole number from a path segment, or null. */
function positive(value: string | null | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The cluster and year of a round's pages: `/clusters/:id/years/:year/…`. */
function useRoundPlace(): { clusterId: number; year: number; unitId: number | null } | null {
  const params = useParams();
  const clusterId = positive(params.id);
  const year = positive(params.year);
  if (clusterId === null || year === null || year < 1945 || year > 2200) return null;
  return { clusterId, year, unitId: positive(params.unitId) };
}

const periodOf = (value: string | null) => (value === 'H1' ? 'H1' : 'FY');

export function RoundRoute() {
  const place = useRoundPlace();
  if (!place) return <NotFound />;
  return <RoundPage key={`${place.clusterId}:${place.year}`} clusterId={place.clusterId} year={place.year} />;
}

export function SheetRoute() {
  const place = useRoundPlace();
  const [params] = useSearchParams();
  if (!place || place.unitId === null) return <NotFound />;
  const stage = params.get('stage') === 'cross' ? 'cross' : 'self';
  const scorer = stage === 'cross' ? positive(params.get('scorerUnitId')) : place.unitId;
  if (scorer === null) return <NotFound />;
  return (
    <SheetPage
      clusterId={place.clusterId}
      year={place.year}
      period={periodOf(params.get('period'))}
      unitId={place.unitId}
      stage={stage}
      scorerUnitId={scorer}
    />
  );
}

export function ReviewRoute() {
  const place = useRoundPlace();
  const [params] = useSearchParams();
  if (!place || place.unitId === null) return <NotFound />;
  return <ReviewPage clusterId={place.clusterId} year={place.year} period={periodOf(params.get('period'))} unitId={place.unitId} />;
}

export function RankingRoute() {
  const place = useRoundPlace();
  if (!place) return <NotFound />;
  return <RankingPage key={`${place.clusterId}:${place.year}`} clusterId={place.clusterId} year={place.year} />;
}

import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { BranchesOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import type { SessionUser } from '../../../lib/session.ts';
import { PERIODS, useCriteria, useCriteriaCluster, useNewCriteriaVersion, type Period } from '../api/criteria.ts';
import { CriteriaEditor } from './CriteriaEditor.tsx';
import { CriteriaView } from './CriteriaView.tsx';

export const periodOf = (value: string | null): Period => (value === 'H1' ? 'H1' : 'FY');

/**
 * The criteria table (bảng tiêu chí, thang điểm) of a cluster's year and round: read by whoever sees the cluster,
 * edited while the round is a draft by those the server allows (`abilities`), frozen once scoring opens.
 */
export function CriteriaPage({ clusterId, year, user }: { clusterId: number; year: number; user: SessionUser }) {
  const { t } = useTranslation('registry');
  const [search, setSearch] = useSearchParams();
  const period = periodOf(search.get('period'));
  const cluster = useCriteriaCluster(clusterId);
  const query = useCriteria(clusterId, year, period);
  // the editor starts afresh from each saved table (a save, a copy, a new version)
  const [generation, setGeneration] = useState(0);

  const heading = cluster.data ? t('criteria.heading', { cluster: cluster.data.name, year }) : t('criteria.title');

  function body() {
    const set = query.data;
    if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
    if (set === undefined || cluster.isPending) return <Skeleton active />;
    if (set === null) {
      // no table yet: the server answers 404 without abilities, so who may start one is read from the cluster and the
      // signed-in officer (the board of the cluster, or the cluster's officer of that year); the server decides on save
      const mayStart =
        (cluster.data?.abilities.update ?? false) ||
        (user.role === 'CLUSTER_OFFICER' && user.clusterId === clusterId && user.year === year);
      if (!mayStart) return <Alert type="info" showIcon data-testid="criteria-none" title={t('criteria.none')} />;
      return (
        <CriteriaEditor
          key={`${period}-new-${generation}`}
          clusterId={clusterId}
          year={year}
          period={period}
          onSaved={() => setGeneration((g) => g + 1)}
          reload={() => query.refetch()}
        />
      );
    }
    if (set.abilities.update)
      return (
        <CriteriaEditor
          key={`${period}-${set.id}-${generation}`}
          clusterId={clusterId}
          year={year}
          period={period}
          set={set}
          onSaved={() => setGeneration((g) => g + 1)}
          reload={() => query.refetch()}
        />
      );
    return (
      <Flex vertical gap={12}>
        {set.roundState !== 'draft' && <Alert type="info" showIcon data-testid="criteria-frozen" title={t('criteria.frozen')} />}
        {set.abilities.newVersion && (
          <NewVersionButton
            clusterId={clusterId}
            year={year}
            period={period}
            version={set.version}
            onDone={() => setGeneration((g) => g + 1)}
          />
        )}
        <CriteriaView content={set.content} />
      </Flex>
    );
  }

  return (
    <div data-testid="criteria-page">
      <PageHeader title={heading} backTo={`/clusters/${clusterId}`} />
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Segmented<Period>
            data-testid="criteria-period"
            aria-label={t('criteria.period')}
            value={period}
            onChange={(p) => setSearch({ period: p }, { replace: true })}
            options={PERIODS.map((p) => ({ value: p, label: t(`criteria.periods.${p}`) }))}
          />
          {query.data && (
            <Space size={4} wrap>
              <Tag data-testid="criteria-version">{t('criteria.version', { version: query.data.version })}</Tag>
              <Tag color={query.data.roundState === 'draft' ? 'default' : 'blue'} data-testid="criteria-round-state">
                {t(`criteria.roundStates.${query.data.roundState}`)}
              </Tag>
            </Space>
          )}
        </Flex>
        {body()}
      </Flex>
    </div>
  );
}

/** The board starts the next version of a frozen table, as a draft: sheets of the current version are scored afresh. */
function NewVersionButton({
  clusterId,
  year,
  period,
  version,
  onDone,
}: {
  clusterId: number;
  year: number;
  period: Period;
  version: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const start = useNewCriteriaVersion(clusterId, year);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div>
        <Button icon={<BranchesOutlined />} data-testid="criteria-new-version" onClick={() => setConfirming(true)}>
          {t('criteria.newVersion')}
        </Button>
      </div>
      <Modal
        open={confirming}
        title={t('criteria.newVersion')}
        okText={t('criteria.newVersion')}
        cancelText={t('form.cancel')}
        confirmLoading={start.isPending}
        okButtonProps={{ 'data-testid': 'confirm-new-version' } as never}
        onCancel={() => setConfirming(false)}
        onOk={async () => {
          try {
            await start.mutateAsync({ period });
            setConfirming(false);
            onDone();
            void message.success(t('criteria.newVersionStarted', { version: version + 1 }));
          } catch (error) {
            void message.error((isApiError(error) && error.message) || t('form.saveFailed'));
          }
        }}
      >
        <Typography.Paragraph>{t('criteria.newVersionConfirm', { version: version + 1 })}</Typography.Paragraph>
      </Modal>
    </>
  );
}

import type { ReactNode } from 'react';
import { Card, Empty, Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isSettingKey, SETTING_KEYS, settingText } from '../../../lib/settings-text.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { useAuthorityOverview, type Authority, type AuthorityOverview as Overview } from '../api/authorities.ts';

type ClusterRow = Overview['clusters'][number];
type QuotaRow = Overview['quotas'][number];

/**
 * What hangs on an authority, as far as the caller sees: its units (counted, with the way to their list), the
 * clusters and blocks it organises, its quota policies and the issuer settings in force this year, with the way to
 * where its board edits them.
 */
export function AuthorityOverview({ authority }: { authority: Authority }) {
  const { t } = useTranslation('registry');
  const query = useAuthorityOverview(authority.id);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  const overview = query.data;
  const editsRules = authority.abilities.setQuotas || authority.abilities.setSettings;
  const rulesLink = editsRules ? (
    <Link to={`/eligibility?authorityId=${authority.id}`} data-testid="authority-edit-rules">
      {t('authorities.editRules')}
    </Link>
  ) : undefined;
  return (
    <>
      <Card
        size="small"
        title={t('authorities.unitsTitle')}
        data-testid="authority-units"
        extra={
          overview.unitCount > 0 && (
            <Link to={`/units?authorityId=${authority.id}`} data-testid="authority-units-link">
              {t('authorities.openUnits')}
            </Link>
          )
        }
      >
        {overview.unitCount > 0 ? (
          <Typography.Text data-testid="authority-unit-count">{t('authorities.unitCount', { count: overview.unitCount })}</Typography.Text>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('authorities.noUnits')} />
        )}
      </Card>
      <AuthorityClusters authorityId={authority.id} overview={overview} />
      <AuthorityQuotas overview={overview} extra={rulesLink} />
      <AuthoritySettings overview={overview} extra={rulesLink} />
    </>
  );
}

function AuthorityClusters({ authorityId, overview }: { authorityId: number; overview: Overview }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  return (
    <Card size="small" title={t('authorities.clustersTitle')} data-testid="authority-clusters">
      <Table<ClusterRow>
        // long cluster names wrap inside the card; a phone scrolls the table inside itself
        scroll={{ x: 560 }}
        size="small"
        rowKey="id"
        dataSource={overview.clusters}
        pagination={overview.clusters.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        onRow={(c) => ({ 'data-testid': `authority-cluster-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('authorities.noClusters')} /> }}
        columns={[
          {
            key: 'name',
            title: t('fields.name'),
            width: '50%',
            render: (_, c) => (
              <Space size={4} wrap>
                <Tag>{t(`clusterKind.${c.kind}`)}</Tag>
                <Link to={`/clusters/${c.id}`}>{c.name}</Link>
              </Space>
            ),
          },
          { key: 'code', title: t('fields.code'), dataIndex: 'code' },
          {
            key: 'members',
            title: t('clusters.memberCountOfYear', { year: overview.year }),
            align: 'right',
            dataIndex: 'memberCount',
          },
          {
            key: 'status',
            title: t('units.status'),
            render: (_, c) => (c.activeTo ? t('authorities.activeUntil', { date: date(c.activeTo) }) : t('clusters.stillActive')),
          },
        ]}
      />
      {overview.clusters.length > 0 && (
        <Link
          to={`/clusters?authorityId=${authorityId}`}
          data-testid="authority-clusters-link"
          style={{ display: 'inline-block', marginTop: 8 }}
        >
          {t('authorities.openClusters')}
        </Link>
      )}
    </Card>
  );
}

function AuthorityQuotas({ overview, extra }: { overview: Overview; extra?: ReactNode }) {
  const { t } = useTranslation('records');
  const award = (code: string | null) => (code ? t(`vocabulary:awards.${code}`, { defaultValue: code }) : '—');
  const quotas = [...overview.quotas].sort((a, b) => a.awardCode.localeCompare(b.awardCode) || b.year - a.year);
  return (
    <Card size="small" title={t('quota.policiesTitle')} data-testid="authority-quotas">
      <Table<QuotaRow>
        scroll={{ x: 'max-content' }}
        size="small"
        rowKey={(p) => `${p.awardCode}-${p.year}`}
        pagination={false}
        dataSource={quotas}
        onRow={() => ({ 'data-testid': 'authority-quota-row' }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry:authorities.noQuotas')} /> }}
        columns={[
          { key: 'award', title: t('quota.award'), render: (_, p) => award(p.awardCode) },
          { key: 'year', title: t('quota.fromYear'), dataIndex: 'year' },
          { key: 'rate', title: t('quota.rate'), align: 'right', render: (_, p) => t('quota.percent', { value: p.ratePercent }) },
          {
            key: 'rounding',
            title: t('quota.rounding'),
            render: (_, p) => t(`quota.roundings.${p.rounding}`, { defaultValue: p.rounding }),
          },
          { key: 'minOne', title: t('quota.minOne'), render: (_, p) => t(p.minOne ? 'batch.yes' : 'batch.no') },
          { key: 'base', title: t('quota.baseAward'), render: (_, p) => award(p.baseAwardCode) },
        ]}
      />
      {extra && <div style={{ marginTop: 8 }}>{extra}</div>}
    </Card>
  );
}

function AuthoritySettings({ overview, extra }: { overview: Overview; extra?: ReactNode }) {
  const { t } = useTranslation('records');
  const { fromYear, overrides } = overview.settings;
  const changed = SETTING_KEYS.filter((key) => key in overrides && isSettingKey(key));
  return (
    <Card size="small" title={t('settings.title')} data-testid="authority-settings">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" data-testid="authority-settings-in-force">
          {fromYear === null || changed.length === 0
            ? t('settings.defaultsOnly', { year: overview.year })
            : t('settings.inForceFrom', { year: overview.year, from: fromYear })}
        </Typography.Text>
        {changed.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="authority-settings-changed">
            {changed.map((key) => (
              <li key={key}>
                {t(`settings.items.${key}.label`)}: <Typography.Text strong>{settingText(t, key, overrides[key])}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
        {extra}
      </Flex>
    </Card>
  );
}

import { Card, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { PAGE_SIZES, useListParams } from '../../../lib/list-params.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { CLUSTER_KINDS, useClusters, type Cluster } from '../api/clusters.ts';

const FILTERS = ['kind', 'authorityId', 'year'] as const;

export function yearOptions(around = new Date().getFullYear()): number[] {
  return Array.from({ length: 8 }, (_, i) => around + 1 - i);
}

export function ClusterList() {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const { params, setQuery, setFilter, setPage } = useListParams(FILTERS);
  const query = useClusters(params);
  const year = Number(params.filters.year) || new Date().getFullYear();

  return (
    <div data-testid="cluster-list">
      <PageHeader title={t('clusters.title')} />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            key={params.q}
            data-testid="list-search"
            size="small"
            allowClear
            style={{ width: 280 }}
            placeholder={t('clusters.searchPlaceholder')}
            defaultValue={params.q}
            onSearch={setQuery}
          />
          <Select
            data-testid="filter-kind"
            size="small"
            allowClear
            style={{ width: 140 }}
            placeholder={t('filters.kind')}
            value={params.filters.kind}
            onChange={(v) => setFilter('kind', v)}
            options={CLUSTER_KINDS.map((k) => ({ value: k, label: t(`clusterKind.${k}`) }))}
          />
          <AuthoritySelect data-testid="filter-authority" value={Number(params.filters.authorityId) || undefined} onChange={(v) => setFilter('authorityId', v)} />
          <Select
            data-testid="filter-year"
            size="small"
            style={{ width: 120 }}
            value={year}
            onChange={(v) => setFilter('year', v === new Date().getFullYear() ? undefined : v)}
            options={yearOptions().map((y) => ({ value: y, label: t('filters.yearValue', { year: y }) }))}
          />
        </Flex>
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Cluster>
            data-testid="cluster-table"
            size="small"
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 1100 }}
            onRow={(c) => ({ 'data-testid': `cluster-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: query.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              size: 'small',
              showTotal: (total) => t('list.total', { count: total }),
              onChange: setPage,
            }}
            columns={[
              { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 90 },
              {
                key: 'name',
                width: 280,
                title: t('fields.name'),
                render: (_, c) => (
                  <Link to={`/clusters/${c.id}`} data-testid={`cluster-link-${c.id}`}>
                    {c.name}
                  </Link>
                ),
              },
              { key: 'kind', title: t('fields.kind'), width: 80, render: (_, c) => <Tag>{t(`clusterKind.${c.kind}`)}</Tag> },
              { key: 'authority', title: t('fields.authority'), dataIndex: 'authorityName', width: 170 },
              {
                key: 'decision',
                title: t('clusters.decision'),
                width: 190,
                render: (_, c) => (c.decisionNumber ? `${c.decisionNumber}${c.decisionDate ? ` · ${date(c.decisionDate)}` : ''}` : '—'),
              },
              { key: 'members', title: t('clusters.memberCountOfYear', { year }), dataIndex: 'memberCount', width: 110, align: 'right' },
              { key: 'head', title: t('clusters.head'), render: (_, c) => c.headUnitName ?? '—' },
              { key: 'deputy', title: t('clusters.deputy'), render: (_, c) => c.deputyUnitName ?? '—' },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

import { Card, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { PAGE_SIZES, useListParams } from '../../../lib/list-params.ts';
import { AUTHORITY_KINDS, useAuthorities, type Authority } from '../api/authorities.ts';

const FILTERS = ['kind'] as const;

export function AuthorityList() {
  const { t } = useTranslation('registry');
  const { params, setQuery, setFilter, setPage } = useListParams(FILTERS);
  const query = useAuthorities(params);

  return (
    <div data-testid="authority-list">
      <PageHeader title={t('authorities.title')} />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            key={params.q}
            data-testid="list-search"
            size="small"
            allowClear
            style={{ width: 280 }}
            placeholder={t('authorities.searchPlaceholder')}
            defaultValue={params.q}
            onSearch={setQuery}
          />
          <Select
            data-testid="filter-kind"
            size="small"
            allowClear
            style={{ width: 220 }}
            placeholder={t('filters.kind')}
            value={params.filters.kind}
            onChange={(v) => setFilter('kind', v)}
            options={AUTHORITY_KINDS.map((k) => ({ value: k, label: t(`authorityKind.${k}`) }))}
          />
        </Flex>
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Authority>
            data-testid="authority-table"
            size="small"
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            onRow={(a) => ({ 'data-testid': `authority-row-${a.id}` }) as React.HTMLAttributes<HTMLElement>}
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
              { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 110 },
              {
                key: 'name',
                width: 280,
                title: t('fields.name'),
                render: (_, a) => (
                  <Link to={`/authorities/${a.id}`} data-testid={`authority-link-${a.id}`}>
                    {a.name}
                  </Link>
                ),
              },
              { key: 'short', title: t('fields.shortName'), width: 160, render: (_, a) => a.shortName ?? '' },
              { key: 'kind', title: t('fields.kind'), width: 200, render: (_, a) => <Tag>{t(`authorityKind.${a.kind}`)}</Tag> },
              { key: 'place', title: t('authorities.place'), width: 160, render: (_, a) => a.place ?? '' },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

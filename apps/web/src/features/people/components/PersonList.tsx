import { Card, Flex, Input, Select, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { PAGE_SIZES, useListParams } from '../../../lib/list-params.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { GENDERS, usePeople, type Person } from '../api/people.ts';

const FILTERS = ['unitId', 'gender'] as const;

export function PersonList() {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const { params, setQuery, setFilter, setPage } = useListParams(FILTERS);
  const query = usePeople(params);

  return (
    <div data-testid="person-list">
      <PageHeader title={t('people.title')} />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            key={params.q}
            data-testid="list-search"
            size="small"
            allowClear
            style={{ width: 280 }}
            placeholder={t('people.searchPlaceholder')}
            defaultValue={params.q}
            onSearch={setQuery}
          />
          <UnitSelect data-testid="filter-unit" value={Number(params.filters.unitId) || undefined} onChange={(v) => setFilter('unitId', v)} />
          <Select
            data-testid="filter-gender"
            size="small"
            allowClear
            style={{ width: 120 }}
            placeholder={t('people.gender')}
            value={params.filters.gender}
            onChange={(v) => setFilter('gender', v)}
            options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          />
        </Flex>
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Person>
            data-testid="person-table"
            size="small"
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 800 }}
            onRow={(p) => ({ 'data-testid': `person-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
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
                width: 220,
                title: t('people.fullName'),
                render: (_, p) => (
                  <Link to={`/people/${p.id}`} data-testid={`person-link-${p.id}`}>
                    {p.fullName}
                  </Link>
                ),
              },
              { key: 'gender', title: t('people.gender'), width: 90, render: (_, p) => t(`gender.${p.gender}`) },
              { key: 'birth', title: t('people.birthDate'), width: 110, render: (_, p) => date(p.birthDate) },
              {
                key: 'unit',
                title: t('fields.unit'),
                render: (_, p) => (p.unitId ? <Link to={`/units/${p.unitId}`}>{p.unitName}</Link> : ''),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

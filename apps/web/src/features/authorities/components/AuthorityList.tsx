import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FilterSelect, ListToolbar } from '../../../components/ui/ListToolbar.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { RegistryTable } from '../../../components/ui/RegistryTable.tsx';
import { useListParams } from '../../../lib/list-params.ts';
import { AUTHORITY_KINDS, useAuthorities, type Authority } from '../api/authorities.ts';

const FILTERS = ['kind'] as const;

export function AuthorityList() {
  const { t } = useTranslation('registry');
  const list = useListParams(FILTERS);
  const query = useAuthorities(list.params);

  return (
    <div data-testid="authority-list">
      <PageHeader title={t('authorities.title')} />
      <Card size="small">
        <ListToolbar list={list} searchPlaceholder={t('authorities.searchPlaceholder')}>
          <FilterSelect
            data-testid="filter-kind"
            name="kind"
            list={list}
            width={220}
            placeholder={t('filters.kind')}
            options={AUTHORITY_KINDS.map((k) => ({ value: k, label: t(`authorityKind.${k}`) }))}
          />
        </ListToolbar>
        <RegistryTable<Authority>
          data-testid="authority-table"
          query={query}
          list={list}
          rowTestId={(a) => `authority-row-${a.id}`}
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
      </Card>
    </div>
  );
}

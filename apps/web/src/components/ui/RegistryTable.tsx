import { Empty, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../lib/api.ts';
import { PAGE_SIZES, type ListParams } from '../../lib/list-params.ts';
import { QueryError } from './QueryError.tsx';

interface RegistryTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onRow'> {
  'data-testid': string;
  /** The page of records as loaded for `list.params`; a failed load shows its error instead of the table. */
  query: { data?: Page<T>; error: unknown; isFetching: boolean; refetch: () => Promise<unknown> };
  /** From `useListParams`: the page and page size live in the URL. */
  list: { params: ListParams; setPage: (page: number, pageSize: number) => void };
  /** What to do when the list is empty and nothing narrows it (e.g. the button that adds one). */
  emptyHint?: string;
  rowTestId: (row: T) => string;
}

/** A registry list's table: one page of records, the standard pager over the URL's page, or the load error. */
export function RegistryTable<T extends object>({ query, list, rowTestId, emptyHint, ...table }: RegistryTableProps<T>) {
  const { t } = useTranslation('registry');
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  // an empty list says why and what to do next: widen the search, or start the registry
  const narrowed = list.params.q !== '' || Object.values(list.params.filters).some((v) => v !== undefined && v !== '');
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="list-empty"
      description={narrowed ? t('list.emptyFiltered') : `${t('list.emptyNone')}${emptyHint ? ` ${emptyHint}` : ''}`}
    />
  );
  return (
    <Table<T>
      size="small"
      rowKey="id"
      {...table}
      loading={query.isFetching}
      locale={{ emptyText: empty }}
      dataSource={query.data?.items ?? []}
      onRow={(row) => ({ 'data-testid': rowTestId(row) }) as React.HTMLAttributes<HTMLElement>}
      pagination={{
        current: list.params.page,
        pageSize: list.params.pageSize,
        total: query.data?.total ?? 0,
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        size: 'small',
        showTotal: (total) => t('list.total', { count: total }),
        onChange: list.setPage,
      }}
    />
  );
}

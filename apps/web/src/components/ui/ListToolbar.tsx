import type { ReactNode } from 'react';
import { Flex, Input, Select, type SelectProps } from 'antd';
import type { ListParams } from '../../lib/list-params.ts';

interface ListToolbarProps {
  /** From `useListParams`: the search text lives in the URL. */
  list: { params: ListParams; setQuery: (q: string) => void };
  searchPlaceholder: string;
  /** The list's filters, after the search box. */
  children?: ReactNode;
}

/** The row above a registry list: the search box, then the list's filters. */
export function ListToolbar({ list, searchPlaceholder, children }: ListToolbarProps) {
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        key={list.params.q}
        data-testid="list-search"
        size="small"
        allowClear
        style={{ width: 280 }}
        placeholder={searchPlaceholder}
        defaultValue={list.params.q}
        onSearch={list.setQuery}
      />
      {children}
    </Flex>
  );
}

interface FilterSelectProps extends Pick<SelectProps<string>, 'placeholder' | 'options'> {
  'data-testid': string;
  /** The filter's name in `useListParams` (and in the URL). */
  name: string;
  width: number;
  list: { params: ListParams; setFilter: (name: string, value: string | undefined) => void };
}

/** A clearable choice of one filter value, kept in the URL. */
export function FilterSelect({ name, width, list, ...select }: FilterSelectProps) {
  return (
    <Select
      {...select}
      aria-label={typeof select.placeholder === 'string' ? select.placeholder : undefined}
      size="small"
      allowClear
      style={{ width }}
      value={list.params.filters[name]}
      onChange={(v) => list.setFilter(name, v)}
    />
  );
}

import { page } from '@thidua/contracts/shared.ts';
import { unitSchema } from '@thidua/contracts/units.ts';
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';

interface UnitSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
  id?: string;
  /** Units to leave out (a unit cannot be its own parent). */
  exclude?: number;
  /** Only the units of this authority. */
  authorityId?: number | null;
}

/** A unit's name by id (for screens that hold only the id); shares the cache of the picker. */
export function useUnitName(id: number | null | undefined) {
  return useQuery({
    queryKey: ['units', 'option', id],
    queryFn: ({ signal }) => api.get(unitSchema, `/units/${id}`, undefined, signal),
    enabled: id != null,
    staleTime: 5 * 60_000,
  }).data?.name;
}

/** A unit's name by id, `#id` until it is known. */
export function UnitName({ id }: { id: number }) {
  return <>{useUnitName(id) ?? `#${id}`}</>;
}

/** Pick a unit by typing part of its name; thousands of units, so the server searches. */
export function UnitSelect({ value, onChange, placeholder, style, id, exclude, authorityId, ...rest }: UnitSelectProps) {
  const { t } = useTranslation('registry');
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: authorityId ? ['units', 'options', q, authorityId] : ['units', 'options', q],
    queryFn: ({ signal }) => api.get(page(unitSchema), '/units', { q, pageSize: 20, authorityId }, signal),
    staleTime: 60_000,
  });
  // The chosen unit may not be among the search hits (a link, a saved filter): load its name.
  const chosen = useQuery({
    queryKey: ['units', 'option', value],
    queryFn: ({ signal }) => api.get(unitSchema, `/units/${value}`, undefined, signal),
    enabled: value != null && !search.data?.items.some((u) => u.id === value),
    staleTime: 5 * 60_000,
  });
  const items = [...(search.data?.items ?? [])];
  if (chosen.data && !items.some((u) => u.id === chosen.data.id)) items.unshift(chosen.data);
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      size="small"
      style={{ minWidth: 260, ...style }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      placeholder={placeholder ?? t('filters.unit')}
      // outside a form (filters, toolbars) the placeholder is all the label there is; a form's label points at `id`
      aria-label={id ? undefined : (placeholder ?? t('filters.unit'))}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={items.filter((u) => u.id !== exclude).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

import { clusterItem } from '@thidua/contracts/clusters.ts';
import { page } from '@thidua/contracts/shared.ts';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { sortByVietnamese } from '../../lib/format.ts';

interface ClusterSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
  id?: string;
  /** Only the clusters and blocks this authority organises. */
  authorityId?: number | null;
}

/** The clusters and blocks the user may see (of one authority if given); a province has tens, so all at once. */
export function useClusterOptions(authorityId?: number | null) {
  return useQuery({
    queryKey: authorityId ? ['clusters', 'options', authorityId] : ['clusters', 'options'],
    queryFn: ({ signal }) => api.get(page(clusterItem), '/clusters', { pageSize: 100, authorityId }, signal),
    staleTime: 5 * 60_000,
  });
}

/** Pick an emulation cluster or block; a province has tens of them, so all are loaded at once. */
export function ClusterSelect({ value, onChange, placeholder, style, id, authorityId, ...rest }: ClusterSelectProps) {
  const { t } = useTranslation('registry');
  const query = useClusterOptions(authorityId);
  const options = sortByVietnamese(query.data?.items ?? [], (c) => c.name).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      size="small"
      style={{ minWidth: 260, ...style }}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={query.isLoading}
      placeholder={placeholder ?? t('clusters.title')}
      // outside a form (filters, toolbars) the placeholder is all the label there is; a form's label points at `id`
      aria-label={id ? undefined : (placeholder ?? t('clusters.title'))}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
    />
  );
}

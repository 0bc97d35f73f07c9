import { authoritySchema } from '@thidua/contracts/authorities.ts';
import { page } from '@thidua/contracts/shared.ts';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { sortByVietnamese } from '../../lib/format.ts';

interface AuthoritySelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
  id?: string;
  disabled?: boolean;
}

/** Every authority the user may see (few, so all at once); shared by the picker and screens that show names by id. */
export function useAuthorityOptions() {
  return useQuery({
    queryKey: ['authorities', 'options'],
    queryFn: ({ signal }) => api.get(page(authoritySchema), '/authorities', { pageSize: 100 }, signal),
    staleTime: 5 * 60_000,
  });
}

/** Pick a province, ministry or central council. There are few, so all are loaded at once. */
export function AuthoritySelect({ value, onChange, allowClear = true, placeholder, style, id, disabled, ...rest }: AuthoritySelectProps) {
  const { t } = useTranslation('registry');
  const query = useAuthorityOptions();
  const options = sortByVietnamese(query.data?.items ?? [], (a) => a.name).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      size="small"
      style={{ minWidth: 220, ...style }}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ optionFilterProp: 'label' }}
      loading={query.isLoading}
      placeholder={placeholder ?? t('filters.authority')}
      // outside a form (filters, toolbars) the placeholder is all the label there is; a form's label points at `id`
      aria-label={id ? undefined : (placeholder ?? t('filters.authority'))}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
    />
  );
}

import { Card, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AWARDS } from '@thidua/domain/rulebook/vocabulary.ts';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { CreateButton } from '../../../components/ui/CreateButton.tsx';
import { FilterSelect, ListToolbar } from '../../../components/ui/ListToolbar.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { RegistryTable } from '../../../components/ui/RegistryTable.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { useListParams } from '../../../lib/list-params.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { DECISION_STATUSES, useDecisions, type DecisionItem } from '../api/decisions.ts';
import { StatusTag } from './StatusTag.tsx';

const FILTERS = ['authorityId', 'issuerUnitId', 'year', 'award', 'status'] as const;

/** Achievement years offered by the filter: next year back to eight years ago. */
const years = (now = new Date().getFullYear()) => Array.from({ length: 10 }, (_, i) => now + 1 - i);

/** The document register: the award decisions the user may read, newest first, searched and filtered on the server. */
export function DecisionList({ canDraft = false }: { canDraft?: boolean }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const navigate = useNavigate();
  const list = useListParams(FILTERS);
  const { params, setFilter } = list;
  const query = useDecisions(params);
  const authorityId = Number(params.filters.authorityId) || undefined;

  return (
    <div data-testid="decision-list">
      <PageHeader
        title={t('decisions.title')}
        extra={
          canDraft && (
            <CreateButton testId="decision-new" onClick={() => void navigate('/decisions/new')}>
              {t('decisions.new')}
            </CreateButton>
          )
        }
      />
      <Card size="small">
        <ListToolbar list={list} searchPlaceholder={t('decisions.searchPlaceholder')}>
          <AuthoritySelect
            data-testid="filter-authority"
            value={authorityId}
            onChange={(v) => setFilter('authorityId', v)}
            style={{ maxWidth: '100%' }}
          />
          <UnitSelect
            data-testid="filter-issuer-unit"
            placeholder={t('decisions.issuerUnit')}
            authorityId={authorityId}
            value={Number(params.filters.issuerUnitId) || undefined}
            onChange={(v) => setFilter('issuerUnitId', v)}
            style={{ maxWidth: '100%' }}
          />
          <Select
            data-testid="filter-year"
            aria-label={t('decisions.year')}
            placeholder={t('decisions.year')}
            size="small"
            allowClear
            style={{ width: 120 }}
            value={Number(params.filters.year) || undefined}
            onChange={(v) => setFilter('year', v)}
            options={years().map((y) => ({ value: y, label: t('filters.yearValue', { year: y }) }))}
          />
          <FilterSelect
            data-testid="filter-award"
            name="award"
            list={list}
            width={260}
            placeholder={t('decisions.award')}
            options={AWARDS.filter((a) => a.level !== 'state').map((a) => ({ value: a.code, label: t(`vocabulary:awards.${a.code}`) }))}
          />
          <FilterSelect
            data-testid="filter-status"
            name="status"
            list={list}
            width={150}
            placeholder={t('decisions.statusLabel')}
            options={DECISION_STATUSES.map((s) => ({ value: s, label: t(`decisions.status.${s}`) }))}
          />
        </ListToolbar>
        <RegistryTable<DecisionItem>
          data-testid="decision-table"
          query={query}
          list={list}
          emptyHint={canDraft ? t('list.emptyAddHint') : undefined}
          scroll={{ x: 1100 }}
          rowTestId={(d) => `decision-row-${d.id}`}
          columns={[
            {
              key: 'number',
              title: t('decisions.number'),
              width: 150,
              render: (_, d) => (
                <Link to={`/decisions/${d.id}`} data-testid={`decision-link-${d.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {d.number ?? t('decisions.noNumber')}
                </Link>
              ),
            },
            { key: 'date', title: t('decisions.issueDate'), width: 110, render: (_, d) => date(d.issueDate) || '—' },
            { key: 'summary', title: t('decisions.summary'), dataIndex: 'summary' },
            { key: 'issuer', title: t('decisions.issuer'), dataIndex: 'issuerName', width: 200 },
            {
              key: 'award',
              title: t('decisions.award'),
              width: 180,
              render: (_, d) => t(`vocabulary:awards.${d.awardCode}`, { defaultValue: d.awardCode }),
            },
            { key: 'recipients', title: t('decisions.recipientCount'), dataIndex: 'recipientCount', width: 90, align: 'right' },
            { key: 'status', title: t('decisions.statusLabel'), width: 120, render: (_, d) => <StatusTag status={d.status} /> },
          ]}
        />
      </Card>
    </div>
  );
}

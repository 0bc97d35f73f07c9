import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Progress, Segmented, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AWARD_BY_CODE, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { ClusterSelect } from '../../../components/ui/ClusterSelect.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { buildUrl } from '../../../lib/api.ts';
import { BATCH_FILTERS } from '@thidua/contracts/eligibility.ts';
import {
  FIRST_VIEW,
  batchParams,
  useBatch,
  useBatchJobResult,
  useCancelJob,
  useJob,
  useStartBatchJob,
  type Batch,
  type BatchQuery,
  type BatchView,
  type Candidate,
  type Population,
} from '../api/eligibility.ts';
import { useAwardOptions } from './award-options.ts';
import { IssuerSettings } from './IssuerSettings.tsx';
import { QuotaPolicies } from './QuotaPolicies.tsx';
import { RuleTag } from './RuleTag.tsx';
import { StatusIcon } from './EligibilityPanel.tsx';
import { YearSelect, eligibilityYears } from './YearSelect.tsx';

const STANDING_COLOR = { within: 'success', tie: 'warning', outside: 'default' } as const;

export const POPULATION_KINDS = ['unit', 'cluster', 'authority'] as const;
type PopulationKind = (typeof POPULATION_KINDS)[number];
const PARAM: Record<PopulationKind, 'unitId' | 'clusterId' | 'authorityId'> = {
  unit: 'unitId',
  cluster: 'clusterId',
  authority: 'authorityId',
};

export interface BatchUser {
  authorityId: number | null;
  clusterId: number | null;
  unitId: number | null;
  /** Committee officers and administrators see and set the issuer's quota policies and settings. */
  managesQuotas: boolean;
}

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The choice lives in the address, so a link or a reload shows the same list; a user's own cluster, unit or authority comes first. */
function useBatchChoice(user: BatchUser) {
  const [search, setSearch] = useSearchParams();
  const fromUrl = POPULATION_KINDS.find((k) => positive(search.get(PARAM[k])) !== undefined);
  const fallback: PopulationKind = user.clusterId ? 'cluster' : user.unitId ? 'unit' : 'authority';
  const [kindChoice, setKindChoice] = useState<PopulationKind>(fromUrl ?? fallback);
  const kind = fromUrl ?? kindChoice;
  const own: Record<PopulationKind, number | null> = { unit: user.unitId, cluster: user.clusterId, authority: user.authorityId };
  const populationId = positive(search.get(PARAM[kind])) ?? (fromUrl ? undefined : (own[kind] ?? undefined));
  const award = search.get('award') && AWARD_BY_CODE[search.get('award') as AwardCode] ? search.get('award')! : undefined;
  const yearParam = positive(search.get('year'));
  const year = yearParam && eligibilityYears().includes(yearParam) ? yearParam : new Date().getFullYear();

  const update = (changes: Record<string, string | number | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(name);
          else next.set(name, String(value));
        }
        return next;
      },
      { replace: true },
    );

  const query: BatchQuery | null =
    award && populationId ? { award, year, population: { [PARAM[kind]]: populationId } as Population } : null;
  return {
    kind,
    populationId,
    award,
    year,
    query,
    setAward: (value: string | undefined) => update({ award: value }),
    setYear: (value: number) => update({ year: value }),
    setKind: (value: PopulationKind) => {
      setKindChoice(value);
      update({ unitId: undefined, clusterId: undefined, authorityId: undefined });
    },
    setPopulation: (value: number | undefined) =>
      update({ unitId: undefined, clusterId: undefined, authorityId: undefined, [PARAM[kind]]: value }),
  };
}

/** Who in a unit, a cluster or an authority meets the criteria of one award in one year, and who fits the quota. */
export function BatchPage({ user }: { user: BatchUser }) {
  const { t } = useTranslation('records');
  const choice = useBatchChoice(user);
  // a whole authority is judged as a job with progress; a unit or a cluster directly
  const asJob = choice.kind === 'authority';
  // a new award, year or population starts again from the first page in rank order
  const queryKey = JSON.stringify(choice.query);
  const [viewOf, setViewOf] = useState<{ key: string; view: BatchView }>({ key: queryKey, view: FIRST_VIEW });
  const view = viewOf.key === queryKey ? viewOf.view : FIRST_VIEW;
  const setView = (next: BatchView) => setViewOf({ key: queryKey, view: next });
  const batch = useBatch(asJob ? null : choice.query, view);
  const awardOptions = useAwardOptions();

  const populationSelect = {
    unit: <UnitSelect data-testid="batch-unit" value={choice.populationId} onChange={choice.setPopulation} />,
    cluster: <ClusterSelect data-testid="batch-cluster" value={choice.populationId} onChange={choice.setPopulation} />,
    authority: <AuthoritySelect data-testid="batch-authority" value={choice.populationId} onChange={choice.setPopulation} />,
  }[choice.kind];

  return (
    <div data-testid="batch-page">
      <PageHeader title={t('batch.title')} />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex gap={8} wrap align="center">
            <Select
              data-testid="batch-award"
              aria-label={t('batch.award')}
              size="small"
              style={{ width: 300 }}
              placeholder={t('batch.award')}
              showSearch={{ optionFilterProp: 'label' }}
              value={choice.award}
              onChange={choice.setAward}
              options={awardOptions}
            />
            <YearSelect data-testid="batch-year" value={choice.year} onChange={choice.setYear} />
            <Segmented<PopulationKind>
              data-testid="batch-population-kind"
              size="small"
              value={choice.kind}
              onChange={choice.setKind}
              options={POPULATION_KINDS.map((k) => ({ value: k, label: t(`batch.population.${k}`) }))}
            />
            {populationSelect}
          </Flex>
        </Card>
        {!choice.query ? (
          <Card size="small">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('batch.choose')} data-testid="batch-choose" />
          </Card>
        ) : asJob ? (
          <BatchJobPanel key={JSON.stringify(batchParams(choice.query))} query={choice.query} />
        ) : batch.error ? (
          <QueryError error={batch.error} onRetry={() => void batch.refetch()} />
        ) : !batch.data ? (
          <Card size="small" loading />
        ) : (
          <BatchResult batch={batch.data} query={choice.query} view={view} onView={setView} fetching={batch.isFetching} />
        )}
        {user.managesQuotas && (
          <QuotaPolicies defaultAuthorityId={choice.kind === 'authority' ? (choice.populationId ?? user.authorityId) : user.authorityId} />
        )}
        {user.managesQuotas && (
          <IssuerSettings defaultAuthorityId={choice.kind === 'authority' ? (choice.populationId ?? user.authorityId) : user.authorityId} />
        )}
      </Flex>
    </div>
  );
}

/**
 * A whole province or ministry is judged as a job: the officer starts it, watches its progress (it survives leaving
 * the page on the server), may cancel it, and reads the result in the same table as a smaller batch.
 */
function BatchJobPanel({ query }: { query: BatchQuery }) {
  const { t } = useTranslation('records');
  const [jobId, setJobId] = useState<number | null>(null);
  const start = useStartBatchJob();
  const job = useJob(jobId);
  const cancel = useCancelJob();
  const state = job.data?.state;
  const [view, setView] = useState<BatchView>(FIRST_VIEW);
  const result = useBatchJobResult(jobId, state === 'succeeded', view);
  const run = () => start.mutate(query, { onSuccess: (started) => setJobId(started.id) });

  if (jobId === null || state === 'cancelled' || state === 'failed') {
    return (
      <Card size="small" data-testid="batch-job">
        <Flex vertical gap={8}>
          {state === 'cancelled' && <Alert type="info" showIcon title={t('batch.job.cancelled')} data-testid="batch-job-cancelled" />}
          {state === 'failed' && (
            <Alert
              type="error"
              showIcon
              title={t('batch.job.failed')}
              description={job.data?.error?.message}
              data-testid="batch-job-failed"
            />
          )}
          {start.error && <QueryError error={start.error} onRetry={run} />}
          <Typography.Text>{t('batch.job.intro')}</Typography.Text>
          <div>
            <Button type="primary" loading={start.isPending} onClick={run} data-testid="batch-job-start">
              {t(jobId === null ? 'batch.job.start' : 'batch.job.restart')}
            </Button>
          </div>
        </Flex>
      </Card>
    );
  }
  if (job.error) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  if (state !== 'succeeded') {
    const total = job.data?.total ?? 0;
    const done = job.data?.done ?? 0;
    return (
      <Card size="small" data-testid="batch-job">
        <Flex vertical gap={8}>
          <Typography.Text data-testid="batch-job-state">
            {state === 'running' && total > 0 ? t('batch.job.progress', { done, total }) : t('batch.job.queued')}
          </Typography.Text>
          <Progress
            data-testid="batch-job-progress"
            percent={total > 0 ? Math.floor((done * 100) / total) : 0}
            status="active"
            aria-label={t('batch.job.progressLabel')}
          />
          {job.data?.abilities.cancel && (
            <div>
              <Button danger loading={cancel.isPending} onClick={() => cancel.mutate(jobId)} data-testid="batch-job-cancel">
                {t('batch.job.cancel')}
              </Button>
            </div>
          )}
        </Flex>
      </Card>
    );
  }
  if (result.error) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  if (!result.data) return <Card size="small" loading />;
  return <BatchResult batch={result.data} query={query} view={view} onView={setView} fetching={result.isFetching} />;
}

function BatchResult({
  batch,
  query,
  view,
  onView,
  fetching,
}: {
  batch: Batch;
  query: BatchQuery;
  view: BatchView;
  onView: (view: BatchView) => void;
  fetching: boolean;
}) {
  const { t } = useTranslation('records');
  const subjectPath = AWARD_BY_CODE[batch.award as AwardCode]?.subject === 'collective' ? '/units' : '/people';
  const quota = batch.quota;
  const exportUrl = (format: 'csv' | 'xlsx') =>
    buildUrl('/eligibility/batch', { ...batchParams(query), sort: view.sort, order: view.order, filter: view.filter, format });
  const sortOrder = (key: BatchView['sort']) => (view.sort === key ? (view.order === 'asc' ? 'ascend' : 'descend') : null);

  return (
    <>
      <Card
        size="small"
        title={t('batch.summaryTitle', { award: batch.awardName, year: batch.year })}
        data-testid="batch-summary"
        loading={false}
      >
        <Flex vertical gap={8}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'considered', label: t('batch.considered'), children: <span data-testid="batch-considered">{batch.considered}</span> },
              {
                key: 'eligible',
                label: t('batch.eligibleCount'),
                children: <span data-testid="batch-eligible">{batch.eligibleCount}</span>,
              },
              { key: 'rulebook', label: t('eligibility.rulebook'), children: <Tag style={{ marginInlineEnd: 0 }}>{batch.rulebook}</Tag> },
            ]}
          />
          {quota ? (
            <div data-testid="quota-summary">
              <Typography.Text strong>{t('quota.usageTitle')}</Typography.Text>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  {
                    key: 'rate',
                    label: t('quota.rate'),
                    children: <span data-testid="quota-rate">{t('quota.percent', { value: quota.ratePercent })}</span>,
                  },
                  {
                    key: 'rounding',
                    label: t('quota.rounding'),
                    children: `${t(`quota.roundings.${quota.rounding}`, { defaultValue: quota.rounding })}${quota.minOne ? ` · ${t('quota.minOne')}` : ''}`,
                  },
                  {
                    key: 'base',
                    label: t('quota.base'),
                    children: (
                      <span data-testid="quota-base">
                        {quota.baseAwardCode
                          ? t('quota.baseOf', {
                              count: quota.base,
                              award: t(`vocabulary:awards.${quota.baseAwardCode}`, { defaultValue: quota.baseAwardCode }),
                            })
                          : quota.base}
                      </span>
                    ),
                  },
                  { key: 'quota', label: t('quota.quota'), children: <span data-testid="quota-quota">{quota.quota}</span> },
                  {
                    key: 'used',
                    label: t('quota.used'),
                    children: <span data-testid="quota-used">{t('quota.usedOf', { used: quota.used, quota: quota.quota })}</span>,
                  },
                  { key: 'rule', label: t('quota.rule'), children: <RuleTag rule={quota.rule} /> },
                ]}
              />
              {quota.tieAtBoundary && (
                <Alert
                  data-testid="quota-tie"
                  type="warning"
                  showIcon
                  title={t('quota.tie')}
                  description={t('quota.tieDetail', { places: quota.tiedPlaces, count: quota.tied })}
                />
              )}
            </div>
          ) : (
            <Typography.Text type="secondary" data-testid="quota-none">
              {t('quota.none')}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      <Card
        size="small"
        title={t('batch.candidates')}
        extra={
          <Flex gap={8} wrap>
            <Button size="small" icon={<DownloadOutlined />} href={exportUrl('xlsx')} download data-testid="export-xlsx">
              {t('batch.exportXlsx')}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={exportUrl('csv')} download data-testid="export-csv">
              {t('batch.exportCsv')}
            </Button>
          </Flex>
        }
      >
        <Segmented<BatchView['filter']>
          size="small"
          style={{ marginBottom: 8 }}
          value={view.filter}
          onChange={(filter) => onView({ ...view, filter, page: 1 })}
          data-testid="batch-filter"
          options={BATCH_FILTERS.map((f) => ({ value: f, label: t(`batch.filter.${f}`) }))}
        />
        <Table<Candidate>
          data-testid="batch-candidates"
          size="small"
          rowKey="id"
          loading={fetching}
          dataSource={batch.candidates}
          scroll={{ x: 1400 }}
          tableLayout="fixed"
          onChange={(pagination, _filters, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const sort = (one?.order ? (one.columnKey as BatchView['sort']) : 'rank') ?? 'rank';
            const order = one?.order === 'descend' ? 'desc' : 'asc';
            const resorted = sort !== view.sort || order !== view.order;
            onView({
              ...view,
              sort,
              order,
              page: resorted ? 1 : (pagination.current ?? 1),
              pageSize: pagination.pageSize ?? view.pageSize,
            });
          }}
          pagination={{
            current: batch.page,
            pageSize: batch.pageSize,
            total: batch.candidatesTotal,
            pageSizeOptions: [20, 50, 100, 200],
            showSizeChanger: true,
            size: 'small',
            showTotal: (total) => <span data-testid="batch-total">{t('batch.total', { count: total })}</span>,
          }}
          onRow={() => ({ 'data-testid': 'candidate-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'rank',
              title: (
                <Tooltip title={t('batch.rankHint')}>
                  <span>{t('batch.rank')}</span>
                </Tooltip>
              ),
              width: 80,
              align: 'right',
              sorter: true,
              sortOrder: sortOrder('rank'),
              render: (_, c) => <span data-testid="candidate-rank">{c.rank ?? '—'}</span>,
            },
            {
              key: 'code',
              title: t('batch.code'),
              dataIndex: 'code',
              width: 150,
              sorter: true,
              sortOrder: sortOrder('code'),
              ellipsis: true,
            },
            {
              key: 'name',
              title: t('batch.name'),
              width: 200,
              sorter: true,
              sortOrder: sortOrder('name'),
              render: (_, c) => <Link to={`${subjectPath}/${c.id}`}>{c.name}</Link>,
            },
            {
              key: 'unit',
              title: t('batch.unit'),
              dataIndex: 'unitName',
              width: 240,
              sorter: true,
              sortOrder: sortOrder('unit'),
              ellipsis: { showTitle: true },
            },
            {
              key: 'eligible',
              title: t('batch.eligible'),
              width: 150,
              sorter: true,
              sortOrder: sortOrder('eligible'),
              render: (_, c) => (
                <Flex gap={6} align="center">
                  <StatusIcon met={c.eligible} />
                  {t(c.eligible ? 'eligibility.met' : 'eligibility.notMet')}
                </Flex>
              ),
            },
            {
              key: 'standing',
              title: t('batch.standing'),
              width: 190,
              sorter: true,
              sortOrder: sortOrder('standing'),
              render: (_, c) =>
                c.standing === null ? (
                  '—'
                ) : (
                  <Tag color={STANDING_COLOR[c.standing]} data-testid="candidate-standing" style={{ whiteSpace: 'normal' }}>
                    {t(`batch.standings.${c.standing}`)}
                  </Tag>
                ),
            },
            {
              key: 'merit',
              title: (
                <Tooltip title={t('batch.meritHint')}>
                  <span data-testid="merit-header">{t('batch.merit')}</span>
                </Tooltip>
              ),
              width: 130,
              align: 'right',
              sorter: true,
              sortOrder: sortOrder('merit'),
              render: (_, c) => (
                <Tooltip
                  title={t('batch.meritOf', {
                    rating: c.meritBasis.rating
                      ? t(`vocabulary:ratings.${c.meritBasis.rating}`, { defaultValue: c.meritBasis.rating })
                      : t('batch.noRating'),
                    count: c.meritBasis.initiatives,
                  })}
                >
                  <span data-testid="candidate-merit">{c.merit}</span>
                </Tooltip>
              ),
            },
            {
              key: 'failed',
              title: t('batch.failed'),
              width: 240,
              render: (_, c) => (
                <Flex gap={4} wrap>
                  {c.failed.map((code) => (
                    <Tooltip key={code} title={code}>
                      <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="candidate-failed">
                        {t(`failed.${code}`, { defaultValue: code })}
                      </Tag>
                    </Tooltip>
                  ))}
                </Flex>
              ),
            },
            { key: 'outside', title: t('batch.outsideReason'), width: 300, render: (_, c) => c.outsideReason ?? '' },
          ]}
        />
      </Card>
    </>
  );
}

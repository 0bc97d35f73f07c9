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
import {
  batchParams,
  useBatch,
  useBatchJobResult,
  useCancelJob,
  useJob,
  useStartBatchJob,
  type Batch,
  type BatchQuery,
  type Candidate,
  type Population,
} from '../api/eligibility.ts';
import { useAwardOptions } from './award-options.ts';
import { IssuerSettings } from './IssuerSettings.tsx';
import { QuotaPolicies } from './QuotaPolicies.tsx';
import { RuleTag } from './RuleTag.tsx';
import { StatusIcon } from './EligibilityPanel.tsx';
import { YearSelect, eligibilityYears } from './YearSelect.tsx';

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
  const batch = useBatch(asJob ? null : choice.query);
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
          <BatchResult batch={batch.data} query={choice.query} fetching={batch.isFetching} />
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
  const result = useBatchJobResult(jobId, state === 'succeeded');
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
  return <BatchResult batch={result.data} query={query} fetching={result.isFetching} />;
}

type Filter = 'all' | 'eligible' | 'notEligible';

function BatchResult({ batch, query, fetching }: { batch: Batch; query: BatchQuery; fetching: boolean }) {
  const { t } = useTranslation('records');
  const [filter, setFilter] = useState<Filter>('all');
  const subjectPath = AWARD_BY_CODE[batch.award as AwardCode]?.subject === 'collective' ? '/units' : '/people';
  const candidates = batch.candidates.filter((c) => filter === 'all' || c.eligible === (filter === 'eligible'));
  const quota = batch.quota;
  const csvUrl = buildUrl('/eligibility/batch', { ...batchParams(query), format: 'csv' });

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
              {quota.tieAtBoundary && <Alert data-testid="quota-tie" type="warning" showIcon title={t('quota.tie')} />}
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
          <Button size="small" icon={<DownloadOutlined />} href={csvUrl} download data-testid="export-csv">
            {t('batch.exportCsv')}
          </Button>
        }
      >
        <Segmented<Filter>
          size="small"
          style={{ marginBottom: 8 }}
          value={filter}
          onChange={setFilter}
          data-testid="batch-filter"
          options={(['all', 'eligible', 'notEligible'] as const).map((f) => ({ value: f, label: t(`batch.filter.${f}`) }))}
        />
        <Table<Candidate>
          data-testid="batch-candidates"
          size="small"
          rowKey="id"
          loading={fetching}
          dataSource={candidates}
          scroll={{ x: 1250 }}
          pagination={{
            defaultPageSize: 20,
            pageSizeOptions: [20, 50, 100],
            showSizeChanger: true,
            size: 'small',
            showTotal: (total) => t('batch.total', { count: total }),
          }}
          onRow={() => ({ 'data-testid': 'candidate-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('batch.name'),
              width: 200,
              render: (_, c) => <Link to={`${subjectPath}/${c.id}`}>{c.name}</Link>,
            },
            { key: 'unit', title: t('batch.unit'), dataIndex: 'unitName', width: 280 },
            {
              key: 'eligible',
              title: t('batch.eligible'),
              width: 110,
              render: (_, c) => (
                <Flex gap={6} align="center">
                  <StatusIcon met={c.eligible} />
                  {t(c.eligible ? 'eligibility.met' : 'eligibility.notMet')}
                </Flex>
              ),
            },
            {
              key: 'withinQuota',
              title: t('batch.withinQuota'),
              width: 110,
              render: (_, c) =>
                c.withinQuota === null ? (
                  '—'
                ) : (
                  <Tag color={c.withinQuota ? 'success' : 'warning'}>{t(c.withinQuota ? 'batch.yes' : 'batch.no')}</Tag>
                ),
            },
            { key: 'merit', title: t('batch.merit'), dataIndex: 'merit', width: 120, align: 'right' },
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
            { key: 'outside', title: t('batch.outsideReason'), render: (_, c) => c.outsideReason ?? '' },
          ]}
        />
      </Card>
    </>
  );
}

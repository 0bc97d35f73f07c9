// A round's ranking: units in rank order with the leading places and the tie-break that decided, the knocked-out units
// apart, charts of the scores by criterion group, and the ranking as an Excel workbook.
import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, List, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/ui/EChart.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { rankingExportUrl, roundPath, useRanking, type Ranking, type RankedUnit, type RankingRound } from '../api/scoring.ts';
import { periodOfRanking, RoundStateTag, ScoringCrumbs, sumPoints, usePoints, useTieBreakLabel } from './shared.tsx';

const PLACE_COLORS = ['gold', 'geekblue', 'volcano'];

export function RankingPage({ clusterId, year }: { clusterId: number; year: number }) {
  const { t } = useTranslation('scoring');
  const [params, setParams] = useSearchParams();
  const round: RankingRound = params.get('round') === 'mid' ? 'mid' : 'final';
  const query = useRanking({ clusterId, year, round });
  const ranking = query.data;
  const period = periodOfRanking(round);
  return (
    <div data-testid="ranking-page">
      <ScoringCrumbs clusterId={clusterId} clusterName={ranking?.clusterName} year={year} period={period} here={t('ranking.crumb')} />
      <PageHeader
        backTo={roundPath(clusterId, year, period)}
        title={ranking ? t('ranking.title', { cluster: ranking.clusterName, year }) : t('ranking.titleShort', { year })}
        extra={
          <Space wrap>
            <Segmented<RankingRound>
              data-testid="ranking-round"
              aria-label={t('period.label')}
              value={round}
              onChange={(value) => setParams({ round: value }, { replace: true })}
              options={[
                { value: 'mid', label: t('ranking.mid') },
                { value: 'final', label: t('ranking.final') },
              ]}
            />
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={rankingExportUrl({ clusterId, year, round })}
              download
              data-testid="export-xlsx"
            >
              {t('ranking.exportXlsx')}
            </Button>
          </Space>
        }
      />
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !ranking ? (
        <Skeleton active />
      ) : (
        <RankingView ranking={ranking} />
      )}
    </div>
  );
}

function RankingView({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation('scoring');
  const points = usePoints();
  const tieBreak = useTieBreakLabel();
  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={
          <Space wrap>
            {t('ranking.tableTitle')}
            <RoundStateTag state={ranking.roundState} />
            <Tag color={ranking.final ? 'green' : 'orange'} data-testid="ranking-final">
              {t(ranking.final ? 'ranking.isFinal' : 'ranking.provisional')}
            </Tag>
          </Space>
        }
      >
        <Table<RankedUnit>
          data-testid="ranking-table"
          size="small"
          rowKey="unitId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={ranking.units}
          onRow={(u) => ({ 'data-testid': `rank-${u.unitId}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ranking.empty')} /> }}
          columns={[
            { key: 'rank', title: t('ranking.rank'), width: 56, align: 'right', render: (_, u) => u.rank },
            {
              key: 'unit',
              title: t('round.unit'),
              render: (_, u) => (
                <Space size={4} wrap>
                  <span>{u.name}</span>
                  {u.leading !== null && (
                    <Tag color={PLACE_COLORS[u.leading - 1] ?? 'blue'} data-testid="leading">
                      {t('ranking.leading', { place: u.leading })}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { key: 'score', title: t('ranking.finalScore'), align: 'right', render: (_, u) => <strong>{points(u.finalScore)}</strong> },
            ...ranking.groups.map((g) => ({
              key: `g-${g.code}`,
              title: <abbr title={g.title}>{g.code}</abbr>,
              align: 'right' as const,
              render: (_: unknown, u: RankedUnit) => points(u.groups[g.code] ?? 0),
            })),
            { key: 'bonus', title: t('ranking.bonus'), align: 'right', render: (_, u) => points(u.bonusTotal) },
            { key: 'penalty', title: t('ranking.penalty'), align: 'right', render: (_, u) => points(u.penaltyTotal) },
            { key: 'decided', title: t('ranking.decidedBy'), render: (_, u) => (u.decidedBy ? tieBreak(u.decidedBy) : '—') },
          ]}
        />
      </Card>

      {ranking.knockedOut.length > 0 && (
        <Card size="small" title={t('ranking.knockedOutTitle')}>
          <List
            data-testid="knocked-out"
            size="small"
            dataSource={ranking.knockedOut}
            renderItem={(k) => (
              <List.Item key={k.unitId}>
                <Space wrap>
                  <span>{k.name}</span>
                  <Typography.Text type="secondary">{points(k.finalScore)}</Typography.Text>
                  {k.codes.map((c) => (
                    <Tag key={c} color="red">
                      {c}
                    </Tag>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      {ranking.units.length > 0 && <ChartsCard ranking={ranking} />}
    </Flex>
  );
}

function ChartsCard({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation('scoring');
  const points = usePoints();
  const [chosen, setChosen] = useState<number>(ranking.units[0]!.unitId);
  const unit = ranking.units.find((u) => u.unitId === chosen) ?? ranking.units[0]!;

  const bars = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: ranking.units.map((u) => u.code), axisLabel: { rotate: ranking.units.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: ranking.groups.map((g) => ({
        name: `${g.code}. ${g.title}`,
        type: 'bar',
        stack: 'groups',
        data: ranking.units.map((u) => u.groups[g.code] ?? 0),
      })),
    }),
    [ranking],
  );

  const radar = useMemo(() => {
    const mean = (code: string) => sumPoints(ranking.units.map((u) => u.groups[code] ?? 0)) / ranking.units.length;
    return {
      tooltip: {},
      legend: { top: 0 },
      radar: { indicator: ranking.groups.map((g) => ({ name: g.code, max: g.maxPoints || 1 })), radius: '60%', center: ['50%', '58%'] },
      series: [
        {
          type: 'radar',
          data: [
            { name: unit.name, value: ranking.groups.map((g) => unit.groups[g.code] ?? 0) },
            { name: t('ranking.clusterMean'), value: ranking.groups.map((g) => Math.round(mean(g.code) * 100) / 100) },
          ],
        },
      ],
    };
  }, [ranking, unit, t]);

  const barsLabel = t('ranking.barsLabel', {
    groups: ranking.groups.map((g) => `${g.code}. ${g.title}`).join('; '),
  });
  const radarLabel = t('ranking.radarLabel', {
    unit: unit.name,
    values: ranking.groups.map((g) => `${g.code} ${points(unit.groups[g.code] ?? 0)}`).join(', '),
  });

  return (
    <Card size="small" title={t('ranking.chartsTitle')} data-testid="ranking-charts">
      <Flex vertical gap={12}>
        <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
          {t('ranking.barsTitle')}
        </Typography.Title>
        <EChart option={bars} label={barsLabel} height={320} data-testid="chart-bars" />
        <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
          {t('ranking.radarTitle')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="radar-unit">{t('ranking.radarUnit')}</label>
          <Select<number>
            id="radar-unit"
            data-testid="radar-unit"
            style={{ minWidth: 220, maxWidth: '100%' }}
            value={unit.unitId}
            onChange={setChosen}
            options={ranking.units.map((u) => ({ value: u.unitId, label: u.name }))}
          />
        </Space>
        <EChart option={radar} label={radarLabel} height={320} data-testid="chart-radar" />
      </Flex>
    </Card>
  );
}

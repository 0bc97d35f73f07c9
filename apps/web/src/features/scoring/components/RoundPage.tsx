// A round's board: who has self-scored, who has scored whom, what is late; the head's settings and the next stage.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Segmented,
  Skeleton,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CheckOutlined, EditOutlined, MinusOutlined, SettingOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { sortByVietnamese } from '../../../lib/format.ts';
import { useFormat } from '../../../lib/use-format.ts';
import {
  rankingPath,
  reviewPath,
  sheetPath,
  useAdvanceRound,
  useRoundBoard,
  type BoardMember,
  type Period,
  type RoundBoard,
} from '../api/scoring.ts';
import { RoundSettingsDialog } from './RoundSettingsDialog.tsx';
import {
  DeadlineTag,
  nextState,
  periodParam,
  rankingRoundOf,
  ROUND_ORDER,
  RoundStateTag,
  ScoringCrumbs,
  SheetStatusTag,
  useTieBreakLabel,
} from './shared.tsx';

export function RoundPage({ clusterId, year }: { clusterId: number; year: number }) {
  const { t } = useTranslation('scoring');
  const [params, setParams] = useSearchParams();
  const period = periodParam(params.get('period'));
  const ref = { clusterId, year, period };
  const query = useRoundBoard(ref);
  const board = query.data;

  const periodSwitch = (
    <Segmented<Period>
      data-testid="period-switch"
      aria-label={t('period.label')}
      value={period}
      onChange={(value) => setParams({ period: value }, { replace: true })}
      options={[
        { value: 'H1', label: t('period.H1') },
        { value: 'FY', label: t('period.FY') },
      ]}
    />
  );

  return (
    <div data-testid="round-page">
      <ScoringCrumbs clusterId={clusterId} clusterName={board?.clusterName} year={year} period={period} />
      <PageHeader
        backTo={`/clusters/${clusterId}`}
        title={board ? t('round.title', { cluster: board.clusterName, year }) : t('round.titleShort', { year })}
        extra={periodSwitch}
      />
      {query.error ? (
        isApiError(query.error) && query.error.status === 404 ? (
          <Alert type="info" showIcon data-testid="round-none" title={t('round.none', { year, period: t(`period.${period}`) })} />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : !board ? (
        <Skeleton active />
      ) : (
        <Board board={board} />
      )}
    </div>
  );
}

function Board({ board }: { board: RoundBoard }) {
  const { t } = useTranslation('scoring');
  const { message } = App.useApp();
  const { date, dateTime } = useFormat();
  const tieBreak = useTieBreakLabel();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const ref = { clusterId: board.clusterId, year: board.year, period: board.period };
  const advance = useAdvanceRound(ref);
  const [advanceError, setAdvanceError] = useState<string | null>(null);
  const state = board.roundState;
  const next = nextState(state);
  const members = sortByVietnamese(board.members, (m) => m.name);
  const mine = members.filter((m) => m.mine);
  const showRanking = board.abilities.seeAll || state === 'closed';
  const { settings } = board;

  async function moveOn() {
    if (!next) return;
    setAdvanceError(null);
    try {
      await advance.mutateAsync({ to: next, rowVersion: board.rowVersion });
      void message.success(t('round.moved', { state: t(`state.${next}`) }));
    } catch (error) {
      setAdvanceError((isApiError(error) && error.message) || t('errors.saveFailed'));
    }
  }

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={
          <Space wrap>
            {t('round.stateTitle')}
            <RoundStateTag state={state} />
          </Space>
        }
        extra={
          <Space wrap size={4}>
            {board.abilities.configure && (
              <Button size="small" icon={<SettingOutlined />} data-testid="round-settings" onClick={() => setSettingsOpen(true)}>
                {t('round.settings')}
              </Button>
            )}
            {board.abilities.advance && next && (
              <Popconfirm
                title={t('round.advanceConfirm', { from: t(`state.${state}`), to: t(`state.${next}`) })}
                description={t(`round.advanceHint.${next}`)}
                okText={t('round.advance')}
                cancelText={t('actions.cancel')}
                okButtonProps={{ 'data-testid': 'advance-confirm' } as never}
                onConfirm={() => moveOn()}
              >
                <Button size="small" type="primary" icon={<StepForwardOutlined />} data-testid="round-advance" loading={advance.isPending}>
                  {t('round.advance')}
                </Button>
              </Popconfirm>
            )}
            {showRanking && (
              <Link to={rankingPath(board.clusterId, board.year, rankingRoundOf(board.period))} data-testid="ranking-link">
                {t('round.rankingLink')}
              </Link>
            )}
          </Space>
        }
      >
        <Steps
          size="small"
          current={ROUND_ORDER.indexOf(state)}
          status={state === 'closed' ? 'finish' : 'process'}
          items={ROUND_ORDER.map((s) => ({ title: t(`state.${s}`) }))}
          style={{ marginBottom: 12 }}
        />
        {advanceError && <Alert type="error" showIcon data-testid="advance-error" title={advanceError} style={{ marginBottom: 12 }} />}
        {state === 'draft' && (
          <Alert type="info" showIcon data-testid="round-draft" title={t('round.draftHint')} style={{ marginBottom: 12 }} />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          data-testid="round-settings-summary"
          items={[
            {
              key: 'weights',
              label: t('registry:round.weights'),
              children: t('round.weightsValue', { self: settings.weights.self, cross: settings.weights.cross }),
            },
            { key: 'method', label: t('registry:round.crossMethod'), children: t(`crossMethod.${settings.crossMethod}`) },
            { key: 'missing', label: t('registry:round.missingCross'), children: t(`missingCross.${settings.missingCross}`) },
            { key: 'leading', label: t('registry:round.leadingPlaces'), children: settings.leadingPlaces },
            {
              key: 'tieBreaks',
              label: t('registry:round.tieBreaks'),
              children: settings.tieBreaks.length ? settings.tieBreaks.map(tieBreak).join(' → ') : '—',
            },
            {
              key: 'deadlines',
              label: t('registry:round.deadlines'),
              children: t('round.deadlinesValue', {
                self: deadlineText(settings.deadlines.self, date, dateTime),
                cross: deadlineText(settings.deadlines.cross, date, dateTime),
              }),
            },
            { key: 'late', label: t('registry:round.acceptLate'), children: t(settings.acceptLate ? 'yes' : 'no') },
          ]}
        />
      </Card>

      {mine.length > 0 && <MineCard board={board} mine={mine} />}

      <Card size="small" title={t('round.membersTitle')}>
        <Table<BoardMember>
          data-testid="round-members"
          size="small"
          rowKey="unitId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={members}
          onRow={(m) => ({ 'data-testid': `member-${m.unitId}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('round.noMembers')} /> }}
          columns={[
            { key: 'index', title: '#', width: 40, render: (_, __, i) => i + 1 },
            {
              key: 'unit',
              title: t('round.unit'),
              render: (_, m) => (
                <Space size={4} wrap>
                  <span>{m.name}</span>
                  {m.isHead && <Tag color="red">{t('round.head')}</Tag>}
                  {m.mine && <Tag color="blue">{t('round.mine')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'self',
              title: t('round.selfSheet'),
              render: (_, m) => (
                <Space size={4} wrap data-testid="self-status">
                  <SheetStatusTag status={m.self.status} />
                  <DeadlineTag status={m.self.deadline} />
                  {m.self.submittedAt && <Typography.Text type="secondary">{dateTime(m.self.submittedAt)}</Typography.Text>}
                </Space>
              ),
            },
            {
              key: 'cross',
              title: t('round.crossSheets'),
              render: (_, m) => (m.crossDue ? t('round.crossCount', { done: m.crossSubmitted, due: m.crossDue }) : '—'),
            },
            {
              key: 'links',
              title: <span className="sr-only">{t('round.actions')}</span>,
              render: (_, m) => (
                <Space size={8} wrap>
                  {m.mine && (
                    <Link to={sheetPath({ ...ref, unitId: m.unitId, stage: 'self', scorerUnitId: m.unitId })} data-testid="self-score-link">
                      {t('round.selfScore')}
                    </Link>
                  )}
                  {!m.mine && board.abilities.seeAll && m.self.status !== 'none' && (
                    <Link to={sheetPath({ ...ref, unitId: m.unitId, stage: 'self', scorerUnitId: m.unitId })} data-testid="view-self-link">
                      {t('round.viewSheet')}
                    </Link>
                  )}
                  {(board.abilities.seeAll || m.mine) && state !== 'draft' && (
                    <Link to={reviewPath({ ...ref, unitId: m.unitId })} data-testid="review-link">
                      {t('round.review')}
                    </Link>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      {board.cross.length > 0 && <CrossMatrix board={board} members={members} />}

      {settingsOpen && <RoundSettingsDialog board={board} onClose={() => setSettingsOpen(false)} />}
    </Flex>
  );
}

function deadlineText(value: string | null, date: (v: string) => string, dateTime: (v: string) => string) {
  if (!value) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : dateTime(value);
}

/** The caller's own units: their self sheet and, in the cross stage, the others to score. */
function MineCard({ board, mine }: { board: RoundBoard; mine: BoardMember[] }) {
  const { t } = useTranslation('scoring');
  const ref = { clusterId: board.clusterId, year: board.year, period: board.period };
  const names = new Map(board.members.map((m) => [m.unitId, m.name]));
  return (
    <Card size="small" title={t('round.mineTitle')} data-testid="round-mine">
      <Flex vertical gap={8}>
        {mine.map((m) => {
          const targets = sortByVietnamese(
            board.cross.filter((c) => c.scorerUnitId === m.unitId),
            (c) => names.get(c.unitId) ?? '',
          );
          return (
            <div key={m.unitId}>
              <Space wrap>
                <Typography.Text strong>{m.name}</Typography.Text>
                <SheetStatusTag status={m.self.status} />
                <Link to={sheetPath({ ...ref, unitId: m.unitId, stage: 'self', scorerUnitId: m.unitId })} data-testid="mine-self-link">
                  {t('round.selfScore')}
                </Link>
              </Space>
              {board.roundState === 'cross' && targets.length > 0 && (
                <div data-testid="score-others">
                  <Typography.Text type="secondary">{t('round.scoreOthers')}</Typography.Text>
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {targets.map((c) => (
                      <li key={c.unitId}>
                        <Space size={4} wrap>
                          <Link
                            to={sheetPath({ ...ref, unitId: c.unitId, stage: 'cross', scorerUnitId: m.unitId })}
                            data-testid={`cross-link-${c.unitId}`}
                          >
                            {names.get(c.unitId)}
                          </Link>
                          <SheetStatusTag status={c.status} />
                        </Space>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}

/** Who scores whom: a row per scoring member, a column per member scored, each cell the sheet's status. */
function CrossMatrix({ board, members }: { board: RoundBoard; members: BoardMember[] }) {
  const { t } = useTranslation('scoring');
  const ref = { clusterId: board.clusterId, year: board.year, period: board.period };
  const cell = new Map(board.cross.map((c) => [`${c.scorerUnitId}:${c.unitId}`, c.status]));
  const scorers = members.filter((m) => board.cross.some((c) => c.scorerUnitId === m.unitId));
  const targets = members.filter((m) => board.cross.some((c) => c.unitId === m.unitId));
  const mark = (status: 'none' | 'draft' | 'submitted' | undefined) => {
    if (!status) return <span aria-hidden="true" />;
    const icon =
      status === 'submitted' ? <CheckOutlined style={{ color: '#237804' }} /> : status === 'draft' ? <EditOutlined /> : <MinusOutlined />;
    return (
      <span title={t(`sheetStatus.${status}`)}>
        <span aria-hidden="true">{icon}</span>
        <span className="sr-only">{t(`sheetStatus.${status}`)}</span>
      </span>
    );
  };
  return (
    <Card size="small" title={t('round.crossTitle')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('round.crossHint')}
      </Typography.Paragraph>
      <Table<BoardMember>
        data-testid="cross-matrix"
        size="small"
        rowKey="unitId"
        pagination={false}
        bordered
        scroll={{ x: 'max-content' }}
        dataSource={scorers}
        columns={[
          { key: 'scorer', title: t('round.scorer'), fixed: 'left', render: (_, m) => m.code },
          ...targets.map((target) => ({
            key: String(target.unitId),
            title: <abbr title={target.name}>{target.code}</abbr>,
            align: 'center' as const,
            render: (_: unknown, scorer: BoardMember) => {
              const status = cell.get(`${scorer.unitId}:${target.unitId}`);
              // the head and the board open any sheet begun; the cell names it for a screen reader
              return board.abilities.seeAll && status && status !== 'none' ? (
                <Link
                  to={sheetPath({ ...ref, unitId: target.unitId, stage: 'cross', scorerUnitId: scorer.unitId })}
                  aria-label={t('round.crossSheetOf', { scorer: scorer.name, unit: target.name, status: t(`sheetStatus.${status}`) })}
                >
                  {mark(status)}
                </Link>
              ) : (
                mark(status)
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

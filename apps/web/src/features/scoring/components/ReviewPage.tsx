// A unit's result in the round, item by item: self, cross, computed and final score with group subtotals; the head's
// adjustments (with reasons) and knock-outs; the unit's answers.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { pointsRange } from '@thidua/domain/scoring/points.ts';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/use-format.ts';
import {
  roundPath,
  useAdjustScore,
  useAnswerAdjustment,
  useReview,
  useSetKnockOuts,
  type Adjustment,
  type ReviewRef,
  type UnitReview,
} from '../api/scoring.ts';
import { RoundStateTag, ScoringCrumbs, sumPoints, usePoints } from './shared.tsx';

type ReviewItem = UnitReview['items'][number];

export function ReviewPage(props: ReviewRef) {
  const { t } = useTranslation('scoring');
  const query = useReview(props);
  const review = query.data;
  const title = review ? t('review.title', { unit: review.name }) : t('review.titleLoading');
  return (
    <div data-testid="review-page">
      <ScoringCrumbs clusterId={props.clusterId} year={props.year} period={props.period} here={title} />
      <PageHeader
        backTo={roundPath(props.clusterId, props.year, props.period)}
        title={title}
        extra={review && <RoundStateTag state={review.roundState} />}
      />
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !review ? (
        <Skeleton active />
      ) : (
        <Review review={review} reviewRef={props} />
      )}
    </div>
  );
}

function Review({ review, reviewRef }: { review: UnitReview; reviewRef: ReviewRef }) {
  const { t } = useTranslation('scoring');
  const points = usePoints();
  const [adjusting, setAdjusting] = useState<ReviewItem | null>(null);
  const [knockingOut, setKnockingOut] = useState(false);
  const canReview = review.abilities.review;
  // on a phone the criterion's words take less room, so the scores beside them show
  const narrow = !Grid.useBreakpoint().md;
  const byCode = new Map(review.criteria.groups.flatMap((g) => g.items.map((i) => [i.code, i])));
  const koText = new Map(review.criteria.knockOuts.map((k) => [k.code, k.text]));

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex wrap gap={12} justify="space-between" align="center">
          <Typography.Text strong data-testid="review-total">
            {t('review.total', { total: points(review.total), max: points(review.criteria.maxTotal) })}
          </Typography.Text>
          {canReview && review.criteria.knockOuts.length > 0 && (
            <Button size="small" icon={<StopOutlined />} data-testid="knock-outs-edit" onClick={() => setKnockingOut(true)}>
              {t('review.knockOuts')}
            </Button>
          )}
        </Flex>
        {review.knockOuts.length > 0 && (
          <Alert
            style={{ marginTop: 8 }}
            type="error"
            showIcon
            data-testid="review-knock-outs"
            title={t('review.knockedOut')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {review.knockOuts.map((k) => (
                  <li key={k.code}>
                    <strong>{k.code}</strong> {koText.get(k.code) ?? ''} — {t('review.reasonIs', { reason: k.reason })}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Card>

      {review.criteria.groups.map((group) => {
        const rows = review.items.filter((i) => i.group === group.code);
        const sum = (f: (i: ReviewItem) => number | null) => {
          const values = rows.map(f);
          return values.some((v) => v === null) ? null : sumPoints(values as number[]);
        };
        return (
          <Card key={group.code} size="small" title={`${group.code}. ${group.title}`}>
            <Table<ReviewItem>
              data-testid={`review-group-${group.code}`}
              size="small"
              rowKey="item"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              onRow={(i) => ({ 'data-testid': `review-item-${i.item}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'code', title: t('sheet.code'), width: 56, render: (_, i) => i.item },
                {
                  key: 'text',
                  title: t('sheet.criterion'),
                  render: (_, i) => (
                    <div style={{ minWidth: narrow ? 110 : 180, maxWidth: narrow ? 140 : 360, whiteSpace: 'normal' }}>
                      {byCode.get(i.item)?.text}
                      {i.kind !== 'regular' && (
                        <Tag style={{ marginInlineStart: 4 }} color={i.kind === 'bonus' ? 'green' : 'red'}>
                          {t(`kind.${i.kind}`)}
                        </Tag>
                      )}
                    </div>
                  ),
                },
                {
                  key: 'max',
                  title: t('sheet.max'),
                  align: 'right',
                  render: (_, i) => points(i.kind === 'penalty' ? -i.maxPoints : i.maxPoints),
                },
                { key: 'self', title: t('review.self'), align: 'right', render: (_, i) => points(i.self) },
                {
                  key: 'cross',
                  title: t('review.cross'),
                  align: 'right',
                  render: (_, i) => (i.cross === null ? '—' : `${points(i.cross)} (${t('review.crossCount', { n: i.crossCount })})`),
                },
                { key: 'computed', title: t('review.computed'), align: 'right', render: (_, i) => points(i.computed) },
                {
                  key: 'score',
                  title: t('review.score'),
                  align: 'right',
                  render: (_, i) => (
                    <Space size={4}>
                      <strong data-testid={`score-${i.item}`}>{points(i.score)}</strong>
                      {i.adjusted && <Tag color="orange">{t('review.adjusted')}</Tag>}
                    </Space>
                  ),
                },
                ...(canReview
                  ? [
                      {
                        key: 'adjust',
                        title: <span className="sr-only">{t('review.adjust')}</span>,
                        render: (_: unknown, i: ReviewItem) => (
                          <Button size="small" icon={<EditOutlined />} data-testid={`adjust-${i.item}`} onClick={() => setAdjusting(i)}>
                            {t('review.adjust')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <strong>{t('review.subtotal')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {points(sum((i) => i.self))}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {points(sum((i) => i.cross))}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {points(sum((i) => i.computed))}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    <strong data-testid={`subtotal-${group.code}`}>{points(sum((i) => i.score))}</strong>
                  </Table.Summary.Cell>
                  {canReview && <Table.Summary.Cell index={7} />}
                </Table.Summary.Row>
              )}
            />
          </Card>
        );
      })}

      <AdjustmentsCard review={review} reviewRef={reviewRef} />

      {adjusting && byCode.get(adjusting.item) && (
        <AdjustDialog reviewRef={reviewRef} row={adjusting} item={byCode.get(adjusting.item)!} onClose={() => setAdjusting(null)} />
      )}
      {knockingOut && <KnockOutDialog review={review} reviewRef={reviewRef} onClose={() => setKnockingOut(false)} />}
    </Flex>
  );
}

function AdjustmentsCard({ review, reviewRef }: { review: UnitReview; reviewRef: ReviewRef }) {
  const { t } = useTranslation('scoring');
  const points = usePoints();
  const { dateTime } = useFormat();
  return (
    <Card size="small" title={t('review.history')}>
      <List<Adjustment>
        data-testid="adjustments"
        size="small"
        dataSource={review.adjustments}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noAdjustments')} /> }}
        renderItem={(a) => (
          <List.Item key={a.id} data-testid={`adjustment-${a.id}`}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <span>
                <strong>{a.item}</strong>: {points(a.oldPoints)} → {points(a.points)}
              </span>
              <span>{t('review.reasonIs', { reason: a.reason })}</span>
              <Typography.Text type="secondary">{t('review.byAt', { by: a.by ?? '—', at: dateTime(a.at) })}</Typography.Text>
              {a.answer ? (
                <span data-testid="adjustment-answer">
                  {t('review.answerIs', { answer: a.answer })}
                  {a.answeredAt && <Typography.Text type="secondary"> ({dateTime(a.answeredAt)})</Typography.Text>}
                </span>
              ) : a.canAnswer ? (
                <AnswerForm adjustment={a} reviewRef={reviewRef} />
              ) : (
                <Typography.Text type="secondary">{t('review.noAnswer')}</Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function AnswerForm({ adjustment, reviewRef }: { adjustment: Adjustment; reviewRef: ReviewRef }) {
  const { t } = useTranslation('scoring');
  const { message } = App.useApp();
  const answer = useAnswerAdjustment(reviewRef);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Form<{ answer: string }>
      layout="vertical"
      size="small"
      data-testid="answer-form"
      onFinish={async (v) => {
        setFailure(null);
        try {
          await answer.mutateAsync({ id: adjustment.id, answer: v.answer.trim() });
          void message.success(t('review.answered'));
        } catch (error) {
          setFailure((isApiError(error) && error.message) || t('errors.saveFailed'));
        }
      }}
    >
      <Form.Item
        name="answer"
        label={t('registry:round.answer')}
        rules={[{ required: true, whitespace: true, message: t('errors.required') }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea data-testid="field-answer" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      <Button htmlType="submit" size="small" type="primary" loading={answer.isPending} data-testid="answer-submit">
        {t('review.sendAnswer')}
      </Button>
    </Form>
  );
}

interface AdjustForm {
  points: number;
  reason: string;
}

function AdjustDialog({
  reviewRef,
  row,
  item,
  onClose,
}: {
  reviewRef: ReviewRef;
  row: ReviewItem;
  item: UnitReview['criteria']['groups'][number]['items'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation('scoring');
  const points = usePoints();
  const [form] = Form.useForm<AdjustForm>();
  const adjust = useAdjustScore(reviewRef);
  const { min, max } = pointsRange(item);
  return (
    <FormDialog<AdjustForm>
      form={form}
      title={t('review.adjustTitle', { item: row.item })}
      okText={t('review.adjust')}
      cancelText={t('actions.cancel')}
      testId="adjust-form"
      submitTestId="adjust-submit"
      initialValues={{ points: row.score, reason: '' }}
      pending={adjust.isPending}
      savedMessage={t('review.adjustedMessage')}
      onClose={onClose}
      onSubmit={(v) => adjust.mutateAsync({ item: row.item, points: v.points, reason: v.reason.trim() })}
    >
      <Typography.Paragraph>{item.text}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('review.adjustNow', { score: points(row.score), computed: points(row.computed), min: points(min), max: points(max) })}
      </Typography.Paragraph>
      <Form.Item name="points" label={t('registry:round.points')} rules={[{ required: true, message: t('errors.required') }]}>
        <InputNumber<number> data-testid="field-points" min={min} max={max} step={0.25} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('registry:round.reason')}
        rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}
      >
        <Input.TextArea data-testid="field-reason" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}

interface KnockOutForm {
  codes: string[];
  reason: string;
}

function KnockOutDialog({ review, reviewRef, onClose }: { review: UnitReview; reviewRef: ReviewRef; onClose: () => void }) {
  const { t } = useTranslation('scoring');
  const [form] = Form.useForm<KnockOutForm>();
  const set = useSetKnockOuts(reviewRef);
  return (
    <FormDialog<KnockOutForm>
      form={form}
      title={t('review.knockOutsTitle', { unit: review.name })}
      okText={t('review.knockOutsSave')}
      cancelText={t('actions.cancel')}
      testId="knock-outs-form"
      submitTestId="knock-outs-submit"
      initialValues={{ codes: review.knockOuts.map((k) => k.code), reason: review.knockOuts[0]?.reason ?? '' }}
      pending={set.isPending}
      savedMessage={t('review.knockOutsSaved')}
      onClose={onClose}
      onSubmit={(v) => set.mutateAsync({ codes: v.codes ?? [], reason: v.reason.trim() })}
    >
      <Form.Item name="codes" label={t('registry:round.codes')}>
        <Checkbox.Group data-testid="field-codes" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {review.criteria.knockOuts.map((k) => (
            <Checkbox key={k.code} value={k.code} data-testid={`ko-${k.code}`}>
              <strong>{k.code}</strong> {k.text}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('registry:round.reason')}
        rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}
      >
        <Input.TextArea data-testid="field-koReason" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}

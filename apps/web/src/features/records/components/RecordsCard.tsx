import { useState, type ReactNode } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AccessibleTabs } from '../../../components/ui/AccessibleTabs.tsx';
import { AWARDS, AWARD_KINDS, DISCIPLINE_FORMS, INITIATIVE_SCOPES, LEAVE_TYPES, RATINGS } from '@thidua/domain/rulebook/vocabulary.ts';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { blankToNull } from '../../../lib/forms.ts';
import { useFormat } from '../../../lib/use-format.ts';
import {
  EVIDENCE_TYPES,
  REVIEW_TYPES,
  useAddRecord,
  useRecords,
  useRemoveRecord,
  type AwardReceived,
  type Evidence,
  type RecordKind,
  type SubjectType,
} from '../api/records.ts';

type Row = Record<string, any>;

/** One tab: which rows it lists, how, and the small form that adds one. */
interface Section {
  kind: RecordKind;
  rows: Row[];
  /** The id a removal names: the year for ratings and member figures. */
  recordId: (row: Row) => number;
  columns: ColumnsType<Row>;
  fields: ReactNode;
  initialValues?: Row;
  toBody?: (values: Row) => object;
}

const YEAR_RULES = { min: 1945, max: 2200 };
const thisYear = () => new Date().getFullYear();

function YearField({ label, required }: { label: string; required: string }) {
  return (
    <Form.Item name="year" label={label} rules={[{ required: true, message: required }]}>
      <InputNumber data-testid="field-year" style={{ width: '100%' }} precision={0} {...YEAR_RULES} />
    </Form.Item>
  );
}

function CountField({ name, label, required }: { name: string; label: string; required?: string }) {
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: required }] : undefined}>
      <InputNumber data-testid={`field-${name}`} style={{ width: '100%' }} precision={0} min={0} />
    </Form.Item>
  );
}

/**
 * The records of a person or a collective that the eligibility rules read: annual ratings, titles and
 * forms received, initiatives, discipline, leaves, pending reviews and (collectives) member figures.
 */
export function RecordsCard({ subjectType, id }: { subjectType: SubjectType; id: number }) {
  const { t } = useTranslation('records');
  const { date } = useFormat();
  const query = useRecords(subjectType, id);
  const [adding, setAdding] = useState<Section | null>(null);
  const [active, setActive] = useState<RecordKind>('ratings');

  if (query.error)
    return (
      <Card size="small" title={t('card.title')} data-testid="records-card">
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  if (!query.data)
    return (
      <Card size="small" title={t('card.title')} data-testid="records-card">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );

  const records = query.data;
  const canEdit = records.subject.abilities.editRecords;
  const required = t('form.required');
  const f = (key: string) => t(`fields.${key}`);
  const vocab = (group: string, code: string | null | undefined) => (code ? t(`vocabulary:${group}.${code}`, { defaultValue: code }) : '');
  const option = (group: string) => (code: string) => ({ value: code, label: vocab(group, code) });
  const awardById = new Map<number, AwardReceived>(records.awards.map((a) => [a.id, a]));
  const evidenceById = new Map<number, Evidence>(records.evidence.map((e) => [e.id, e]));
  const unusedEvidence = records.evidence.filter((e) => e.usedForAwardId === null);
  // a person receives individual titles and forms, a unit collective ones
  const recipient = subjectType === 'person' ? 'individual' : 'collective';
  const awardCodes = AWARDS.filter((a) => a.subject === recipient || a.subject === 'any').map((a) => a.code);
  const fromTo = [
    { key: 'from', title: f('from'), width: 100, render: (_: unknown, r: Row) => date(r.from) },
    { key: 'to', title: f('to'), width: 100, render: (_: unknown, r: Row) => (r.to ? date(r.to) : t('values.ongoing')) },
  ];
  const dateRange = (toRequired: boolean) => (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="from" label={f('from')} rules={[{ required: true, message: required }]}>
          <DateInput data-testid="field-from" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="to" label={f('to')} rules={toRequired ? [{ required: true, message: required }] : undefined}>
          <DateInput data-testid="field-to" />
        </Form.Item>
      </Col>
    </Row>
  );

  const sections: Section[] = [
    {
      kind: 'ratings',
      rows: records.ratings,
      recordId: (r) => r.year,
      columns: [
        { key: 'year', title: f('year'), dataIndex: 'year', width: 70 },
        { key: 'rating', title: f('rating'), render: (_, r) => vocab('ratings', r.rating) },
        { key: 'decisionRef', title: f('decisionRef'), render: (_, r) => r.decisionRef ?? '' },
      ],
      initialValues: { year: thisYear() },
      fields: (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('hints.ratingReplaces')}
          </Typography.Paragraph>
          <Row gutter={12}>
            <Col span={8}>
              <YearField label={f('year')} required={required} />
            </Col>
            <Col span={16}>
              <Form.Item name="rating" label={f('rating')} rules={[{ required: true, message: required }]}>
                <Select data-testid="field-rating" options={RATINGS.map(option('ratings'))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="decisionRef" label={f('decisionRef')}>
            <Input data-testid="field-decisionRef" maxLength={100} />
          </Form.Item>
        </>
      ),
    },
    {
      kind: 'awards',
      rows: records.awards,
      recordId: (r) => r.id,
      columns: [
        { key: 'award', title: f('award'), render: (_, r) => vocab('awards', r.awardCode) },
        { key: 'year', title: f('year'), dataIndex: 'year', width: 60 },
        { key: 'kind', title: f('kind'), render: (_, r) => vocab('awardKinds', r.kind) },
        {
          key: 'decision',
          title: f('decision'),
          render: (_, r) => [r.decisionNumber, date(r.decisionDate)].filter(Boolean).join(' – '),
        },
        {
          key: 'evidence',
          title: f('evidenceIds'),
          render: (_, r) =>
            (r.evidenceIds as number[]).map((eid) => (
              <Tag key={eid} style={{ whiteSpace: 'normal' }}>
                {evidenceById.get(eid)?.title ?? `#${eid}`}
              </Tag>
            )),
        },
      ],
      initialValues: { year: thisYear(), kind: 'CONG_TRANG', evidenceIds: [] },
      toBody: (values) => ({ ...blankToNull(values), evidenceIds: values.evidenceIds ?? [] }),
      fields: (
        <>
          <Form.Item name="awardCode" label={f('award')} rules={[{ required: true, message: required }]}>
            <Select data-testid="field-awardCode" showSearch={{ optionFilterProp: 'label' }} options={awardCodes.map(option('awards'))} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <YearField label={f('year')} required={required} />
            </Col>
            <Col span={16}>
              <Form.Item name="kind" label={f('kind')} rules={[{ required: true, message: required }]}>
                <Select data-testid="field-kind" options={AWARD_KINDS.map(option('awardKinds'))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="decisionNumber" label={f('decisionNumber')}>
                <Input data-testid="field-decisionNumber" maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="decisionDate" label={f('decisionDate')}>
                <DateInput data-testid="field-decisionDate" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="evidenceIds" label={f('evidenceIds')} extra={t('hints.evidenceSpent')}>
            <Select
              data-testid="field-evidenceIds"
              mode="multiple"
              options={unusedEvidence.map((e) => ({ value: e.id, label: `${e.title} (${e.year}, ${vocab('initiativeScopes', e.scope)})` }))}
            />
          </Form.Item>
        </>
      ),
    },
    {
      kind: 'evidence',
      rows: records.evidence,
      recordId: (r) => r.id,
      columns: [
        { key: 'title', title: f('title'), render: (_, r) => r.title },
        { key: 'type', title: f('evidenceType'), render: (_, r) => t(`evidenceType.${r.evidenceType}`, { defaultValue: r.evidenceType }) },
        { key: 'year', title: f('year'), dataIndex: 'year', width: 60 },
        { key: 'scope', title: f('scope'), render: (_, r) => vocab('initiativeScopes', r.scope) },
        { key: 'recognitionRef', title: f('recognitionRef'), render: (_, r) => r.recognitionRef ?? '' },
        {
          key: 'used',
          title: f('used'),
          render: (_, r) => {
            if (r.usedForAwardId === null) return <Tag color="green">{t('values.unused')}</Tag>;
            const award = awardById.get(r.usedForAwardId);
            return (
              <Tag style={{ whiteSpace: 'normal' }}>
                {award ? t('values.usedFor', { award: vocab('awards', award.awardCode), year: award.year }) : t('values.used')}
              </Tag>
            );
          },
        },
      ],
      initialValues: { year: thisYear(), evidenceType: 'INITIATIVE', scope: 'CO_SO' },
      fields: (
        <>
          <Form.Item name="title" label={f('title')} rules={[{ required: true, whitespace: true, message: required }]}>
            <Input data-testid="field-title" maxLength={500} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="evidenceType" label={f('evidenceType')} rules={[{ required: true, message: required }]}>
                <Select
                  data-testid="field-evidenceType"
                  options={EVIDENCE_TYPES.map((c) => ({ value: c, label: t(`evidenceType.${c}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <YearField label={f('year')} required={required} />
            </Col>
            <Col span={10}>
              <Form.Item name="scope" label={f('scope')} rules={[{ required: true, message: required }]}>
                <Select data-testid="field-scope" options={INITIATIVE_SCOPES.map(option('initiativeScopes'))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="recognitionRef" label={f('recognitionRef')}>
            <Input data-testid="field-recognitionRef" maxLength={100} />
          </Form.Item>
        </>
      ),
    },
    {
      kind: 'discipline',
      rows: records.discipline,
      recordId: (r) => r.id,
      columns: [
        { key: 'form', title: f('form'), render: (_, r) => vocab('disciplineForms', r.form) },
        ...fromTo,
        { key: 'decisionRef', title: f('decisionRef'), render: (_, r) => r.decisionRef ?? '' },
      ],
      fields: (
        <>
          <Form.Item name="form" label={f('form')} rules={[{ required: true, message: required }]}>
            <Select data-testid="field-form" options={DISCIPLINE_FORMS.map(option('disciplineForms'))} />
          </Form.Item>
          {dateRange(true)}
          <Form.Item name="decisionRef" label={f('decisionRef')}>
            <Input data-testid="field-decisionRef" maxLength={100} />
          </Form.Item>
        </>
      ),
    },
    ...(subjectType === 'person'
      ? [
          {
            kind: 'leaves' as const,
            rows: records.leaves,
            recordId: (r: Row) => r.id,
            columns: [{ key: 'type', title: f('leaveType'), render: (_: unknown, r: Row) => vocab('leaveTypes', r.leaveType) }, ...fromTo],
            fields: (
              <>
                <Form.Item name="leaveType" label={f('leaveType')} rules={[{ required: true, message: required }]}>
                  <Select data-testid="field-leaveType" options={LEAVE_TYPES.map(option('leaveTypes'))} />
                </Form.Item>
                {dateRange(true)}
              </>
            ),
          },
        ]
      : []),
    {
      kind: 'reviews',
      rows: records.reviews,
      recordId: (r) => r.id,
      columns: [
        { key: 'type', title: f('reviewType'), render: (_, r) => t(`reviewType.${r.reviewType}`, { defaultValue: r.reviewType }) },
        ...fromTo,
        { key: 'note', title: f('note'), render: (_, r) => r.note ?? '' },
      ],
      fields: (
        <>
          <Form.Item name="reviewType" label={f('reviewType')} rules={[{ required: true, message: required }]}>
            <Select data-testid="field-reviewType" options={REVIEW_TYPES.map((c) => ({ value: c, label: t(`reviewType.${c}`) }))} />
          </Form.Item>
          {dateRange(false)}
          <Form.Item name="note" label={f('note')}>
            <Input.TextArea data-testid="field-note" maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </>
      ),
    },
    ...(subjectType === 'unit'
      ? [
          {
            kind: 'figures' as const,
            rows: records.figures,
            recordId: (r: Row) => r.year,
            columns: [
              { key: 'year', title: f('year'), dataIndex: 'year', width: 60 },
              ...(['total', 'advancedWorkers', 'completedTasks', 'grassrootsFighters', 'disciplinedWarningOrAbove', 'women'] as const).map(
                (k) => ({
                  key: k,
                  title: f(k),
                  align: 'right' as const,
                  render: (_: unknown, r: Row) => r[k] ?? '',
                }),
              ),
            ],
            initialValues: { year: thisYear() },
            fields: (
              <>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t('hints.figuresReplace')}
                </Typography.Paragraph>
                <Row gutter={12}>
                  <Col span={8}>
                    <YearField label={f('year')} required={required} />
                  </Col>
                  <Col span={8}>
                    <CountField name="total" label={f('total')} required={required} />
                  </Col>
                  <Col span={8}>
                    <CountField name="women" label={f('women')} />
                  </Col>
                  {(['advancedWorkers', 'completedTasks', 'grassrootsFighters', 'disciplinedWarningOrAbove'] as const).map((k) => (
                    <Col span={12} key={k}>
                      <CountField name={k} label={f(k)} required={required} />
                    </Col>
                  ))}
                </Row>
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" title={t('card.title')} data-testid="records-card">
      <AccessibleTabs
        size="small"
        activeKey={active}
        onChange={(key) => setActive(key as RecordKind)}
        items={sections.map((section) => ({
          key: section.kind,
          label: (
            <span data-testid={`records-tab-${section.kind}`}>
              {t(`tabs.${section.kind}`)}{' '}
              {section.rows.length > 0 && <Typography.Text type="secondary">({section.rows.length})</Typography.Text>}
            </span>
          ),
          children: <SectionTable section={section} subjectType={subjectType} id={id} canEdit={canEdit} onAdd={() => setAdding(section)} />,
        }))}
      />
      {adding && <AddRecordDialog section={adding} subjectType={subjectType} id={id} onClose={() => setAdding(null)} />}
    </Card>
  );
}

function SectionTable({
  section,
  subjectType,
  id,
  canEdit,
  onAdd,
}: {
  section: Section;
  subjectType: SubjectType;
  id: number;
  canEdit: boolean;
  onAdd: () => void;
}) {
  const { t } = useTranslation('records');
  const { message } = App.useApp();
  const remove = useRemoveRecord(subjectType, id);

  async function removeRow(row: Row) {
    try {
      await remove.mutateAsync({ kind: section.kind, recordId: section.recordId(row) });
      void message.success(t('messages.removed'));
    } catch (error) {
      void message.error((isApiError(error) && error.message) || t('messages.removeFailed'));
    }
  }

  const actions: ColumnsType<Row> = canEdit
    ? [
        {
          key: 'actions',
          title: '',
          width: 40,
          render: (_, row) => (
            <Popconfirm
              title={t('actions.confirmRemove')}
              okText={t('actions.remove')}
              cancelText={t('actions.cancel')}
              okButtonProps={{ 'data-testid': 'confirm-remove' } as never}
              onConfirm={() => removeRow(row)}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('actions.remove')}
                data-testid="record-remove"
              />
            </Popconfirm>
          ),
        },
      ]
    : [];

  return (
    <Flex vertical gap={8}>
      {canEdit && (
        <Flex justify="flex-end">
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid={`records-add-${section.kind}`}>
            {t(`add.${section.kind}`)}
          </Button>
        </Flex>
      )}
      <Table<Row>
        data-testid={`records-${section.kind}`}
        size="small"
        rowKey={(row) => section.recordId(row)}
        pagination={section.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        loading={remove.isPending}
        dataSource={section.rows}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'record-row' }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} /> }}
        columns={[...section.columns, ...actions]}
      />
    </Flex>
  );
}

function AddRecordDialog({
  section,
  subjectType,
  id,
  onClose,
}: {
  section: Section;
  subjectType: SubjectType;
  id: number;
  onClose: () => void;
}) {
  const { t } = useTranslation('records');
  const [form] = Form.useForm<Row>();
  const add = useAddRecord(subjectType, id);

  return (
    <FormDialog<Row>
      form={form}
      width={560}
      title={t(`add.${section.kind}`)}
      okText={t('actions.add')}
      cancelText={t('actions.cancel')}
      submitTestId="record-submit"
      testId={`record-form-${section.kind}`}
      initialValues={section.initialValues}
      pending={add.isPending}
      failureFallback={t('messages.saveFailed')}
      onSubmit={(values) => add.mutateAsync({ kind: section.kind, body: section.toBody ? section.toBody(values) : blankToNull(values) })}
      savedMessage={t('messages.added')}
      onClose={onClose}
    >
      {section.fields}
    </FormDialog>
  );
}

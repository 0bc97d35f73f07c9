// A scoring sheet: the criteria table by group, the points and a comment per item, the running total; saved as a
// draft or submitted (final) when the sheet's abilities allow, read-only otherwise.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Grid,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined, PaperClipOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEFAULT_GRID, pointsRange } from '@thidua/domain/scoring/points.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { lastChangeOf, type LastChange } from '../../../lib/stale-write.ts';
import { useFormat } from '../../../lib/use-format.ts';
import {
  evidenceUrl,
  roundPath,
  useRemoveEvidence,
  useSaveSheet,
  useSheet,
  useUploadEvidence,
  type CriterionItem,
  type Sheet,
  type SheetRef,
} from '../api/scoring.ts';
import { ScoringCrumbs, SheetStatusTag, sumPoints, usePoints } from './shared.tsx';

interface Value {
  points: number;
  comment: string;
}
type Values = Record<string, Value>;

/** The sheet's entries by item; an item not yet scored starts at 0. */
export function valuesOf(sheet: Pick<Sheet, 'entries' | 'criteria'>): Values {
  const entries = new Map(sheet.entries.map((e) => [e.item, e]));
  return Object.fromEntries(
    sheet.criteria.groups.flatMap((g) =>
      g.items.map((item) => {
        const e = entries.get(item.code);
        return [item.code, { points: e?.points ?? 0, comment: e?.comment ?? '' }];
      }),
    ),
  );
}

export function SheetPage(props: SheetRef) {
  const { t } = useTranslation('scoring');
  const query = useSheet(props);
  const sheet = query.data;
  const title = !sheet
    ? t('sheet.titleLoading')
    : sheet.stage === 'self'
      ? t('sheet.titleSelf', { unit: sheet.unitName })
      : t('sheet.titleCross', { scorer: sheet.scorerName, unit: sheet.unitName });
  return (
    <div data-testid="sheet-page">
      <ScoringCrumbs clusterId={props.clusterId} year={props.year} period={props.period} here={title} />
      <PageHeader backTo={roundPath(props.clusterId, props.year, props.period)} title={title} />
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !sheet ? (
        <Skeleton active />
      ) : (
        <SheetEditor
          key={`${sheet.criteriaSetId}:${sheet.stage}:${sheet.unitId}:${sheet.scorerUnitId}`}
          sheet={sheet}
          sheetRef={props}
          onReload={() => query.refetch()}
        />
      )}
    </div>
  );
}

function SheetEditor({ sheet, sheetRef, onReload }: { sheet: Sheet; sheetRef: SheetRef; onReload: () => Promise<{ data?: Sheet }> }) {
  const { t } = useTranslation('scoring');
  const { message } = App.useApp();
  const { dateTime } = useFormat();
  const points = usePoints();
  const save = useSaveSheet(sheetRef);
  const [values, setValues] = useState<Values>(() => valuesOf(sheet));
  const [baseVersion, setBaseVersion] = useState(sheet.rowVersion);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<LastChange | null>(null);
  const editable = sheet.abilities.update;
  const narrow = !Grid.useBreakpoint().md;
  const items = useMemo(() => sheet.criteria.groups.flatMap((g) => g.items), [sheet.criteria]);
  const total = sumPoints(items.map((i) => values[i.code]?.points ?? 0));
  const evidenceCount = (code: string) => sheet.evidence.filter((e) => e.item === code).length;

  const set = (code: string, patch: Partial<Value>) => {
    setFailure(null);
    setValues((v) => ({ ...v, [code]: { ...v[code]!, ...patch } }));
  };

  async function send(submit: boolean) {
    setFailure(null);
    setConflict(null);
    try {
      const saved = await save.mutateAsync({
        submit,
        // a sheet never saved is new; otherwise the version the officer started from
        ...(sheet.status === 'none' ? {} : { rowVersion: baseVersion }),
        entries: items.map((i) => {
          const v = values[i.code]!;
          const comment = v.comment.trim();
          return { item: i.code, points: v.points, ...(comment ? { comment } : {}) };
        }),
      });
      setBaseVersion(saved.rowVersion);
      void message.success(t(submit ? 'sheet.submitted' : 'sheet.saved'));
    } catch (error) {
      if (isApiError(error, 'STALE_WRITE')) {
        setConflict(lastChangeOf(error));
        void onReload();
        return;
      }
      setFailure((isApiError(error) && error.message) || t('errors.saveFailed'));
    }
  }

  const maxOf = (item: CriterionItem) => points(item.kind === 'penalty' ? -item.maxPoints : item.maxPoints);
  const criterionCell = (item: CriterionItem) => (
    <>
      {item.text}
      <Space size={4} wrap style={{ display: 'flex', marginTop: 2 }}>
        {item.kind !== 'regular' && <Tag color={item.kind === 'bonus' ? 'green' : 'red'}>{t(`kind.${item.kind}`)}</Tag>}
        <Tag>{t(`method.${item.method}`)}</Tag>
        {item.evidenceRequired && (
          <Tag color={evidenceCount(item.code) ? 'green' : 'orange'}>{t('sheet.evidence', { files: evidenceCount(item.code) })}</Tag>
        )}
      </Space>
      {(item.evidenceRequired || evidenceCount(item.code) > 0) && (
        <EvidenceFiles
          sheet={sheet}
          sheetRef={sheetRef}
          item={item.code}
          editable={editable}
          onSaved={(saved) => {
            // a file attached creates or touches the sheet: the officer's values go on from its new version
            if (sheet.rowVersion === baseVersion) setBaseVersion(saved.rowVersion);
          }}
        />
      )}
    </>
  );
  const pointsCell = (item: CriterionItem) =>
    editable ? (
      <PointsInput item={item} value={values[item.code]!.points} onChange={(p) => set(item.code, { points: p })} />
    ) : (
      <span data-testid={`points-${item.code}`}>{points(values[item.code]!.points)}</span>
    );
  const commentCell = (item: CriterionItem) =>
    editable ? (
      <Input.TextArea
        data-testid={`comment-${item.code}`}
        aria-label={t('sheet.commentOf', { item: item.code })}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        style={{ minWidth: 160 }}
        value={values[item.code]!.comment}
        onChange={(e) => set(item.code, { comment: e.target.value })}
      />
    ) : (
      <span style={{ whiteSpace: 'pre-wrap' }}>{values[item.code]!.comment || '—'}</span>
    );
  const codeColumn: TableColumnsType<CriterionItem>[number] = {
    key: 'code',
    title: t('sheet.code'),
    width: 48,
    render: (_, item) => item.code,
  };
  const wideColumns: TableColumnsType<CriterionItem> = [
    codeColumn,
    {
      key: 'text',
      title: t('sheet.criterion'),
      render: (_, item) => <div style={{ minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}>{criterionCell(item)}</div>,
    },
    { key: 'max', title: t('sheet.max'), width: 70, align: 'right', render: (_, item) => maxOf(item) },
    { key: 'points', title: t('registry:round.entryPoints'), width: 150, render: (_, item) => pointsCell(item) },
    { key: 'comment', title: t('registry:round.entryComment'), render: (_, item) => commentCell(item) },
  ];
  // on a phone the points and the comment go under the criterion, so nothing to enter hides off to the side
  const narrowColumns: TableColumnsType<CriterionItem> = [
    codeColumn,
    {
      key: 'text',
      title: t('sheet.criterion'),
      render: (_, item) => (
        <Flex vertical gap={6} style={{ whiteSpace: 'normal' }}>
          <div>{criterionCell(item)}</div>
          <span>
            {t('sheet.max')}: <span>{maxOf(item)}</span>
          </span>
          {pointsCell(item)}
          {commentCell(item)}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Card size="small" data-testid="sheet-summary">
        <Flex wrap gap={12} align="center" justify="space-between">
          <Space wrap>
            <SheetStatusTag status={sheet.status} />
            {sheet.submittedAt && (
              <Typography.Text type="secondary">{t('sheet.submittedAt', { at: dateTime(sheet.submittedAt) })}</Typography.Text>
            )}
            {sheet.deadline && <Typography.Text type="secondary">{t('sheet.deadline', { at: dateTime(sheet.deadline) })}</Typography.Text>}
          </Space>
          <Typography.Text strong data-testid="sheet-total" aria-live="polite">
            {t('sheet.total', { total: points(total), max: points(sheet.criteria.maxTotal) })}
          </Typography.Text>
        </Flex>
        {!editable && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="sheet-readonly">
            {t(sheet.status === 'submitted' ? 'sheet.readOnlySubmitted' : 'sheet.readOnly')}
          </Typography.Paragraph>
        )}
      </Card>

      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="sheet-stale"
          title={t('common:form.stale')}
          description={
            <Flex vertical gap={8}>
              {conflict.by && (
                <span>
                  {conflict.at
                    ? t('common:form.staleBy', { name: conflict.by, time: dateTime(conflict.at) })
                    : t('common:form.staleByName', { name: conflict.by })}
                </span>
              )}
              <span>{t('common:form.staleChoose')}</span>
              <Space wrap>
                <Button
                  size="small"
                  type="primary"
                  data-testid="stale-reapply"
                  disabled={sheet.rowVersion === baseVersion}
                  onClick={() => {
                    setBaseVersion(sheet.rowVersion);
                    setConflict(null);
                  }}
                >
                  {t('common:form.staleReapply')}
                </Button>
                <Button
                  size="small"
                  data-testid="stale-discard"
                  disabled={sheet.rowVersion === baseVersion}
                  onClick={() => {
                    setValues(valuesOf(sheet));
                    setBaseVersion(sheet.rowVersion);
                    setConflict(null);
                  }}
                >
                  {t('common:form.staleDiscard')}
                </Button>
              </Space>
            </Flex>
          }
        />
      )}

      {sheet.criteria.groups.map((group) => {
        const subtotal = sumPoints(group.items.map((i) => values[i.code]?.points ?? 0));
        return (
          <Card
            key={group.code}
            size="small"
            title={`${group.code}. ${group.title}`}
            extra={<span data-testid={`group-total-${group.code}`}>{t('sheet.subtotal', { total: points(subtotal) })}</span>}
          >
            <Table<CriterionItem>
              data-testid={`sheet-group-${group.code}`}
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={group.items}
              onRow={(item) => ({ 'data-testid': `item-${item.code}` }) as React.HTMLAttributes<HTMLElement>}
              columns={narrow ? narrowColumns : wideColumns}
            />
          </Card>
        );
      })}

      {failure && <Alert type="error" showIcon data-testid="save-error" title={failure} />}

      {(sheet.abilities.update || sheet.abilities.submit) && (
        <Flex gap={8} wrap justify="flex-end">
          {sheet.abilities.update && (
            <Button
              icon={<SaveOutlined />}
              data-testid="sheet-save"
              loading={save.isPending && !save.variables?.submit}
              onClick={() => void send(false)}
            >
              {t('sheet.saveDraft')}
            </Button>
          )}
          {sheet.abilities.submit && (
            <Popconfirm
              title={t('sheet.submitConfirm')}
              description={t('sheet.submitFinal', { total: points(total) })}
              okText={t('sheet.submit')}
              cancelText={t('actions.cancel')}
              okButtonProps={{ 'data-testid': 'sheet-submit-confirm' } as never}
              onConfirm={() => send(true)}
            >
              <Button type="primary" icon={<SendOutlined />} data-testid="sheet-submit" loading={save.isPending && save.variables?.submit}>
                {t('sheet.submit')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
    </Flex>
  );
}

/**
 * The points of an item as its method takes them: yes or no (0 or the maximum), one of the levels, or a number in its
 * range. Penalties are negative (shown with a minus sign).
 */
export function PointsInput({ item, value, onChange }: { item: CriterionItem; value: number; onChange: (points: number) => void }) {
  const { t } = useTranslation('scoring');
  const points = usePoints();
  const sign = item.kind === 'penalty' ? -1 : 1;
  const label = t('sheet.pointsOf', { item: item.code });
  if (item.method === 'binary')
    return (
      <Space size={6}>
        <Switch
          data-testid={`points-${item.code}`}
          aria-label={label}
          checked={value !== 0}
          onChange={(on) => onChange(on ? sign * item.maxPoints : 0)}
        />
        {/* the switch's words beside it: inside it, white on grey is too faint to read */}
        <span aria-hidden="true">
          {t(value !== 0 ? 'yes' : 'no')} ({points(value)})
        </span>
      </Space>
    );
  if (item.method === 'graded') {
    const levels = [...new Set([0, ...(item.levels ?? [])])].sort((a, b) => a - b).map((l) => sign * l);
    return (
      <Select<number>
        data-testid={`points-${item.code}`}
        aria-label={label}
        size="small"
        style={{ width: 120 }}
        value={value}
        onChange={onChange}
        options={levels.map((l) => ({ value: l, label: points(l) }))}
      />
    );
  }
  const { min, max } = pointsRange(item);
  return (
    <InputNumber<number>
      data-testid={`points-${item.code}`}
      aria-label={label}
      size="small"
      style={{ width: 120 }}
      min={min}
      max={max}
      step={item.method === 'manual' ? DEFAULT_GRID.step : 0.01}
      value={value}
      formatter={(v) => String(v ?? '').replace('-', '−')}
      parser={(s) => Number((s ?? '').replace('−', '-').replace(',', '.')) || 0}
      onChange={(v) => onChange(typeof v === 'number' ? v : 0)}
    />
  );
}

/** The files attached to an item: each to download, and while the sheet is open, to remove; one more to attach. */
function EvidenceFiles({
  sheet,
  sheetRef,
  item,
  editable,
  onSaved,
}: {
  sheet: Sheet;
  sheetRef: SheetRef;
  item: string;
  editable: boolean;
  onSaved: (saved: Sheet) => void;
}) {
  const { t } = useTranslation('scoring');
  const { message } = App.useApp();
  const upload = useUploadEvidence(sheetRef);
  const remove = useRemoveEvidence(sheetRef);
  const files = sheet.evidence.filter((e) => e.item === item);
  const failed = (error: unknown) => void message.error((isApiError(error) && error.message) || t('errors.saveFailed'));
  return (
    <Flex vertical gap={2} style={{ marginTop: 4 }} data-testid={`evidence-${item}`}>
      {files.map((file) => (
        <Space key={file.id} size={4} wrap>
          <PaperClipOutlined aria-hidden="true" />
          <a href={evidenceUrl(sheetRef, file.id)} download={file.fileName}>
            {file.fileName}
          </a>
          {editable && (
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('sheet.removeFile', { file: file.fileName })}
              loading={remove.isPending && remove.variables === file.id}
              onClick={() => remove.mutateAsync(file.id).then(onSaved, failed)}
            />
          )}
        </Space>
      ))}
      {editable && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutateAsync({ item, file }).then((saved) => {
              onSaved(saved);
              void message.success(t('sheet.fileAttached', { file: file.name }));
            }, failed);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid={`attach-${item}`}>
            {t('sheet.attach')}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Flex, Form, InputNumber, Modal, Select, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ClusterSelect } from '../../../components/ui/ClusterSelect.tsx';
import { isApiError } from '../../../lib/api.ts';
import { KINDS, METHODS, PERIODS, useCopyCriteria, type Period } from '../api/criteria.ts';
import type { CriteriaFormValues, ItemValues } from './criteria-form.ts';
import {
  COLUMNS,
  KNOCK_OUT,
  readSheetFile,
  tableOfRows,
  templateCsv,
  type Column,
  type SheetImport,
  type SheetWords,
} from './spreadsheet.ts';

interface CopyValues {
  fromClusterId?: number;
  fromYear: number;
  period: Period;
}

/** Copy the table of another year of this cluster, or of another cluster the caller sees, into this round's draft. */
export function CopyDialog({
  clusterId,
  year,
  period,
  replacing,
  onClose,
  onCopied,
}: {
  clusterId: number;
  year: number;
  period: Period;
  /** The round has a draft already, which the copy replaces. */
  replacing: boolean;
  onClose: () => void;
  onCopied: () => void;
}) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const [form] = Form.useForm<CopyValues>();
  const copy = useCopyCriteria(clusterId, year);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(values: CopyValues) {
    setFailure(null);
    try {
      await copy.mutateAsync({ fromClusterId: values.fromClusterId!, fromYear: values.fromYear, period: values.period });
      void message.success(t('criteria.copied'));
      onCopied();
    } catch (error) {
      setFailure((isApiError(error) && error.message) || t('form.saveFailed'));
    }
  }

  return (
    <Modal
      open
      title={t('criteria.copyTitle')}
      okText={t('criteria.copyOk')}
      cancelText={t('form.cancel')}
      confirmLoading={copy.isPending}
      okButtonProps={{ 'data-testid': 'copy-submit' } as never}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<CopyValues>
        form={form}
        layout="vertical"
        data-testid="copy-form"
        initialValues={{ fromClusterId: clusterId, fromYear: year - 1, period }}
        onFinish={(values) => void submit(values)}
      >
        <Typography.Paragraph type="secondary">{t(replacing ? 'criteria.copyReplaces' : 'criteria.copyHint')}</Typography.Paragraph>
        {failure && <Alert type="error" showIcon data-testid="copy-error" title={failure} style={{ marginBottom: 12 }} />}
        <Form.Item name="fromClusterId" label={t('criteria.fromCluster')} rules={[{ required: true, message: t('form.required') }]}>
          <ClusterSelect id="copy-from-cluster" data-testid="copy-from-cluster" style={{ width: '100%', minWidth: 0 }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="fromYear" label={t('criteria.fromYear')} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber data-testid="copy-from-year" min={1945} max={2200} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="period" label={t('criteria.period')}>
            <Select
              data-testid="copy-period"
              style={{ width: 200 }}
              options={PERIODS.map((p) => ({ value: p, label: t(`criteria.periods.${p}`) }))}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** Save a text as a file the browser downloads. */
function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type PreviewRow = ItemValues & { group: string };

/**
 * A table from a spreadsheet (.xlsx or .csv in the template's columns), read in the browser and shown before it is
 * put into the editor; it is checked by the server only when the editor saves it.
 */
export function ImportDialog({ onClose, onPlace }: { onClose: () => void; onPlace: (values: CriteriaFormValues) => void }) {
  const { t } = useTranslation('registry');
  const [result, setResult] = useState<SheetImport | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const words: SheetWords = {
    methods: Object.fromEntries(METHODS.map((m) => [m, t(`criteria.methods.${m}`)])) as SheetWords['methods'],
    kinds: Object.fromEntries([...KINDS, KNOCK_OUT].map((k) => [k, t(`criteria.kinds.${k}`)])) as SheetWords['kinds'],
  };

  async function read(file: File) {
    setFailure(null);
    setResult(null);
    setFileName(file.name);
    setReading(true);
    try {
      const table = tableOfRows(await readSheetFile(file), words);
      if (table.itemCount === 0) setFailure(t('criteria.importEmpty'));
      else setResult(table);
    } catch {
      setFailure(t('criteria.importFailed'));
    } finally {
      setReading(false);
    }
  }

  function template() {
    const headers = Object.fromEntries(COLUMNS.map((c) => [c, t(`criteria.columns.${c}`)])) as Record<Column, string>;
    const examples = [
      ['I', t('criteria.example.group1'), '1.1', t('criteria.example.item1'), '10', 'binary', 'regular', '1', '', ''],
      ['I', '', '1.2', t('criteria.example.item2'), '20', 'proportional', 'regular', '0', '100', ''],
      ['II', t('criteria.example.group2'), '2.1', t('criteria.example.item3'), '70', 'graded', 'regular', '1', '', '0; 35; 70'],
      ['II', '', 'B1', t('criteria.example.bonus'), '5', 'manual', 'bonus', '1', '', ''],
      ['', '', 'K1', t('criteria.example.knockOut'), '', '', KNOCK_OUT, '', '', ''],
    ];
    download(`${t('criteria.templateFile')}.csv`, templateCsv(headers, examples), 'text/csv;charset=utf-8');
  }

  const rows: PreviewRow[] = result ? result.values.groups.flatMap((g) => g.items.map((i) => ({ ...i, group: g.code }))) : [];

  return (
    <Modal
      open
      width={860}
      title={t('criteria.importTitle')}
      onCancel={onClose}
      footer={
        <Flex gap={8} wrap justify="end">
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" disabled={!result} data-testid="import-place" onClick={() => result && onPlace(result.values)}>
            {t('criteria.importPlace')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12} data-testid="import-dialog">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('criteria.importHint')}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Upload
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void read(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={reading} data-testid="import-file">
              {t('criteria.chooseFile')}
            </Button>
          </Upload>
          <Button icon={<DownloadOutlined />} data-testid="import-template" onClick={template}>
            {t('criteria.template')}
          </Button>
        </Flex>
        {fileName && <Typography.Text data-testid="import-file-name">{fileName}</Typography.Text>}
        {failure && <Alert type="error" showIcon data-testid="import-error" title={failure} />}
        {result && (
          <>
            <Typography.Text data-testid="import-summary">
              {t('criteria.importSummary', {
                groups: result.values.groups.length,
                items: result.itemCount,
                knockOuts: result.values.knockOuts.length,
                maxTotal: result.values.maxTotal,
              })}
            </Typography.Text>
            {result.problems.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="import-problems"
                title={t('criteria.importProblemsTitle')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {result.problems.map((p, i) => (
                      <li key={i}>{t(`criteria.importProblems.${p.problem}`, { row: p.row })}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {/* the preview scrolls inside itself, and the keyboard reaches that scroll (WCAG 2.1.1) */}
            <div role="region" tabIndex={0} aria-label={t('criteria.importPreview')} style={{ maxHeight: 320, overflow: 'auto' }}>
              <Table<PreviewRow>
                data-testid="import-preview"
                size="small"
                rowKey={(r) => `${r.group}-${r.code}-${rows.indexOf(r)}`}
                pagination={false}
                dataSource={rows}
                columns={[
                  { key: 'group', title: t('criteria.groupCode'), dataIndex: 'group', width: 70 },
                  { key: 'code', title: t('criteria.itemCode'), dataIndex: 'code', width: 70 },
                  { key: 'text', title: t('criteria.itemText'), dataIndex: 'text' },
                  { key: 'max', title: t('criteria.maxPoints'), dataIndex: 'maxPoints', width: 80 },
                  { key: 'method', title: t('criteria.method'), width: 120, render: (_, r) => t(`criteria.methods.${r.method}`) },
                  { key: 'kind', title: t('criteria.kind'), width: 90, render: (_, r) => t(`criteria.kinds.${r.kind}`) },
                ]}
              />
            </div>
          </>
        )}
      </Flex>
    </Modal>
  );
}

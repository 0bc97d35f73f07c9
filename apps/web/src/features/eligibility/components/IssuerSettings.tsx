import { useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import {
  BOOLEAN_SETTINGS as BOOLEAN_KEYS,
  CHAIN_SETTINGS as CHAIN_KEYS,
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  settingText,
} from '../../../lib/settings-text.ts';
import { useIssuerSettings, useSaveIssuerSettings, type IssuerSettingsValues, type SettingKey } from '../api/eligibility.ts';
import { YearSelect } from './YearSelect.tsx';

const CHAIN_ENDS = ['proposal-year', 'year-before'] as const;
const DEFAULTS = DEFAULT_SETTINGS as unknown as IssuerSettingsValues;

/** The awards whose evidence window the issuer sets: those with a default, and any it has added. */
function evidenceAwards(values: Record<string, number> = {}): string[] {
  return [...new Set([...Object.keys(DEFAULTS.evidenceWindowYears), ...Object.keys(values)])];
}

function useSettingText() {
  const { t } = useTranslation('records');
  return (key: SettingKey, value: unknown) => settingText(t, key, value);
}

/**
 * The issuer's settings for the points the law leaves open, in force for a year: each with what it
 * decides, its value, and whether the issuer changed it from the default reading.
 */
export function IssuerSettings({ defaultAuthorityId }: { defaultAuthorityId: number | null }) {
  const { t } = useTranslation('records');
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const authorityId = chosen ?? defaultAuthorityId ?? null;
  const query = useIssuerSettings(authorityId, year);
  const [editing, setEditing] = useState(false);
  const text = useSettingText();
  const answer = query.data;
  const overridden = (key: SettingKey) => answer !== undefined && key in answer.overrides;

  let body: ReactNode;
  if (authorityId === null) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.chooseAuthority')} />;
  else if (query.error) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (!answer) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else
    body = (
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" data-testid="settings-in-force">
          {answer.fromYear === null
            ? t('settings.defaultsOnly', { year: answer.year })
            : t('settings.inForceFrom', { year: answer.year, from: answer.fromYear })}
        </Typography.Text>
        <Table<SettingKey>
          scroll={{ x: 'max-content' }}
          data-testid="settings-table"
          size="small"
          rowKey={(key) => key}
          pagination={false}
          dataSource={[...SETTING_KEYS]}
          loading={query.isFetching}
          onRow={(key) => ({ 'data-testid': `setting-${key}`, 'data-overridden': overridden(key) }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('settings.setting'),
              render: (_, key) => (
                <Flex vertical>
                  <Typography.Text strong>{t(`settings.items.${key}.label`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`settings.items.${key}.hint`)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'value',
              title: t('settings.value'),
              width: 260,
              render: (_, key) => <span data-testid="setting-value">{text(key, answer.effective[key])}</span>,
            },
            {
              key: 'source',
              title: '',
              width: 120,
              render: (_, key) =>
                overridden(key) ? (
                  <Tag color="gold" data-testid="setting-overridden">
                    {t('settings.overridden')}
                  </Tag>
                ) : (
                  <Tag>{t('settings.default')}</Tag>
                ),
            },
          ]}
        />
      </Flex>
    );

  return (
    <Card
      size="small"
      title={t('settings.title')}
      data-testid="issuer-settings"
      extra={
        <Flex gap={8} wrap>
          <AuthoritySelect data-testid="settings-authority" allowClear={false} value={authorityId} onChange={(v) => setChosen(v)} />
          <YearSelect data-testid="settings-year" value={year} onChange={setYear} />
          {answer?.abilities.set && (
            <Button
              size="small"
              icon={<EditOutlined />}
              disabled={!answer || authorityId === null}
              data-testid="settings-edit"
              onClick={() => setEditing(true)}
            >
              {t('settings.edit')}
            </Button>
          )}
        </Flex>
      }
    >
      {body}
      {editing && answer && authorityId !== null && (
        <SettingsDialog
          authorityId={authorityId}
          year={year}
          overrides={answer.overrides}
          effective={answer.effective}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}

/** Each setting: overridden or not, and its value. Values of settings left at the default are not sent. */
type SettingsForm = Record<SettingKey, { on: boolean; value: unknown }>;

function SettingsDialog({
  authorityId,
  year,
  overrides,
  effective,
  onClose,
}: {
  authorityId: number;
  year: number;
  overrides: Partial<IssuerSettingsValues>;
  effective: IssuerSettingsValues;
  onClose: () => void;
}) {
  const { t } = useTranslation('records');
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const save = useSaveIssuerSettings(authorityId);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const text = useSettingText();
  const initialValues = Object.fromEntries(
    SETTING_KEYS.map((key) => [key, { on: key in overrides, value: effective[key] ?? DEFAULTS[key] }]),
  ) as SettingsForm;
  const values = Form.useWatch([], form) as SettingsForm | undefined;

  async function submit(all: SettingsForm) {
    setFailure(null);
    setFieldErrors({});
    const chosen = Object.fromEntries(
      SETTING_KEYS.filter((key) => all[key]?.on).map((key) => [key, all[key].value]),
    ) as Partial<IssuerSettingsValues>;
    try {
      await save.mutateAsync({ year, overrides: chosen });
      void message.success(t('settings.saved'));
      onClose();
    } catch (error) {
      // the server names fields "overrides.<key>…": each message goes under its setting
      const byKey: Record<string, string[]> = {};
      for (const f of isApiError(error) ? error.fields : []) {
        const key = f.path.split('.')[1] ?? f.path;
        (byKey[key] ??= []).push(f.message);
      }
      setFieldErrors(byKey);
      setFailure((isApiError(error) && error.message) || t('messages.saveFailed'));
    }
  }

  const editor = (key: SettingKey, disabled: boolean): ReactNode => {
    if (BOOLEAN_KEYS.has(key))
      return (
        <Form.Item name={[key, 'value']} valuePropName="checked" noStyle>
          <Switch
            size="small"
            disabled={disabled}
            aria-label={t(`settings.items.${key}.label`)}
            checkedChildren={t('settings.yes')}
            unCheckedChildren={t('settings.no')}
            data-testid={`field-${key}`}
          />
        </Form.Item>
      );
    if (key === 'provincialFighterChainEnds')
      return (
        <Form.Item name={[key, 'value']} noStyle>
          <Select
            size="small"
            style={{ width: '100%' }}
            disabled={disabled}
            aria-label={t(`settings.items.${key}.label`)}
            data-testid={`field-${key}`}
            options={CHAIN_ENDS.map((v) => ({ value: v, label: t(`settings.chainEnds.${v}`) }))}
          />
        </Form.Item>
      );
    if (key === 'evidenceWindowYears')
      return (
        <Flex vertical gap={4}>
          {evidenceAwards(initialValues.evidenceWindowYears.value as Record<string, number>).map((code) => (
            <Flex key={code} gap={8} align="center" justify="space-between">
              <Typography.Text style={{ fontSize: 12 }}>{t(`vocabulary:awards.${code}`, { defaultValue: code })}</Typography.Text>
              <Form.Item name={[key, 'value', code]} noStyle>
                <InputNumber
                  size="small"
                  min={1}
                  max={20}
                  precision={0}
                  disabled={disabled}
                  style={{ width: 90 }}
                  suffix={t('settings.yearsUnit')}
                  data-testid={`field-${key}-${code}`}
                />
              </Form.Item>
            </Flex>
          ))}
        </Flex>
      );
    if (CHAIN_KEYS.has(key))
      return (
        <Row gutter={6}>
          {(['htxsYears', 'flags', 'excellentCollectiveTitles'] as const).map((part) => (
            <Col span={8} key={part}>
              <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }}>
                {t(`settings.chainParts.${part}`)}
              </Typography.Text>
              <Form.Item name={[key, 'value', part]} noStyle>
                <InputNumber
                  size="small"
                  min={part === 'htxsYears' ? 1 : 0}
                  max={10}
                  precision={0}
                  disabled={disabled}
                  style={{ width: '100%' }}
                  data-testid={`field-${key}-${part}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      );
    return (
      <Form.Item name={[key, 'value']} noStyle>
        <InputNumber
          size="small"
          min={1}
          max={10}
          precision={0}
          disabled={disabled}
          style={{ width: 110 }}
          suffix={t('settings.yearsUnit')}
          data-testid={`field-${key}`}
        />
      </Form.Item>
    );
  };

  return (
    <Modal
      open
      width={860}
      title={t('settings.dialogTitle', { year })}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ 'data-testid': 'settings-submit' } as never}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<SettingsForm>
        form={form}
        data-testid="settings-form"
        layout="vertical"
        size="small"
        initialValues={initialValues}
        disabled={save.isPending}
        onFinish={(all) => void submit(all)}
        onValuesChange={(changed: Partial<SettingsForm>) => {
          setFailure(null);
          // back to the default: show the default value again
          for (const [key, v] of Object.entries(changed))
            if (v && 'on' in v && v.on === false) form.setFieldValue([key, 'value'], DEFAULTS[key as SettingKey]);
        }}
      >
        {failure && <Alert type="error" showIcon data-testid="save-error" style={{ marginBottom: 12 }} title={failure} />}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('settings.dialogHint', { year })}
        </Typography.Paragraph>
        {SETTING_KEYS.map((key) => {
          const on = values?.[key]?.on ?? initialValues[key].on;
          return (
            <Row
              key={key}
              gutter={12}
              align="middle"
              style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
              data-testid={`setting-edit-${key}`}
            >
              <Col span={12}>
                <Typography.Text strong style={{ display: 'block' }}>
                  {t(`settings.items.${key}.label`)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`settings.items.${key}.hint`)}
                </Typography.Text>
              </Col>
              <Col span={4}>
                <Flex vertical gap={2}>
                  <Form.Item name={[key, 'on']} valuePropName="checked" noStyle>
                    <Switch
                      size="small"
                      aria-label={t('settings.overrideLabel', { setting: t(`settings.items.${key}.label`) })}
                      checkedChildren={t('settings.own')}
                      unCheckedChildren={t('settings.default')}
                      data-testid={`override-${key}`}
                    />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {on ? t('settings.overridden') : t('settings.defaultValue', { value: text(key, DEFAULTS[key]) })}
                  </Typography.Text>
                </Flex>
              </Col>
              <Col span={8}>
                {editor(key, !on)}
                {fieldErrors[key]?.map((message, i) => (
                  <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="setting-error">
                    {message}
                  </Typography.Text>
                ))}
              </Col>
            </Row>
          );
        })}
      </Form>
    </Modal>
  );
}

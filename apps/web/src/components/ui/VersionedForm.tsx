import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';

export interface VersionedFormProps<V extends object> {
  testId: string;
  form: FormInstance<V>;
  initialValues: V;
  /** The version of the record as loaded; sent with the change so a stale edit fails instead of overwriting. */
  version: number;
  canEdit: boolean;
  onSave: (values: V & { version: number }) => Promise<unknown>;
  /** Loads the record again (after someone else changed it). */
  onReload: () => Promise<unknown>;
  children: ReactNode;
}

/**
 * An edit form for a record that carries a version. On 409 STALE_WRITE it shows the server's
 * localised message and offers to reload; field errors from the server land on their fields.
 */
export function VersionedForm<V extends object>({
  testId,
  form,
  initialValues,
  version,
  canEdit,
  onSave,
  onReload,
  children,
}: VersionedFormProps<V>) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Nothing to save until something changed: a no-op save would still write a version and an audit event.
  const [dirty, setDirty] = useState(false);

  // A new version (saved here, or reloaded) becomes the form's starting point.
  useEffect(() => {
    form.resetFields();
    setDirty(false);
  }, [version, form]);

  async function submit(values: V) {
    setSaving(true);
    setStale(null);
    setFailure(null);
    try {
      await onSave({ ...values, version });
      void message.success(t('form.saved'));
    } catch (error) {
      if (isApiError(error, 'STALE_WRITE')) {
        setStale(error.message || '');
      } else if (isApiError(error) && error.fields.length > 0) {
        form.setFields(error.fields.map((f) => ({ name: f.path.split('.') as never, errors: [f.message] })));
        if (error.message) setFailure(error.message);
      } else {
        setFailure((isApiError(error) && error.message) || t('errors.saveFailed'));
      }
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    await onReload();
    setStale(null);
    form.resetFields();
    setDirty(false);
  }

  return (
    <Form<V>
      form={form}
      data-testid={testId}
      layout="vertical"
      size="small"
      initialValues={initialValues}
      disabled={!canEdit || saving}
      onFinish={(values) => {
        if (dirty) void submit(values);
      }}
      onValuesChange={() => {
        setFailure(null);
        setDirty(true);
      }}
    >
      {stale !== null && (
        <Alert
          data-testid="stale-write"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={stale || t('form.stale')}
          description={stale ? undefined : t('form.staleHint')}
          action={
            <Button size="small" data-testid="reload-record" disabled={false} onClick={() => void reload()}>
              {t('actions.reload')}
            </Button>
          }
        />
      )}
      {failure && <Alert data-testid="save-error" type="error" showIcon style={{ marginBottom: 12 }} title={failure} />}
      {children}
      {canEdit && (
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty} data-testid="save">
            {t('actions.save')}
          </Button>
          <Button
            disabled={!dirty}
            data-testid="reset"
            onClick={() => {
              form.resetFields();
              setDirty(false);
              setFailure(null);
            }}
          >
            {t('actions.reset')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}

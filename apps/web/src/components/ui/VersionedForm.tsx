import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import type { ConflictFields } from './StaleWriteNotice.tsx';
import { useStaleWrite } from './use-stale-write.tsx';

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
  /** Every field's label on the screen (and how to show its value), for the comparison after a stale write. */
  fields: ConflictFields<V>;
  children: ReactNode;
}

/**
 * An edit form for a record that carries a version. The form starts from a version and saves against it; a newer
 * version arriving while the officer edits does not overwrite what they typed. On 409 STALE_WRITE the typed values
 * stay, the saved record is loaded and shown beside them with who saved it and when; the officer puts their changes
 * back on it (the next save goes against the new version) or takes the saved values. Field errors from the server
 * land on their fields.
 */
export function VersionedForm<V extends object>({
  testId,
  form,
  initialValues,
  version,
  canEdit,
  onSave,
  onReload,
  fields,
  children,
}: VersionedFormProps<V>) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Nothing to save until something changed: a no-op save would still write a version and an audit event.
  const [dirty, setDirty] = useState(false);
  const stale = useStaleWrite({ form, initialValues, version, onReload });
  const saveRef = useRef<HTMLButtonElement>(null);
  const [focusSave, setFocusSave] = useState(false);

  // A new version (saved here, or loaded) becomes the form's starting point, unless the officer is editing.
  const { restart } = stale;
  useEffect(() => {
    if (version === stale.version || dirty || stale.active) return;
    form.resetFields();
    restart();
  }, [version, stale.version, stale.active, dirty, form, restart]);

  useEffect(() => {
    if (!focusSave) return;
    saveRef.current?.focus();
    setFocusSave(false);
  }, [focusSave]);

  async function submit(values: V) {
    setSaving(true);
    stale.clear();
    setFailure(null);
    try {
      await onSave({ ...values, version: stale.version });
      setDirty(false);
      void message.success(t('form.saved'));
    } catch (error) {
      if (stale.handle(error)) {
        // shown by the notice
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
      {stale.notice(fields, (changed) => {
        setDirty(changed);
        setFocusSave(true);
        if (changed) void message.info(t('form.staleReapplied'));
      })}
      {failure && <Alert data-testid="save-error" type="error" showIcon style={{ marginBottom: 12 }} title={failure} />}
      {children}
      {canEdit && (
        <Flex gap={8}>
          <Button ref={saveRef} type="primary" htmlType="submit" loading={saving} disabled={!dirty} data-testid="save">
            {t('actions.save')}
          </Button>
          <Button
            disabled={!dirty}
            data-testid="reset"
            onClick={() => {
              form.resetFields();
              stale.restart();
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

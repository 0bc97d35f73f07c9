import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { conflictRows, lastChangeOf, reapply, sameValue, type LastChange } from '../../lib/stale-write.ts';
import { StaleWriteNotice, type ConflictFields } from './StaleWriteNotice.tsx';

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

interface Conflict<V> {
  /** The values the officer had typed when the save was refused. */
  mine: V;
  /** The record as the officer started editing it. */
  base: V;
  lastChange: LastChange;
  loadFailed: boolean;
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
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Nothing to save until something changed: a no-op save would still write a version and an audit event.
  const [dirty, setDirty] = useState(false);
  // The version the form's values start from, and its values: what a save is checked against.
  const [base, setBase] = useState({ version, values: initialValues });
  const saveRef = useRef<HTMLButtonElement>(null);
  const [focusSave, setFocusSave] = useState(false);

  // A new version (saved here, or loaded) becomes the form's starting point, unless the officer is editing.
  useEffect(() => {
    if (version === base.version || dirty || conflict) return;
    form.resetFields();
    setBase({ version, values: initialValues });
  }, [version, base.version, dirty, conflict, form, initialValues]);

  useEffect(() => {
    if (!focusSave) return;
    saveRef.current?.focus();
    setFocusSave(false);
  }, [focusSave]);

  async function loadSaved() {
    setConflict((c) => c && { ...c, loadFailed: false });
    try {
      await onReload();
    } catch {
      setConflict((c) => c && { ...c, loadFailed: true });
    }
  }

  async function submit(values: V) {
    setSaving(true);
    setConflict(null);
    setFailure(null);
    try {
      await onSave({ ...values, version: base.version });
      setDirty(false);
      void message.success(t('form.saved'));
    } catch (error) {
      if (isApiError(error, 'STALE_WRITE')) {
        setConflict({
          mine: form.getFieldsValue(true) as V,
          base: base.values,
          lastChange: lastChangeOf(error),
          loadFailed: false,
        });
        void loadSaved();
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

  // The saved record has arrived once the version moved on from the one the officer started from.
  const loaded = conflict && version !== base.version;
  const rows = loaded ? conflictRows(conflict.base, conflict.mine, initialValues) : null;

  /** The officer's changes on top of the saved record: the form starts from the new version, still to be saved. */
  function reapplyMine() {
    if (!conflict) return;
    const merged = reapply(conflict.base, conflict.mine, initialValues);
    form.resetFields();
    form.setFieldsValue(merged as never);
    setBase({ version, values: initialValues });
    setDirty(Object.keys(merged).some((k) => !sameValue(merged[k as keyof V], initialValues[k as keyof V])));
    setConflict(null);
    setFocusSave(true);
    void message.info(t('form.staleReapplied'));
  }

  function takeSaved() {
    form.resetFields();
    setBase({ version, values: initialValues });
    setDirty(false);
    setConflict(null);
    setFocusSave(true);
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
      {conflict && (
        <StaleWriteNotice<V>
          rows={rows}
          fields={fields}
          lastChange={conflict.lastChange}
          loadFailed={conflict.loadFailed}
          onRetry={() => void loadSaved()}
          onReapply={reapplyMine}
          onDiscard={takeSaved}
        />
      )}
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
              setBase({ version, values: initialValues });
              setDirty(false);
              setFailure(null);
              setConflict(null);
            }}
          >
            {t('actions.reset')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}

import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import type { ConflictFields } from './StaleWriteNotice.tsx';
import { useStaleWrite } from './use-stale-write.tsx';

export interface FormDialogProps<V extends object, R> {
  form: FormInstance<V>;
  title: ReactNode;
  okText: string;
  /** Defaults to the registry's "cancel". */
  cancelText?: string;
  width?: number;
  /** The form's data-testid. */
  testId: string;
  /** The OK button's data-testid. */
  submitTestId?: string;
  initialValues?: Partial<V>;
  pending: boolean;
  /** Lock the fields while saving (the default). */
  lockWhilePending?: boolean;
  /** Leave the server's message on top while the user edits (by default any change clears it). */
  keepFailure?: boolean;
  /** Shown when the server gives no message; defaults to the registry's "could not save". */
  failureFallback?: string;
  /**
   * The record carries a version: saves go against the version the dialog opened with (`onSubmit`'s second
   * argument), and a stale save keeps the typed values beside the saved record (loaded by `onReload`).
   */
  versioned?: { version: number; fields: ConflictFields<V>; onReload: () => Promise<unknown> };
  /** Saves; a thrown error's field messages land on their fields and its message on top. */
  onSubmit: (values: V, version: number) => Promise<R>;
  /** After a save: this message, the dialog closes, then `onSaved`. */
  savedMessage?: string;
  onSaved?: (result: R) => void;
  onValuesChange?: (changed: Partial<V>) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A form in a modal dialog that saves to the server and shows the server's answer when it refuses. */
export function FormDialog<V extends object, R = unknown>({
  form,
  title,
  okText,
  cancelText,
  width,
  testId,
  submitTestId,
  initialValues,
  pending,
  lockWhilePending = true,
  keepFailure = false,
  failureFallback,
  versioned,
  onSubmit,
  savedMessage,
  onSaved,
  onValuesChange,
  onClose,
  children,
}: FormDialogProps<V, R>) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const stale = useStaleWrite<V>({
    form,
    initialValues: (initialValues ?? {}) as V,
    version: versioned?.version ?? 0,
    onReload: versioned?.onReload ?? (() => Promise.resolve()),
  });

  async function submit(values: V) {
    setFailure(null);
    stale.clear();
    try {
      const result = await onSubmit(values, stale.version);
      if (savedMessage) void message.success(savedMessage);
      onClose();
      onSaved?.(result);
    } catch (error) {
      if (versioned && stale.handle(error)) return;
      if (isApiError(error) && error.fields.length) {
        form.setFields(error.fields.map((f) => ({ name: f.path.split('.') as never, errors: [f.message] })));
      }
      setFailure((isApiError(error) && error.message) || failureFallback || t('form.saveFailed'));
    }
  }

  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      cancelText={cancelText ?? t('form.cancel')}
      okButtonProps={submitTestId ? ({ 'data-testid': submitTestId } as never) : undefined}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        data-testid={testId}
        layout="vertical"
        size="small"
        initialValues={initialValues}
        disabled={lockWhilePending ? pending : undefined}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<V>) => {
          if (!keepFailure) setFailure(null);
          onValuesChange?.(changed);
        }}
      >
        {versioned &&
          // the notice is gone: the keyboard goes on at the first field
          stale.notice(versioned.fields, () => setTimeout(() => form.focusField(Object.keys(versioned.fields)[0] as never)))}
        {failure && <Alert type="error" showIcon data-testid="save-error" style={{ marginBottom: 12 }} title={failure} />}
        {children}
      </Form>
    </Modal>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useCancelDecision, useIssueDecision, type DecisionChecks, type DecisionDetail } from '../api/decisions.ts';

/** Today in Vietnam (UTC+7), as the server dates an issue. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

interface IssueValues {
  issueDate: string;
  overrideReason?: string;
}

/**
 * Issuing: the date, and — when the checks found recipients who do not meet the criteria (or the server says so) —
 * the written reason for issuing anyway, kept with the decision.
 */
export function IssueDialog({ decision, checks, onClose }: { decision: DecisionDetail; checks?: DecisionChecks; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<IssueValues>();
  const issue = useIssueDecision(decision.id);
  const ineligible = checks?.ineligibleCount ?? 0;
  const [needsReason, setNeedsReason] = useState(ineligible > 0);
  // the server's word on the reason, put on the field once it is shown
  const [reasonError, setReasonError] = useState<string | null>(null);
  useEffect(() => {
    if (needsReason && reasonError) form.setFields([{ name: 'overrideReason', errors: [reasonError] }]);
  }, [needsReason, reasonError, form]);

  return (
    <FormDialog<IssueValues, DecisionDetail>
      form={form}
      width={560}
      title={t('decisions.issueTitle')}
      okText={t('decisions.issue')}
      testId="issue-form"
      submitTestId="issue-submit"
      initialValues={{ issueDate: todayInVietnam() }}
      pending={issue.isPending}
      onSubmit={async (values) => {
        try {
          return await issue.mutateAsync({
            version: decision.version,
            issueDate: values.issueDate,
            ...(needsReason ? { overrideReason: (values.overrideReason ?? '').trim() } : {}),
          });
        } catch (error) {
          if (isApiError(error, 'ISSUE_NEEDS_REASON')) {
            setNeedsReason(true);
            setReasonError(error.fields.find((f) => f.path === 'overrideReason')?.message ?? error.message);
          }
          throw error;
        }
      }}
      savedMessage={t('decisions.issued')}
      onClose={onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('decisions.issueConfirm')} />
      {ineligible > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="issue-ineligible"
          style={{ marginBottom: 12 }}
          title={t('decisions.ineligibleWarning', { count: ineligible })}
        />
      )}
      <Form.Item name="issueDate" label={t('decisions.issueDate')} rules={[{ required: true, message: t('form.required') }]}>
        <DateInput data-testid="field-issueDate" />
      </Form.Item>
      {needsReason && (
        <Form.Item
          name="overrideReason"
          label={t('decisions.overrideReason')}
          extra={t('decisions.overrideHint')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input.TextArea data-testid="field-overrideReason" maxLength={1000} autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      )}
    </FormDialog>
  );
}

/** Cancelling an issued decision: it stays in the register with the reason; the awards it wrote are withdrawn. */
export function CancelDialog({ decision, onClose }: { decision: DecisionDetail; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelDecision(decision.id);
  return (
    <FormDialog<{ reason: string }, DecisionDetail>
      form={form}
      width={560}
      title={t('decisions.cancelTitle')}
      okText={t('decisions.cancel')}
      cancelText={t('decisions.keep')}
      testId="cancel-form"
      submitTestId="cancel-submit"
      pending={cancel.isPending}
      onSubmit={(values) => cancel.mutateAsync({ version: decision.version, reason: values.reason.trim() })}
      savedMessage={t('decisions.cancelled')}
      onClose={onClose}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('decisions.cancelConfirm')} />
      <Form.Item
        name="reason"
        label={t('decisions.cancelReason')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input.TextArea data-testid="field-cancelReason" maxLength={1000} autoSize={{ minRows: 3, maxRows: 6 }} />
      </Form.Item>
    </FormDialog>
  );
}

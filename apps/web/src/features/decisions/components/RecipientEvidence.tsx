import { useState } from 'react';
import { Alert, Button, Checkbox, Empty, Flex, Modal, Skeleton, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { useRecipientRecords, type Evidence, type SubjectType } from '../api/decisions.ts';

/** The contract's limit on the initiatives and works one recipient's award may rely on. */
export const MAX_EVIDENCE = 20;

interface Subject {
  subjectType: SubjectType;
  subjectId: number;
}

/** "2024 · Cấp cơ sở · Sáng kiến": what tells one initiative or work from another of the same title. */
function useEvidenceFacts() {
  const { t } = useTranslation('registry');
  return (e: Evidence) =>
    [
      e.year,
      t(`vocabulary:initiativeScopes.${e.scope}`, { defaultValue: e.scope }),
      t(`records:evidenceType.${e.evidenceType}`, { defaultValue: e.evidenceType }),
    ].join(' · ');
}

/**
 * The titles of the initiatives and works a recipient's award relies on, read from the recipient's records (only
 * when there are some); while they load, or when the records cannot be read, how many there are.
 */
export function CitedEvidence({
  subjectType,
  subjectId,
  evidenceIds,
  testId,
  countless,
}: Subject & {
  evidenceIds: number[];
  testId?: string;
  /** Nothing until the titles are read (where the count is shown anyway). */
  countless?: boolean;
}) {
  const { t } = useTranslation('registry');
  const records = useRecipientRecords(subjectType, subjectId, evidenceIds.length > 0);
  if (evidenceIds.length === 0) return null;
  const byId = new Map((records.data?.evidence ?? []).map((e) => [e.id, e]));
  if (!records.data)
    return countless ? null : (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('decisions.evidenceCount', { count: evidenceIds.length })}
      </Typography.Text>
    );
  return (
    <ul data-testid={testId} style={{ margin: 0, paddingInlineStart: 18, maxWidth: 280, whiteSpace: 'normal' }}>
      {evidenceIds.map((id) => {
        const e = byId.get(id);
        return (
          <li key={id} data-testid={`cited-evidence-${id}`}>
            {e ? `${e.title} (${e.year})` : `#${id}`}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * In the editor's table of recipients: the initiatives and works chosen for one recipient, and a button that opens
 * the dialog choosing them among the recipient's not yet used ones.
 */
export function EvidencePicker({
  recipient,
  value,
  onChange,
  disabled,
}: {
  recipient: Subject & { name: string };
  value: number[];
  onChange: (ids: number[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('registry');
  const [open, setOpen] = useState(false);
  const key = `${recipient.subjectType}:${recipient.subjectId}`;
  const label = value.length ? t('decisions.evidenceChosen', { count: value.length }) : t('decisions.evidenceChoose');
  return (
    <Flex vertical gap={4} align="flex-start">
      <CitedEvidence subjectType={recipient.subjectType} subjectId={recipient.subjectId} evidenceIds={value} countless />
      <Button
        size="small"
        icon={<PaperClipOutlined />}
        disabled={disabled}
        aria-label={t('decisions.evidenceFor', { label, name: recipient.name })}
        data-testid={`recipient-evidence-${key}`}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      {open && (
        <EvidenceDialog
          recipient={recipient}
          value={value}
          onClose={() => setOpen(false)}
          onDone={(ids) => {
            onChange(ids);
            setOpen(false);
          }}
        />
      )}
    </Flex>
  );
}

/** Ticks among the recipient's initiatives and works not yet used for an award (and those already chosen). */
function EvidenceDialog({
  recipient,
  value,
  onClose,
  onDone,
}: {
  recipient: Subject & { name: string };
  value: number[];
  onClose: () => void;
  onDone: (ids: number[]) => void;
}) {
  const { t } = useTranslation('registry');
  const facts = useEvidenceFacts();
  const records = useRecipientRecords(recipient.subjectType, recipient.subjectId);
  const [chosen, setChosen] = useState<number[]>(value);
  const kept = new Set(value);
  const offered = (records.data?.evidence ?? []).filter((e) => e.usedForAwardId === null || kept.has(e.id));
  // a chosen one gone from the records is listed by its number, so that it can be unticked
  const missing = records.data ? value.filter((id) => !offered.some((e) => e.id === id)) : [];
  const full = chosen.length >= MAX_EVIDENCE;
  const titleId = `evidence-dialog-title-${recipient.subjectType}-${recipient.subjectId}`;

  let body;
  if (records.error) body = <QueryError error={records.error} onRetry={() => void records.refetch()} />;
  else if (!records.data) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (offered.length === 0 && missing.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decisions.evidenceNone')} />;
  else
    body = (
      <div role="group" aria-labelledby={titleId}>
        <Checkbox.Group
          value={chosen}
          onChange={(ids) => setChosen(ids as number[])}
          style={{ width: '100%' }}
          data-testid="evidence-options"
        >
          <Flex vertical gap={8} style={{ width: '100%' }}>
            {offered.map((e) => (
              <Checkbox key={e.id} value={e.id} disabled={full && !chosen.includes(e.id)} data-testid={`evidence-option-${e.id}`}>
                <span style={{ overflowWrap: 'anywhere' }}>{e.title}</span>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {facts(e)}
                </Typography.Text>
              </Checkbox>
            ))}
            {missing.map((id) => (
              <Checkbox key={id} value={id} data-testid={`evidence-option-${id}`}>
                #{id}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </div>
    );

  return (
    <Modal
      open
      width={520}
      title={<span id={titleId}>{t('decisions.evidenceTitle', { name: recipient.name })}</span>}
      okText={t('decisions.evidenceDone')}
      cancelText={t('form.cancel')}
      okButtonProps={{ 'data-testid': 'evidence-done', disabled: !records.data } as never}
      onOk={() => onDone(chosen)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('decisions.evidenceHint', { max: MAX_EVIDENCE })}
      </Typography.Paragraph>
      {full && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('decisions.evidenceFull', { max: MAX_EVIDENCE })} />}
      {body}
    </Modal>
  );
}

import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, ConfigProvider, Empty, Flex, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, FileDoneOutlined, FilePdfOutlined, FileWordOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailScaffold } from '../../../components/ui/DetailScaffold.tsx';
import { FactsCard } from '../../../components/ui/RecordCards.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/use-format.ts';
import {
  documentUrl,
  useDecision,
  useDecisionChecks,
  useDeleteDecision,
  type DecisionChecks,
  type DecisionDetail as Decision,
  type DecisionRecipient,
} from '../api/decisions.ts';
import { CancelDialog, IssueDialog } from './DecisionDialogs.tsx';
import { CitedEvidence } from './RecipientEvidence.tsx';
import { StatusTag } from './StatusTag.tsx';

/** Red at WCAG AA on white (5.9:1) and under white text. */
const DANGER = '#cf1322';
const OUTCOME_COLOURS: Record<string, string> = { met: 'green', notMet: 'red', council: 'gold', notJudged: 'default' };

/** A decision's page: its facts, recipients, the checks before issuing, the document itself, and what may be done. */
export function DecisionDetail({ id, aside }: { id: number; aside?: ReactNode }) {
  const { t } = useTranslation('registry');
  const query = useDecision(id);
  const draft = query.data?.status === 'DRAFT';
  const mayCheck = draft && (query.data!.abilities.issue || query.data!.abilities.update);
  const checks = useDecisionChecks(id, query.data?.version ?? 0, Boolean(mayCheck));

  return (
    <DetailScaffold
      query={query}
      testId="decision-detail"
      backTo="/decisions"
      title={(d) => (
        <Space wrap size={8}>
          <span data-testid="decision-number">{d.number ?? t('decisions.draftTitle')}</span>
          <StatusTag status={d.status} />
        </Space>
      )}
      aside={(d) => (
        <Flex vertical gap={12}>
          {d.status === 'DRAFT' && mayCheck && <ChecksCard query={checks} />}
          {aside}
        </Flex>
      )}
    >
      {(d) => (
        <>
          <ActionsCard decision={d} checks={checks.data} />
          <FactsCardOf decision={d} />
          <RecipientsCard decision={d} />
          <PreviewCard decision={d} />
        </>
      )}
    </DetailScaffold>
  );
}

function ActionsCard({ decision: d, checks }: { decision: Decision; checks?: DecisionChecks }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const remove = useDeleteDecision(d.id);
  const [dialog, setDialog] = useState<'issue' | 'cancel' | null>(null);

  async function deleteDraft() {
    try {
      await remove.mutateAsync();
      void message.success(t('decisions.deleted'));
      void navigate('/decisions', { replace: true });
    } catch (error) {
      void message.error((isApiError(error) && error.message) || t('form.saveFailed'));
    }
  }

  return (
    <Card size="small" data-testid="decision-actions">
      <Typography.Paragraph style={{ marginTop: 0 }} data-testid="decision-summary">
        {d.summary}
      </Typography.Paragraph>
      {/* AntD's danger red (#ff4d4f) reads at 3.3:1 on white; its darker shade at AA */}
      <ConfigProvider theme={{ token: { colorError: DANGER } }}>
        <Flex gap={8} wrap>
          {d.abilities.issue && (
            <Button type="primary" size="small" icon={<FileDoneOutlined />} data-testid="decision-issue" onClick={() => setDialog('issue')}>
              {t('decisions.issue')}
            </Button>
          )}
          {d.abilities.update && (
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid="decision-edit"
              onClick={() => void navigate(`/decisions/${d.id}/edit`)}
            >
              {t('decisions.editDraft')}
            </Button>
          )}
          <Button size="small" icon={<FilePdfOutlined />} href={documentUrl(d.id, 'pdf')} download data-testid="download-pdf">
            {t('decisions.downloadPdf')}
          </Button>
          <Button size="small" icon={<FileWordOutlined />} href={documentUrl(d.id, 'docx')} download data-testid="download-docx">
            {t('decisions.downloadDocx')}
          </Button>
          {d.abilities.replace && (
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid="decision-replace"
              onClick={() => void navigate(`/decisions/new?replaces=${d.id}`)}
            >
              {t('decisions.replace')}
            </Button>
          )}
          {d.abilities.cancel && (
            <Button size="small" danger icon={<StopOutlined />} data-testid="decision-cancel" onClick={() => setDialog('cancel')}>
              {t('decisions.cancel')}
            </Button>
          )}
          {d.abilities.delete && (
            <Popconfirm
              title={t('decisions.deleteConfirm')}
              okText={t('decisions.delete')}
              cancelText={t('form.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' } as never}
              onConfirm={deleteDraft}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="decision-delete">
                {t('decisions.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </ConfigProvider>
      {dialog === 'issue' && <IssueDialog decision={d} checks={checks} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelDialog decision={d} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function FactsCardOf({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const signer = [d.signer.delegation ? `${d.signer.delegation}. ${d.signer.onBehalfOf ?? ''}`.trim() : null, d.signer.title, d.signer.name]
    .filter(Boolean)
    .join(' · ');
  const mono = { fontFamily: 'monospace', overflowWrap: 'anywhere' } as const;
  const items = [
    { key: 'number', label: t('decisions.number'), children: d.number ?? t('decisions.noNumber') },
    { key: 'issueDate', label: t('decisions.issueDate'), children: date(d.issueDate) || '—' },
    { key: 'issuer', label: t('decisions.issuerName'), children: d.issuerName },
    { key: 'symbol', label: t('decisions.symbol'), children: d.symbol },
    { key: 'award', label: t('decisions.award'), children: t(`vocabulary:awards.${d.awardCode}`, { defaultValue: d.awardCode }) },
    { key: 'kind', label: t('decisions.kind'), children: t(`vocabulary:awardKinds.${d.kind}`, { defaultValue: d.kind }) },
    { key: 'year', label: t('decisions.year'), children: d.year },
    { key: 'place', label: t('decisions.place'), children: d.place },
    { key: 'authorityLine', label: t('decisions.authorityLine'), children: d.authorityLine },
    { key: 'signer', label: t('decisions.signer'), children: signer },
    { key: 'achievement', label: t('decisions.achievement'), children: d.achievement },
    ...(d.proposal
      ? [
          {
            key: 'proposal',
            label: t('decisions.proposal'),
            children: `${d.proposal.proposerTitle} · ${d.proposal.number} · ${date(d.proposal.date)}`,
          },
        ]
      : []),
    ...(d.regulation
      ? [
          {
            key: 'regulation',
            label: t('decisions.regulation'),
            children: `${d.regulation.title} (${d.regulation.number}, ${date(d.regulation.date)})`,
          },
        ]
      : []),
    ...(d.copiesTo.length ? [{ key: 'copiesTo', label: t('decisions.copiesTo'), children: d.copiesTo.join(' ') }] : []),
    ...(d.verificationCode
      ? [
          {
            key: 'verificationCode',
            label: t('decisions.verificationCode'),
            children: (
              <a href={`/verify/${encodeURIComponent(d.verificationCode)}`} data-testid="verification-code" style={mono}>
                {d.verificationCode}
              </a>
            ),
          },
        ]
      : []),
    ...(d.pdfSha256
      ? [
          {
            key: 'sha',
            label: t('decisions.sha256'),
            children: (
              <span data-testid="pdf-sha256" style={mono}>
                {d.pdfSha256}
              </span>
            ),
          },
        ]
      : []),
    ...(d.overrideReason ? [{ key: 'override', label: t('decisions.overrideReason'), children: d.overrideReason }] : []),
    ...(d.cancelReason
      ? [{ key: 'cancel', label: t('decisions.cancelReason'), children: <span data-testid="cancel-reason">{d.cancelReason}</span> }]
      : []),
    ...(d.replacesId
      ? [{ key: 'replaces', label: t('decisions.replaces'), children: <Link to={`/decisions/${d.replacesId}`}>#{d.replacesId}</Link> }]
      : []),
    ...(d.replacedById
      ? [
          {
            key: 'replacedBy',
            label: t('decisions.replacedBy'),
            children: <Link to={`/decisions/${d.replacedById}`}>#{d.replacedById}</Link>,
          },
        ]
      : []),
  ];
  return <FactsCard title={t('decisions.facts')} items={items} />;
}

function ChecksCard({ query }: { query: { data?: DecisionChecks; error: unknown; refetch: () => Promise<unknown> } }) {
  const { t } = useTranslation('registry');
  const body = (() => {
    if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Skeleton active paragraph={{ rows: 2 }} />;
    const c = query.data;
    return (
      <Flex vertical gap={8}>
        {c.ineligibleCount > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="checks-warning"
            title={t('decisions.ineligibleWarning', { count: c.ineligibleCount })}
            description={t('decisions.ineligibleHint')}
          />
        ) : (
          <Alert type="success" showIcon data-testid="checks-ok" title={t('decisions.checksOk')} />
        )}
        {c.quota && (
          <Typography.Text type={c.quota.over ? 'danger' : undefined} data-testid="checks-quota">
            {t('decisions.quotaLine', { used: c.quota.used, thisDecision: c.quota.thisDecision, quota: c.quota.quota })}
          </Typography.Text>
        )}
        <ul data-testid="checks-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {c.recipients.map((r) => (
            <li
              key={`${r.subjectType}:${r.subjectId}`}
              data-testid={`check-${r.subjectType}-${r.subjectId}`}
              style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}
            >
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{r.name}</Typography.Text>
                <Tag color={OUTCOME_COLOURS[r.outcome] ?? 'default'} data-testid="check-outcome">
                  {t(`decisions.outcomes.${r.outcome}`, { defaultValue: r.outcome })}
                </Tag>
                {!r.applies && <Tag>{t('decisions.notApplicable')}</Tag>}
              </Flex>
              {r.reasons.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {r.reasons.map((reason, i) => (
                    <li key={i}>{reason}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </Flex>
    );
  })();
  return (
    <Card size="small" title={t('decisions.checks')} data-testid="decision-checks">
      {query.data?.rulebook && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('decisions.rulebook')}: {query.data.rulebook}
        </Typography.Paragraph>
      )}
      {body}
    </Card>
  );
}

function RecipientsCard({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation('registry');
  const { vnd } = useFormat();
  const paid = d.status !== 'DRAFT' && d.recipients.some((r) => r.rewardVnd !== null);
  const cites = d.recipients.some((r) => r.evidenceIds.length > 0);
  const before = cites ? 6 : 5;
  return (
    <Card size="small" title={`${t('decisions.recipients')} (${d.recipients.length})`}>
      <Table<DecisionRecipient>
        data-testid="decision-recipients"
        size="small"
        rowKey={(r) => `${r.subjectType}:${r.subjectId}`}
        scroll={{ x: 'max-content' }}
        pagination={d.recipients.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
        dataSource={d.recipients}
        onRow={() => ({ 'data-testid': 'recipient-row' }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decisions.noRecipients')} /> }}
        columns={[
          { key: 'n', title: t('decisions.ordinal'), width: 48, render: (_, __, i) => i + 1 },
          {
            key: 'name',
            title: t('decisions.recipient'),
            render: (_, r) => <Link to={`/${r.subjectType === 'person' ? 'people' : 'units'}/${r.subjectId}`}>{r.name}</Link>,
          },
          { key: 'type', title: t('decisions.recipientType'), render: (_, r) => t(`decisions.recipientTypes.${r.subjectType}`) },
          { key: 'code', title: t('fields.code'), dataIndex: 'code' },
          {
            key: 'position',
            title: t('decisions.positionUnit'),
            render: (_, r) => [r.position, r.unitName].filter(Boolean).join(', ') || '—',
          },
          ...(cites
            ? [
                {
                  key: 'evidence',
                  title: t('decisions.evidence'),
                  render: (_: unknown, r: DecisionRecipient) =>
                    r.evidenceIds.length ? (
                      <CitedEvidence
                        subjectType={r.subjectType}
                        subjectId={r.subjectId}
                        evidenceIds={r.evidenceIds}
                        testId={`recipient-evidence-${r.subjectType}:${r.subjectId}`}
                      />
                    ) : (
                      '—'
                    ),
                },
              ]
            : []),
          ...(paid
            ? [
                {
                  key: 'reward',
                  title: t('decisions.reward'),
                  align: 'right' as const,
                  render: (_: unknown, r: DecisionRecipient) => (r.rewardVnd === null ? '—' : vnd(r.rewardVnd)),
                },
              ]
            : []),
        ]}
        summary={
          paid && d.totalRewardVnd !== null
            ? () => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={before}>
                    <Typography.Text strong>{t('decisions.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={before} align="right">
                    <Typography.Text strong data-testid="reward-total">
                      {vnd(d.totalRewardVnd)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )
            : undefined
        }
      />
    </Card>
  );
}

/** The document as it will print: the server renders it (a draft marked "DỰ THẢO"; an issued one is the kept file). */
function PreviewCard({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation('registry');
  const name = d.number ?? t('decisions.draftTitle');
  return (
    <Card size="small" title={t('decisions.preview')} data-testid="decision-preview">
      <iframe
        // a new version is a new document: the frame loads it again
        key={d.version}
        data-testid="decision-preview-frame"
        title={t('decisions.previewTitle', { name })}
        src={documentUrl(d.id, 'pdf', true)}
        style={{ width: '100%', height: '70vh', minHeight: 360, border: '1px solid #d9d9d9', display: 'block' }}
      />
    </Card>
  );
}

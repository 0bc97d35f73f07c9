import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Skeleton, Typography, type FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unitSchema } from '@thidua/contracts/units.ts';
import type { AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { AuthoritySelect, useAuthorityOptions } from '../../../components/ui/AuthoritySelect.tsx';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import type { ConflictFields } from '../../../components/ui/StaleWriteNotice.tsx';
import { UnitName, UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { useStaleWrite } from '../../../components/ui/use-stale-write.tsx';
import { api, isApiError } from '../../../lib/api.ts';
import { useReloadRecord } from '../../../lib/history.ts';
import type { SessionUser } from '../../../lib/session.ts';
import {
  useCreateDecision,
  useDecision,
  useUpdateDecision,
  type DecisionDetail,
  type DecisionDraft,
  type DecisionUpdate,
} from '../api/decisions.ts';
import { AWARD_KINDS, DELEGATIONS, conferrableAwards, issuerDefaults, type AwardKind, type Delegation } from './issuer.ts';
import { RecipientsField, type PickedRecipient } from './RecipientsField.tsx';

/** What the editor's form holds; the body sent is built from it. */
export interface DecisionFormValues {
  authorityId?: number;
  issuer: 'authority' | 'unit';
  issuerUnitId?: number | null;
  symbol: string;
  issuerParent?: string | null;
  issuerName: string;
  place: string;
  authorityLine: string;
  signer: { delegation: Delegation | 'NONE'; onBehalfOf?: string | null; title: string; name: string };
  awardCode?: AwardCode;
  kind: AwardKind;
  year: number;
  achievement: string;
  proposal?: { proposerTitle?: string | null; number?: string | null; date?: string | null };
  regulation?: { number?: string | null; date?: string | null; issuerTitle?: string | null; title?: string | null };
  /** One line a receiver. */
  copiesTo?: string;
  recipients: PickedRecipient[];
}

const trim = (v: string | null | undefined) => (v ?? '').trim();
const blank = (v: string | null | undefined) => trim(v) === '';

/** An optional block (the proposal, the regulation): null when every field is empty, else what was typed. */
function optionalBlock<K extends string>(block: Partial<Record<K, string | null>> | undefined, keys: readonly K[]) {
  if (!block || keys.every((k) => blank(block[k]))) return null;
  return Object.fromEntries(keys.map((k) => [k, trim(block[k])])) as Record<K, string>;
}

/** The body the server's contract wants, from the form. */
export function bodyOf(values: DecisionFormValues): Omit<DecisionUpdate, 'version'> {
  return {
    symbol: trim(values.symbol),
    issuerParent: blank(values.issuerParent) ? null : trim(values.issuerParent),
    issuerName: trim(values.issuerName),
    place: trim(values.place),
    authorityLine: trim(values.authorityLine),
    signer: {
      delegation: values.signer.delegation === 'NONE' ? null : values.signer.delegation,
      onBehalfOf: values.signer.delegation === 'NONE' || blank(values.signer.onBehalfOf) ? null : trim(values.signer.onBehalfOf),
      title: trim(values.signer.title),
      name: trim(values.signer.name),
    },
    awardCode: values.awardCode!,
    kind: values.kind,
    year: values.year,
    achievement: trim(values.achievement),
    proposal: optionalBlock(values.proposal, ['proposerTitle', 'number', 'date'] as const),
    regulation: optionalBlock(values.regulation, ['number', 'date', 'issuerTitle', 'title'] as const),
    copiesTo: (values.copiesTo ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    recipients: values.recipients.map((r) => ({
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      ...(r.evidenceIds?.length ? { evidenceIds: r.evidenceIds } : {}),
    })),
  };
}

function valuesOf(d: DecisionDetail): DecisionFormValues {
  return {
    authorityId: d.authorityId,
    issuer: d.issuerUnitId === null ? 'authority' : 'unit',
    issuerUnitId: d.issuerUnitId,
    symbol: d.symbol,
    issuerParent: d.issuerParent,
    issuerName: d.issuerName,
    place: d.place,
    authorityLine: d.authorityLine,
    signer: {
      delegation: d.signer.delegation ?? 'NONE',
      onBehalfOf: d.signer.onBehalfOf ?? null,
      title: d.signer.title,
      name: d.signer.name,
    },
    awardCode: d.awardCode as AwardCode,
    kind: d.kind as AwardKind,
    year: d.year,
    achievement: d.achievement,
    proposal: d.proposal ?? {},
    regulation: d.regulation ?? {},
    copiesTo: d.copiesTo.join('\n'),
    recipients: d.recipients.map((r) => ({
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      name: r.name,
      detail: [r.code, r.position, r.unitName].filter(Boolean).join(' · '),
      evidenceIds: r.evidenceIds,
    })),
  };
}

/**
 * The server names a refused field by its path in the body ("signer.name", "recipients.1.subjectId", "copiesTo.2");
 * each lands on the form's field that holds it. A recipient's message names the recipient.
 */
export function showFieldErrors(form: FormInstance<DecisionFormValues>, fields: Array<{ path: string; message: string }>) {
  const recipients = (form.getFieldValue('recipients') as PickedRecipient[] | undefined) ?? [];
  const grouped = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const f of fields) {
    const parts = f.path.split('.');
    let name: (string | number)[] = parts;
    let message = f.message;
    if (parts[0] === 'recipients') {
      name = ['recipients'];
      const who = parts[1] !== undefined ? recipients[Number(parts[1])] : undefined;
      if (who) message = `${who.name}: ${f.message}`;
    } else if (parts[0] === 'copiesTo') name = ['copiesTo'];
    else if ((parts[0] === 'proposal' || parts[0] === 'regulation') && parts.length === 1)
      name = [parts[0], parts[0] === 'proposal' ? 'number' : 'title'];
    const key = name.join('.');
    const entry = grouped.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    grouped.set(key, entry);
  }
  form.setFields([...grouped.values()].map((g) => ({ name: g.name as never, errors: g.errors })));
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
          {title}
        </Typography.Title>
      }
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

/** A new draft: the issuer is the signed-in officer's authority (or their own unit for a unit officer). */
export function NewDecision({ user, replacesId }: { user: SessionUser; replacesId?: number | null }) {
  const { t } = useTranslation('registry');
  if (!user.abilities.draftDecision) return <Alert type="warning" showIcon data-testid="forbidden" title={t('common:errors.forbidden')} />;
  if (replacesId) return <Correction user={user} replacesId={replacesId} />;
  return <DecisionEditor user={user} />;
}

/** A correction starts as a copy of the issued decision it will replace once it is issued itself. */
function Correction({ user, replacesId }: { user: SessionUser; replacesId: number }) {
  const { t } = useTranslation('registry');
  const query = useDecision(replacesId);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  if (!query.data.abilities.replace) return <Alert type="warning" showIcon data-testid="forbidden" title={t('decisions.cannotReplace')} />;
  return <DecisionEditor user={user} replaces={query.data} />;
}

/** Editing a draft: against the version it was opened at; a stale save shows the saved values beside the typed ones. */
export function EditDecision({ id, user }: { id: number; user: SessionUser }) {
  const query = useDecision(id);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <DecisionEditor user={user} decision={query.data} reload={() => query.refetch()} />;
}

function DecisionEditor({
  user,
  decision,
  replaces,
  reload,
}: {
  user: SessionUser;
  decision?: DecisionDetail;
  /** The issued decision a new draft corrects. */
  replaces?: DecisionDetail;
  reload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DecisionFormValues>();
  const { date } = useFormat();
  const create = useCreateDecision();
  const update = useUpdateDecision(decision?.id ?? 0);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = decision !== undefined;
  // a correction keeps the issuer of the decision it replaces and starts from its content
  const prefilled = editing || replaces !== undefined;
  const unitOfficer = user.unitId !== null && user.role === 'UNIT_OFFICER';
  const chooseAuthority = !prefilled && user.authorityId === null;

  const initialValues: DecisionFormValues = decision
    ? valuesOf(decision)
    : replaces
      ? valuesOf(replaces)
      : {
          authorityId: user.authorityId ?? undefined,
          issuer: unitOfficer ? 'unit' : 'authority',
          issuerUnitId: unitOfficer ? user.unitId : null,
          symbol: '',
          issuerName: '',
          place: '',
          authorityLine: '',
          signer: { delegation: 'NONE', onBehalfOf: null, title: '', name: '' },
          kind: 'CONG_TRANG',
          year: new Date().getFullYear() - 1,
          achievement: '',
          copiesTo: '',
          recipients: [],
        };
  const refresh = useReloadRecord(reload ?? (() => Promise.resolve()));
  const stale = useStaleWrite<DecisionFormValues>({ form, initialValues, version: decision?.version ?? 0, onReload: refresh });

  const authorityId = Form.useWatch('authorityId', form) ?? initialValues.authorityId;
  const issuer = Form.useWatch('issuer', form) ?? initialValues.issuer;
  const issuerUnitId = Form.useWatch('issuerUnitId', form) ?? initialValues.issuerUnitId;
  const delegation = Form.useWatch(['signer', 'delegation'], form) ?? initialValues.signer.delegation;
  const awards = conferrableAwards(issuer === 'unit');

  // The issuer's records give the document's defaults (name, place, the power it acts under, the usual signer)
  const authorities = useAuthorityOptions();
  const authority = authorities.data?.items.find((a) => a.id === authorityId);
  const unit = useQuery({
    queryKey: ['units', 'option', issuerUnitId],
    queryFn: ({ signal }) => api.get(unitSchema, `/units/${issuerUnitId}`, undefined, signal),
    enabled: issuer === 'unit' && issuerUnitId != null,
    staleTime: 5 * 60_000,
  });
  const unitFacts = issuer === 'unit' ? (unit.data ?? null) : null;
  useEffect(() => {
    if (prefilled || !authority || (issuer === 'unit' && !unitFacts)) return;
    const d = issuerDefaults(authority, unitFacts);
    const untouched = (name: string | string[]) => !form.isFieldTouched(name as never);
    const set: Array<[string[], unknown]> = [
      [['symbol'], d.symbol],
      [['issuerParent'], d.issuerParent],
      [['issuerName'], d.issuerName],
      [['place'], d.place],
      [['authorityLine'], d.authorityLine],
      [['signer', 'delegation'], d.signer.delegation],
      [['signer', 'onBehalfOf'], d.signer.onBehalfOf],
      [['signer', 'title'], d.signer.title],
    ];
    form.setFields(set.filter(([name]) => untouched(name)).map(([name, value]) => ({ name: name as never, value })));
  }, [prefilled, authority, unitFacts, issuer, form]);

  // an award the issuer may not confer is not kept when the issuer changes
  useEffect(() => {
    const award = form.getFieldValue('awardCode') as AwardCode | undefined;
    if (award && !conferrableAwards(issuer === 'unit').includes(award)) form.setFieldValue('awardCode', undefined);
  }, [issuer, form]);

  async function submit(values: DecisionFormValues) {
    setFailure(null);
    stale.clear();
    setSaving(true);
    try {
      const body = bodyOf({ ...initialValues, ...values, signer: { ...initialValues.signer, ...values.signer } });
      const saved = decision
        ? await update.mutateAsync({ ...body, version: stale.version })
        : await create.mutateAsync({
            ...body,
            authorityId: values.authorityId ?? initialValues.authorityId!,
            issuerUnitId: (values.issuer ?? initialValues.issuer) === 'unit' ? (values.issuerUnitId ?? null) : null,
            ...(replaces ? { replacesId: replaces.id } : {}),
          } satisfies DecisionDraft);
      void message.success(t(decision ? 'decisions.saved' : 'decisions.created'));
      void navigate(`/decisions/${saved.id}`);
    } catch (error) {
      if (decision && stale.handle(error)) return;
      if (isApiError(error) && error.fields.length) showFieldErrors(form, error.fields);
      setFailure((isApiError(error) && error.message) || t('form.saveFailed'));
    } finally {
      setSaving(false);
    }
  }

  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  const requiredPick = [{ required: true, message: t('form.required') }];
  const title = decision ? t('decisions.editTitle') : replaces ? t('decisions.correctionTitle') : t('decisions.new');
  const conflictFields: ConflictFields<DecisionFormValues> = {
    authorityId: { label: t('fields.authority') },
    issuer: { label: t('decisions.issuerUnit') },
    issuerUnitId: { label: t('decisions.issuerUnit') },
    symbol: { label: t('decisions.symbol') },
    issuerParent: { label: t('decisions.issuerParent') },
    issuerName: { label: t('decisions.issuerName') },
    place: { label: t('decisions.place') },
    authorityLine: { label: t('decisions.authorityLine') },
    signer: {
      label: t('decisions.signer'),
      show: (s) =>
        s ? [s.delegation === 'NONE' ? '' : `${s.delegation}. ${s.onBehalfOf ?? ''}`, s.title, s.name].filter(Boolean).join(' · ') : '—',
    },
    awardCode: { label: t('decisions.award'), show: (v) => t(`vocabulary:awards.${v}`) },
    kind: { label: t('decisions.kind'), show: (v) => t(`vocabulary:awardKinds.${v}`) },
    year: { label: t('decisions.year') },
    achievement: { label: t('decisions.achievement') },
    proposal: { label: t('decisions.proposal'), show: (p) => (p ? [p.proposerTitle, p.number, p.date].filter(Boolean).join(' · ') : '—') },
    regulation: { label: t('decisions.regulation'), show: (r) => (r ? [r.number, r.date, r.title].filter(Boolean).join(' · ') : '—') },
    copiesTo: { label: t('decisions.copiesTo') },
    recipients: { label: t('decisions.recipients'), show: (rs) => (rs ?? []).map((r) => r.name).join(', ') },
  };

  return (
    <div data-testid="decision-editor">
      <PageHeader title={title} backTo={decision ? `/decisions/${decision.id}` : replaces ? `/decisions/${replaces.id}` : '/decisions'} />
      <Form<DecisionFormValues>
        form={form}
        layout="vertical"
        size="small"
        data-testid="decision-form"
        initialValues={initialValues}
        disabled={saving}
        scrollToFirstError
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setFailure(null)}
      >
        <Flex vertical gap={12}>
          {decision && stale.notice(conflictFields, () => setTimeout(() => form.focusField('symbol')))}
          {failure && <Alert type="error" showIcon data-testid="save-error" title={failure} />}
          {replaces && (
            <Alert
              type="info"
              showIcon
              data-testid="correction-notice"
              title={t('decisions.correctionNotice', { number: replaces.number ?? '', date: date(replaces.issueDate) })}
            />
          )}
          <Section title={t('decisions.issuingBody')} testId="section-issuer">
            <Row gutter={12}>
              {chooseAuthority && (
                <Col xs={24} md={12}>
                  <Form.Item name="authorityId" label={t('fields.authority')} rules={requiredPick}>
                    <AuthoritySelect data-testid="field-authorityId" allowClear={false} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
              {prefilled || unitOfficer ? (
                <Col xs={24} md={12}>
                  <Form.Item label={t('decisions.issuerUnit')}>
                    <Typography.Text data-testid="fixed-issuer">
                      {issuer === 'unit' && issuerUnitId != null ? <UnitName id={issuerUnitId} /> : t('decisions.issuerSelf')}
                    </Typography.Text>
                  </Form.Item>
                </Col>
              ) : (
                <>
                  <Col xs={24} md={12}>
                    <Form.Item name="issuer" label={t('decisions.issuerUnit')}>
                      <Radio.Group
                        data-testid="field-issuer"
                        options={[
                          { value: 'authority', label: t('decisions.issuerSelf') },
                          { value: 'unit', label: t('decisions.issuerOneUnit') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  {issuer === 'unit' && (
                    <Col xs={24} md={12}>
                      <Form.Item name="issuerUnitId" label={t('fields.unit')} rules={requiredPick}>
                        <UnitSelect data-testid="field-issuerUnitId" authorityId={authorityId} style={{ width: '100%', minWidth: 0 }} />
                      </Form.Item>
                    </Col>
                  )}
                </>
              )}
            </Row>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="symbol" label={t('decisions.symbol')} rules={required} extra={t('decisions.symbolHint')}>
                  <Input data-testid="field-symbol" maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="issuerParent" label={t('decisions.issuerParent')}>
                  <Input data-testid="field-issuerParent" maxLength={160} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="issuerName" label={t('decisions.issuerName')} rules={required}>
                  <Input data-testid="field-issuerName" maxLength={160} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="place" label={t('decisions.place')} rules={required}>
                  <Input data-testid="field-place" maxLength={80} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="authorityLine" label={t('decisions.authorityLine')} rules={required}>
                  <Input data-testid="field-authorityLine" maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
          </Section>
          <Section title={t('decisions.signer')} testId="section-signer">
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name={['signer', 'delegation']} label={t('decisions.delegation')}>
                  <Select
                    data-testid="field-delegation"
                    options={[
                      { value: 'NONE', label: t('decisions.delegations.NONE') },
                      ...DELEGATIONS.map((d) => ({ value: d, label: t(`decisions.delegations.${d}`) })),
                    ]}
                  />
                </Form.Item>
              </Col>
              {delegation !== 'NONE' && (
                <Col xs={24} md={16}>
                  <Form.Item name={['signer', 'onBehalfOf']} label={t('decisions.onBehalfOf')} rules={required}>
                    <Input data-testid="field-onBehalfOf" maxLength={120} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name={['signer', 'title']} label={t('decisions.signerTitle')} rules={required}>
                  <Input data-testid="field-signerTitle" maxLength={120} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['signer', 'name']} label={t('decisions.signerName')} rules={required}>
                  <Input data-testid="field-signerName" maxLength={120} />
                </Form.Item>
              </Col>
            </Row>
          </Section>
          <Section title={t('decisions.content')} testId="section-award">
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="awardCode" label={t('decisions.award')} rules={requiredPick} extra={t('decisions.awardHint')}>
                  <Select
                    data-testid="field-awardCode"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={awards.map((a) => ({ value: a, label: t(`vocabulary:awards.${a}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="kind" label={t('decisions.kind')} rules={requiredPick}>
                  <Select
                    data-testid="field-kind"
                    options={AWARD_KINDS.map((k) => ({ value: k, label: t(`vocabulary:awardKinds.${k}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name="year" label={t('decisions.year')} rules={requiredPick}>
                  <Select data-testid="field-year" options={yearChoices().map((y) => ({ value: y, label: String(y) }))} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="achievement" label={t('decisions.achievement')} rules={required} extra={t('decisions.achievementHint')}>
                  <Input.TextArea data-testid="field-achievement" maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
                </Form.Item>
              </Col>
            </Row>
          </Section>
          <Section title={t('decisions.recipients')} testId="section-recipients">
            <Form.Item
              name="recipients"
              label={t('decisions.addRecipient')}
              rules={[
                {
                  validator: (_, v: PickedRecipient[] | undefined) =>
                    v?.length ? Promise.resolve() : Promise.reject(new Error(t('decisions.recipientsRequired'))),
                },
              ]}
            >
              <RecipientsField authorityId={authorityId} unitId={issuer === 'unit' ? issuerUnitId : null} />
            </Form.Item>
          </Section>
          <Section title={t('decisions.basis')} testId="section-basis">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('decisions.basisHint')}
            </Typography.Paragraph>
            <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
              {t('decisions.proposal')}
            </Typography.Title>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name={['proposal', 'proposerTitle']} label={t('decisions.proposerTitle')}>
                  <Input data-testid="field-proposerTitle" maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={['proposal', 'number']} label={t('decisions.proposalNumber')}>
                  <Input data-testid="field-proposalNumber" maxLength={60} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={['proposal', 'date']} label={t('decisions.proposalDate')}>
                  <DateInput data-testid="field-proposalDate" />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
              {t('decisions.regulation')}
            </Typography.Title>
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name={['regulation', 'number']} label={t('decisions.regulationNumber')}>
                  <Input data-testid="field-regulationNumber" maxLength={60} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={['regulation', 'date']} label={t('decisions.regulationDate')}>
                  <DateInput data-testid="field-regulationDate" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['regulation', 'issuerTitle']} label={t('decisions.regulationIssuer')}>
                  <Input data-testid="field-regulationIssuer" maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name={['regulation', 'title']} label={t('decisions.regulationTitle')}>
                  <Input data-testid="field-regulationTitle" maxLength={500} />
                </Form.Item>
              </Col>
            </Row>
          </Section>
          <Section title={t('decisions.copiesTo')} testId="section-copies">
            <Form.Item name="copiesTo" label={t('decisions.copiesTo')} extra={t('decisions.copiesToHint')}>
              <Input.TextArea data-testid="field-copiesTo" autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
          </Section>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="decision-save">
              {t('decisions.saveDraft')}
            </Button>
            <Button
              data-testid="decision-editor-cancel"
              onClick={() => void navigate(decision ? `/decisions/${decision.id}` : '/decisions')}
            >
              {t('form.cancel')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </div>
  );
}

/** Achievement years: this year and the seven before it (decisions usually commend last year's work). */
function yearChoices(now = new Date().getFullYear()): number[] {
  return Array.from({ length: 8 }, (_, i) => now - i);
}

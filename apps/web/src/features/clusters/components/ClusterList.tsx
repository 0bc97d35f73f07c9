import { useState } from 'react';
import { Card, Col, Form, Input, Row, Select, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { CreateButton } from '../../../components/ui/CreateButton.tsx';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { FilterSelect, ListToolbar } from '../../../components/ui/ListToolbar.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { RegistryTable } from '../../../components/ui/RegistryTable.tsx';
import { useListParams } from '../../../lib/list-params.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { CLUSTER_KINDS, useClusters, useCreateCluster, type Cluster, type NewCluster } from '../api/clusters.ts';

const FILTERS = ['kind', 'authorityId', 'year'] as const;

export function yearOptions(around = new Date().getFullYear()): number[] {
  return Array.from({ length: 8 }, (_, i) => around + 1 - i);
}

export function ClusterList({ canEdit = false, defaultAuthorityId }: { canEdit?: boolean; defaultAuthorityId?: number | null }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const list = useListParams(FILTERS);
  const { params, setFilter } = list;
  const query = useClusters(params);
  const year = Number(params.filters.year) || new Date().getFullYear();
  const [creating, setCreating] = useState(false);

  return (
    <div data-testid="cluster-list">
      <PageHeader
        title={t('clusters.title')}
        extra={
          canEdit && (
            <CreateButton testId="cluster-new" onClick={() => setCreating(true)}>
              {t('clusters.new')}
            </CreateButton>
          )
        }
      />
      <Card size="small">
        <ListToolbar list={list} searchPlaceholder={t('clusters.searchPlaceholder')}>
          <FilterSelect
            data-testid="filter-kind"
            name="kind"
            list={list}
            width={140}
            placeholder={t('filters.kind')}
            options={CLUSTER_KINDS.map((k) => ({ value: k, label: t(`clusterKind.${k}`) }))}
          />
          <AuthoritySelect
            data-testid="filter-authority"
            value={Number(params.filters.authorityId) || undefined}
            onChange={(v) => setFilter('authorityId', v)}
          />
          <Select
            data-testid="filter-year"
            aria-label={t('filters.year')}
            size="small"
            style={{ width: 120 }}
            value={year}
            onChange={(v) => setFilter('year', v === new Date().getFullYear() ? undefined : v)}
            options={yearOptions().map((y) => ({ value: y, label: t('filters.yearValue', { year: y }) }))}
          />
        </ListToolbar>
        <RegistryTable<Cluster>
          data-testid="cluster-table"
          query={query}
          list={list}
          emptyHint={canEdit ? t('list.emptyAddHint') : undefined}
          scroll={{ x: 1100 }}
          rowTestId={(c) => `cluster-row-${c.id}`}
          columns={[
            { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 90 },
            {
              key: 'name',
              width: 280,
              title: t('fields.name'),
              render: (_, c) => (
                <Link to={`/clusters/${c.id}`} data-testid={`cluster-link-${c.id}`}>
                  {c.name}
                </Link>
              ),
            },
            { key: 'kind', title: t('fields.kind'), width: 80, render: (_, c) => <Tag>{t(`clusterKind.${c.kind}`)}</Tag> },
            { key: 'authority', title: t('fields.authority'), dataIndex: 'authorityName', width: 170 },
            {
              key: 'decision',
              title: t('clusters.decision'),
              width: 190,
              render: (_, c) => (c.decisionNumber ? `${c.decisionNumber}${c.decisionDate ? ` · ${date(c.decisionDate)}` : ''}` : '—'),
            },
            { key: 'members', title: t('clusters.memberCountOfYear', { year }), dataIndex: 'memberCount', width: 110, align: 'right' },
            { key: 'head', title: t('clusters.head'), render: (_, c) => c.headUnitName ?? '—' },
            { key: 'deputy', title: t('clusters.deputy'), render: (_, c) => c.deputyUnitName ?? '—' },
          ]}
        />
      </Card>
      {creating && <NewClusterDialog defaultAuthorityId={defaultAuthorityId ?? undefined} onClose={() => setCreating(false)} />}
    </div>
  );
}

type NewClusterForm = Omit<NewCluster, 'authorityId'> & { authorityId?: number };

/** A cluster or block exists by a decision of its organising authority; both are registered together. */
function NewClusterDialog({ onClose, defaultAuthorityId }: { onClose: () => void; defaultAuthorityId?: number }) {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  const [form] = Form.useForm<NewClusterForm>();
  const create = useCreateCluster();
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  const requiredPick = [{ required: true, message: t('form.required') }];
  const trim = (v: string | null | undefined) => (v ?? '').trim();

  return (
    <FormDialog<NewClusterForm, Cluster>
      form={form}
      width={760}
      title={t('clusters.new')}
      okText={t('form.create')}
      submitTestId="cluster-submit"
      testId="cluster-create-form"
      initialValues={{ authorityId: defaultAuthorityId, kind: 'CLUSTER' }}
      pending={create.isPending}
      onSubmit={({ decision: d, ...values }) =>
        create.mutateAsync({
          authorityId: values.authorityId!,
          code: trim(values.code),
          kind: values.kind,
          name: trim(values.name),
          activeFrom: values.activeFrom,
          activeTo: values.activeTo ?? null,
          decision: {
            number: trim(d.number),
            issuedOn: d.issuedOn,
            issuer: trim(d.issuer),
            signerName: trim(d.signerName),
            signerTitle: trim(d.signerTitle),
            summary: trim(d.summary),
          },
        })
      }
      savedMessage={t('clusters.created')}
      onSaved={(cluster) => navigate(`/clusters/${cluster.id}`)}
      onValuesChange={(changed) => {
        // the cluster usually starts on the day of its decision
        if (changed.decision?.issuedOn && !form.getFieldValue('activeFrom')) form.setFieldValue('activeFrom', changed.decision.issuedOn);
      }}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="authorityId" label={t('clusters.organisingBody')} rules={requiredPick}>
            <AuthoritySelect data-testid="field-authorityId" allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="kind" label={t('fields.kind')} rules={requiredPick}>
            <Select data-testid="field-kind" options={CLUSTER_KINDS.map((k) => ({ value: k, label: t(`clusterKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="code" label={t('fields.code')} rules={required}>
            <Input data-testid="field-code" maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('fields.name')} rules={required}>
        <Input data-testid="field-name" maxLength={300} placeholder={t('clusters.namePlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="activeFrom" label={t('clusters.activeFrom')} rules={requiredPick}>
            <DateInput data-testid="field-activeFrom" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="activeTo" label={t('clusters.activeTo')}>
            <DateInput data-testid="field-activeTo" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('clusters.decisionTitle')}
      </Typography.Title>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={['decision', 'number']} label={t('decision.number')} rules={required} extra={t('clusters.decisionNumberHint')}>
            <Input data-testid="field-decision-number" maxLength={60} placeholder="1197/QĐ-UBND" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['decision', 'issuedOn']} label={t('decision.issuedOn')} rules={requiredPick}>
            <DateInput data-testid="field-decision-issuedOn" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['decision', 'issuer']} label={t('decision.issuer')} rules={required}>
            <Input data-testid="field-decision-issuer" maxLength={200} placeholder={t('clusters.issuerPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['decision', 'signerTitle']} label={t('clusters.signerTitle')} rules={required}>
            <Input data-testid="field-decision-signerTitle" maxLength={120} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['decision', 'signerName']} label={t('clusters.signerName')} rules={required}>
            <Input data-testid="field-decision-signerName" maxLength={120} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['decision', 'summary']} label={t('decision.summary')} rules={required}>
        <Input.TextArea data-testid="field-decision-summary" maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormDialog>
  );
}

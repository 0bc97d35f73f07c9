import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Form, InputNumber, Row, Select, Switch, Table } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { FIRST_YEAR, ROUNDINGS, useQuotaPolicies, useSaveQuotaPolicy, type QuotaPolicy } from '../api/eligibility.ts';
import { useAwardOptions } from './award-options.ts';

/** An issuing authority's quotas: "CSTĐCS at most 15 % of those rated LĐTT, rounded down, at least one". */
export function QuotaPolicies({ defaultAuthorityId }: { defaultAuthorityId: number | null }) {
  const { t } = useTranslation('records');
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const authorityId = chosen ?? defaultAuthorityId ?? null;
  const query = useQuotaPolicies(authorityId);
  const [editing, setEditing] = useState<Partial<QuotaPolicy> | null>(null);
  const award = (code: string | null) => (code ? t(`vocabulary:awards.${code}`, { defaultValue: code }) : '—');
  // the issuer's own board sets its quotas: the server says so with the list
  const canSet = query.data?.abilities.set ?? false;
  const policies = [...(query.data?.items ?? [])].sort((a, b) => a.awardCode.localeCompare(b.awardCode) || b.year - a.year);

  return (
    <Card
      size="small"
      title={t('quota.policiesTitle')}
      data-testid="quota-policies"
      extra={
        <Flex gap={8}>
          <AuthoritySelect data-testid="quota-authority" allowClear={false} value={authorityId} onChange={(v) => setChosen(v)} />
          {canSet && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={authorityId === null}
              data-testid="quota-add"
              onClick={() => setEditing({ year: new Date().getFullYear(), rounding: 'floor', minOne: true, baseAwardCode: null })}
            >
              {t('quota.add')}
            </Button>
          )}
        </Flex>
      }
    >
      {authorityId === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quota.chooseAuthority')} />
      ) : query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<QuotaPolicy>
          scroll={{ x: 'max-content' }}
          data-testid="quota-policy-table"
          size="small"
          rowKey={(p) => `${p.awardCode}-${p.year}`}
          loading={query.isFetching}
          pagination={false}
          dataSource={policies}
          onRow={() => ({ 'data-testid': 'quota-policy-row' }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quota.noPolicies')} /> }}
          columns={[
            { key: 'award', title: t('quota.award'), render: (_, p) => award(p.awardCode) },
            { key: 'year', title: t('quota.fromYear'), dataIndex: 'year', width: 80 },
            {
              key: 'rate',
              title: t('quota.rate'),
              width: 80,
              align: 'right',
              render: (_, p) => t('quota.percent', { value: p.ratePercent }),
            },
            {
              key: 'rounding',
              title: t('quota.rounding'),
              render: (_, p) => t(`quota.roundings.${p.rounding}`, { defaultValue: p.rounding }),
            },
            { key: 'minOne', title: t('quota.minOne'), width: 90, render: (_, p) => t(p.minOne ? 'batch.yes' : 'batch.no') },
            { key: 'base', title: t('quota.baseAward'), render: (_, p) => award(p.baseAwardCode) },
            ...(canSet
              ? [
                  {
                    key: 'edit',
                    title: '',
                    width: 40,
                    render: (_: unknown, p: QuotaPolicy) => (
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={t('quota.edit')}
                        data-testid="quota-edit"
                        onClick={() => setEditing(p)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && authorityId !== null && <QuotaDialog authorityId={authorityId} initial={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function QuotaDialog({ authorityId, initial, onClose }: { authorityId: number; initial: Partial<QuotaPolicy>; onClose: () => void }) {
  const { t } = useTranslation('records');
  const [form] = Form.useForm<QuotaPolicy>();
  const save = useSaveQuotaPolicy(authorityId);
  const awardOptions = useAwardOptions();
  const required = t('form.required');

  return (
    <FormDialog<QuotaPolicy>
      form={form}
      width={560}
      title={t('quota.dialogTitle')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      submitTestId="quota-submit"
      testId="quota-form"
      initialValues={initial}
      pending={save.isPending}
      failureFallback={t('messages.saveFailed')}
      onSubmit={(values) => save.mutateAsync({ ...values, minOne: values.minOne ?? false, baseAwardCode: values.baseAwardCode ?? null })}
      savedMessage={t('quota.saved')}
      onClose={onClose}
    >
      <Form.Item name="awardCode" label={t('quota.award')} rules={[{ required: true, message: required }]}>
        <Select data-testid="field-awardCode" showSearch={{ optionFilterProp: 'label' }} options={awardOptions} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="year" label={t('quota.fromYear')} rules={[{ required: true, message: required }]}>
            <InputNumber data-testid="field-year" style={{ width: '100%' }} precision={0} min={FIRST_YEAR} max={2200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="ratePercent" label={t('quota.rate')} rules={[{ required: true, message: required }]}>
            <InputNumber data-testid="field-ratePercent" style={{ width: '100%' }} min={0.01} max={100} step={1} precision={2} suffix="%" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="rounding" label={t('quota.rounding')} rules={[{ required: true, message: required }]}>
            <Select data-testid="field-rounding" options={ROUNDINGS.map((r) => ({ value: r, label: t(`quota.roundings.${r}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="baseAwardCode" label={t('quota.baseAward')} extra={t('quota.baseAwardHint')}>
            <Select data-testid="field-baseAwardCode" allowClear showSearch={{ optionFilterProp: 'label' }} options={awardOptions} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="minOne" label={t('quota.minOne')} valuePropName="checked">
            <Switch data-testid="field-minOne" size="small" />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

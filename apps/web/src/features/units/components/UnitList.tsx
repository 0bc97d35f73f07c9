import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { blankToNull } from '../../../lib/forms.ts';
import { PAGE_SIZES, useListParams } from '../../../lib/list-params.ts';
import { UNIT_TYPES, useCreateUnit, useUnits, type NewUnit, type Unit } from '../api/units.ts';
import { UnitFormFields } from './UnitFormFields.tsx';

const FILTERS = ['authorityId', 'unitType'] as const;

export function UnitList({ canEdit, defaultAuthorityId }: { canEdit: boolean; defaultAuthorityId?: number | null }) {
  const { t } = useTranslation('registry');
  const { params, setQuery, setFilter, setPage } = useListParams(FILTERS);
  const query = useUnits(params);
  const [creating, setCreating] = useState(false);

  return (
    <div data-testid="unit-list">
      <PageHeader
        title={t('units.title')}
        extra={
          canEdit && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="unit-new">
              {t('units.new')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            key={params.q}
            data-testid="list-search"
            size="small"
            allowClear
            style={{ width: 280 }}
            placeholder={t('units.searchPlaceholder')}
            defaultValue={params.q}
            onSearch={setQuery}
          />
          <AuthoritySelect data-testid="filter-authority" value={Number(params.filters.authorityId) || undefined} onChange={(v) => setFilter('authorityId', v)} />
          <Select
            data-testid="filter-unitType"
            size="small"
            allowClear
            style={{ width: 240 }}
            placeholder={t('fields.unitType')}
            value={params.filters.unitType}
            onChange={(v) => setFilter('unitType', v)}
            options={UNIT_TYPES.map((u) => ({ value: u, label: t(`unitType.${u}`) }))}
          />
        </Flex>
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Unit>
            data-testid="unit-table"
            size="small"
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 1000 }}
            onRow={(u) => ({ 'data-testid': `unit-row-${u.id}` }) as React.HTMLAttributes<HTMLElement>}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: query.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              size: 'small',
              showTotal: (total) => t('list.total', { count: total }),
              onChange: setPage,
            }}
            columns={[
              { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 110 },
              {
                key: 'name',
                width: 260,
                title: t('fields.name'),
                render: (_, u) => (
                  <Link to={`/units/${u.id}`} data-testid={`unit-link-${u.id}`}>
                    {u.name}
                  </Link>
                ),
              },
              { key: 'short', title: t('fields.shortName'), width: 140, render: (_, u) => u.shortName ?? '' },
              { key: 'type', title: t('fields.unitType'), width: 210, render: (_, u) => t(`unitType.${u.unitType}`, { defaultValue: u.unitType }) },
              { key: 'authority', title: t('fields.authority'), dataIndex: 'authorityName', width: 160 },
              { key: 'parent', title: t('units.parent'), width: 180, render: (_, u) => u.parentName ?? '' },
              {
                key: 'capital',
                title: t('units.stateCapitalShort'),
                width: 90,
                align: 'right',
                render: (_, u) => (u.stateCapitalPct == null ? '' : `${u.stateCapitalPct}%`),
              },
              { key: 'status', title: '', width: 90, render: (_, u) => u.dissolvedOn && <Tag>{t('units.dissolved')}</Tag> },
            ]}
          />
        )}
      </Card>
      {creating && <NewUnitDialog defaultAuthorityId={defaultAuthorityId ?? undefined} onClose={() => setCreating(false)} />}
    </div>
  );
}

type NewUnitForm = Omit<NewUnit, 'authorityId'> & { authorityId?: number };

function NewUnitDialog({ onClose, defaultAuthorityId }: { onClose: () => void; defaultAuthorityId?: number }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewUnitForm>();
  const create = useCreateUnit();
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(values: NewUnitForm) {
    setFailure(null);
    try {
      const unit = await create.mutateAsync(blankToNull({ ...values, legalEntity: values.legalEntity ?? false }) as NewUnit);
      void message.success(t('units.created'));
      onClose();
      navigate(`/units/${unit.id}`);
    } catch (error) {
      if (isApiError(error) && error.fields.length) {
        form.setFields(error.fields.map((f) => ({ name: f.path.split('.') as never, errors: [f.message] })));
      }
      setFailure((isApiError(error) && error.message) || t('form.saveFailed'));
    }
  }

  return (
    <Modal
      open
      width={720}
      title={t('units.new')}
      okText={t('form.create')}
      cancelText={t('form.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<NewUnitForm>
        form={form}
        data-testid="unit-create-form"
        layout="vertical"
        size="small"
        initialValues={{ authorityId: defaultAuthorityId, legalEntity: true }}
        onFinish={(values) => void submit(values)}
      >
        {failure && <Alert type="error" showIcon data-testid="save-error" style={{ marginBottom: 12 }} title={failure} />}
        <Flex gap={12}>
          <Form.Item name="authorityId" label={t('fields.authority')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: 1 }}>
            <AuthoritySelect allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="code" label={t('fields.code')} rules={[{ required: true, whitespace: true, message: t('form.required') }]} style={{ width: 180 }}>
            <Input data-testid="field-code" maxLength={50} />
          </Form.Item>
        </Flex>
        <UnitFormFields />
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Row, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { isApiError } from '../../../lib/api.ts';
import { blankToNull } from '../../../lib/forms.ts';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { PAGE_SIZES, useListParams } from '../../../lib/list-params.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { GENDERS, useCreatePerson, usePeople, type NewPerson, type Person } from '../api/people.ts';

const FILTERS = ['unitId', 'gender'] as const;

export function PersonList({ canEdit = false, defaultUnitId }: { canEdit?: boolean; defaultUnitId?: number | null }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const { params, setQuery, setFilter, setPage } = useListParams(FILTERS);
  const query = usePeople(params);
  const [creating, setCreating] = useState(false);

  return (
    <div data-testid="person-list">
      <PageHeader
        title={t('people.title')}
        extra={
          canEdit && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="person-new">
              {t('people.new')}
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
            placeholder={t('people.searchPlaceholder')}
            defaultValue={params.q}
            onSearch={setQuery}
          />
          <UnitSelect data-testid="filter-unit" value={Number(params.filters.unitId) || undefined} onChange={(v) => setFilter('unitId', v)} />
          <Select
            data-testid="filter-gender"
            size="small"
            allowClear
            style={{ width: 120 }}
            placeholder={t('people.gender')}
            value={params.filters.gender}
            onChange={(v) => setFilter('gender', v)}
            options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          />
        </Flex>
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Person>
            data-testid="person-table"
            size="small"
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            scroll={{ x: 800 }}
            onRow={(p) => ({ 'data-testid': `person-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>}
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
                width: 220,
                title: t('people.fullName'),
                render: (_, p) => (
                  <Link to={`/people/${p.id}`} data-testid={`person-link-${p.id}`}>
                    {p.fullName}
                  </Link>
                ),
              },
              { key: 'gender', title: t('people.gender'), width: 90, render: (_, p) => t(`gender.${p.gender}`) },
              { key: 'birth', title: t('people.birthDate'), width: 110, render: (_, p) => date(p.birthDate) },
              {
                key: 'unit',
                title: t('fields.unit'),
                render: (_, p) => (p.unitId ? <Link to={`/units/${p.unitId}`}>{p.unitName}</Link> : ''),
              },
            ]}
          />
        )}
      </Card>
      {creating && <NewPersonDialog defaultUnitId={defaultUnitId ?? (Number(params.filters.unitId) || undefined)} onClose={() => setCreating(false)} />}
    </div>
  );
}

type NewPersonForm = Omit<NewPerson, 'unitId'> & { unitId?: number };

function NewPersonDialog({ onClose, defaultUnitId }: { onClose: () => void; defaultUnitId?: number }) {
  const { t } = useTranslation('registry');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewPersonForm>();
  const create = useCreatePerson();
  const [failure, setFailure] = useState<string | null>(null);
  const required = [{ required: true, whitespace: true, message: t('form.required') }];

  async function submit(values: NewPersonForm) {
    setFailure(null);
    try {
      const person = await create.mutateAsync(blankToNull(values) as NewPerson);
      void message.success(t('people.created'));
      onClose();
      navigate(`/people/${person.id}`);
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
      width={640}
      title={t('people.new')}
      okText={t('form.create')}
      cancelText={t('form.cancel')}
      okButtonProps={{ 'data-testid': 'person-submit' } as never}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<NewPersonForm>
        form={form}
        data-testid="person-create-form"
        layout="vertical"
        size="small"
        initialValues={{ unitId: defaultUnitId }}
        disabled={create.isPending}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setFailure(null)}
      >
        {failure && <Alert type="error" showIcon data-testid="save-error" style={{ marginBottom: 12 }} title={failure} />}
        <Form.Item name="unitId" label={t('fields.unit')} rules={[{ required: true, message: t('form.required') }]}>
          <UnitSelect data-testid="field-unitId" style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={t('fields.code')} rules={required} extra={t('people.codeHint')}>
              <Input data-testid="field-code" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="fullName" label={t('people.fullName')} rules={required}>
              <Input data-testid="field-fullName" maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="gender" label={t('people.gender')} rules={[{ required: true, message: t('form.required') }]}>
              <Select data-testid="field-gender" options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthDate" label={t('people.birthDate')}>
              <DateInput data-testid="field-birthDate" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

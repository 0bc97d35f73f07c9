import { useState } from 'react';
import { Card, Col, Form, Input, Row, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateButton } from '../../../components/ui/CreateButton.tsx';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { FilterSelect, ListToolbar } from '../../../components/ui/ListToolbar.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { RegistryTable } from '../../../components/ui/RegistryTable.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { blankToNull } from '../../../lib/forms.ts';
import { useListParams } from '../../../lib/list-params.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { GENDERS, useCreatePerson, usePeople, type NewPerson, type PersonItem } from '../api/people.ts';

const FILTERS = ['unitId', 'gender'] as const;

export function PersonList({ canEdit = false, defaultUnitId }: { canEdit?: boolean; defaultUnitId?: number | null }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const list = useListParams(FILTERS);
  const { params, setFilter } = list;
  const query = usePeople(params);
  const [creating, setCreating] = useState(false);

  return (
    <div data-testid="person-list">
      <PageHeader
        title={t('people.title')}
        extra={
          canEdit && (
            <CreateButton testId="person-new" onClick={() => setCreating(true)}>
              {t('people.new')}
            </CreateButton>
          )
        }
      />
      <Card size="small">
        <ListToolbar list={list} searchPlaceholder={t('people.searchPlaceholder')}>
          <UnitSelect
            data-testid="filter-unit"
            value={Number(params.filters.unitId) || undefined}
            onChange={(v) => setFilter('unitId', v)}
          />
          <FilterSelect
            data-testid="filter-gender"
            name="gender"
            list={list}
            width={120}
            placeholder={t('people.gender')}
            options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          />
        </ListToolbar>
        <RegistryTable<PersonItem>
          data-testid="person-table"
          query={query}
          list={list}
          emptyHint={canEdit ? t('list.emptyAddHint') : undefined}
          scroll={{ x: 800 }}
          rowTestId={(p) => `person-row-${p.id}`}
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
      </Card>
      {creating && (
        <NewPersonDialog defaultUnitId={defaultUnitId ?? (Number(params.filters.unitId) || undefined)} onClose={() => setCreating(false)} />
      )}
    </div>
  );
}

type NewPersonForm = Omit<NewPerson, 'unitId'> & { unitId?: number };

function NewPersonDialog({ onClose, defaultUnitId }: { onClose: () => void; defaultUnitId?: number }) {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  const [form] = Form.useForm<NewPersonForm>();
  const create = useCreatePerson();
  const required = [{ required: true, whitespace: true, message: t('form.required') }];

  return (
    <FormDialog<NewPersonForm, PersonItem>
      form={form}
      width={640}
      title={t('people.new')}
      okText={t('form.create')}
      submitTestId="person-submit"
      testId="person-create-form"
      initialValues={{ unitId: defaultUnitId }}
      pending={create.isPending}
      onSubmit={(values) => create.mutateAsync(blankToNull(values) as NewPerson)}
      savedMessage={t('people.created')}
      onSaved={(person) => navigate(`/people/${person.id}`)}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}

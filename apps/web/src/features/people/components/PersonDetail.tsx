import { useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Select, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format.ts';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { DetailScaffold } from '../../../components/ui/DetailScaffold.tsx';
import { EditCard, FactsCard } from '../../../components/ui/RecordCards.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { isApiError } from '../../../lib/api.ts';
import { blankToNull } from '../../../lib/forms.ts';
import { useReloadRecord } from '../../../lib/history.ts';
import { useFormat } from '../../../lib/use-format.ts';
import {
  GENDERS,
  useAddPosition,
  usePerson,
  useRemovePosition,
  useUpdatePerson,
  type NewPosition,
  type Person,
  type PersonFields,
  type Position,
} from '../api/people.ts';

/** `children`: further cards of other features, composed by the route, below the record's own. */
export function PersonDetail({ id, aside, children }: { id: number; aside?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation('registry');
  const date = useDateFormat();
  const query = usePerson(id);
  const update = useUpdatePerson(id);
  const reload = useReloadRecord(() => query.refetch());
  const [form] = Form.useForm<PersonFields>();

  return (
    <DetailScaffold query={query} testId="person-detail" backTo="/people" title={(person) => person.fullName} aside={aside}>
      {(person) => (
        <>
          <FactsCard
            title={t('people.general')}
            items={[
              { key: 'code', label: t('fields.code'), children: person.code },
              {
                key: 'unit',
                label: t('fields.unit'),
                children: person.unitId ? <Link to={`/units/${person.unitId}`}>{person.unitName}</Link> : '—',
              },
            ]}
          />
          <PositionsCard person={person} />
          <EditCard<PersonFields>
            testId="person-form"
            form={form}
            version={person.version}
            canEdit={person.abilities.update}
            facts={[
              { key: 'fullName', label: t('people.fullName'), children: person.fullName },
              { key: 'gender', label: t('people.gender'), children: t(`gender.${person.gender}`) },
              { key: 'birthDate', label: t('people.birthDate'), children: date(person.birthDate) || '—' },
            ]}
            initialValues={{ fullName: person.fullName, gender: person.gender, birthDate: person.birthDate }}
            onSave={(values) => update.mutateAsync(blankToNull(values))}
            onReload={reload}
            fields={{
              fullName: { label: t('people.fullName') },
              gender: { label: t('people.gender'), show: (v) => t(`gender.${v}`) },
              birthDate: { label: t('people.birthDate') },
            }}
          >
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="fullName"
                  label={t('people.fullName')}
                  rules={[{ required: true, whitespace: true, message: t('form.required') }]}
                >
                  <Input data-testid="field-fullName" maxLength={255} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="gender" label={t('people.gender')} rules={[{ required: true, message: t('form.required') }]}>
                  <Select data-testid="field-gender" options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="birthDate" label={t('people.birthDate')}>
                  <DateInput data-testid="field-birthDate" />
                </Form.Item>
              </Col>
            </Row>
          </EditCard>
          {children}
        </>
      )}
    </DetailScaffold>
  );
}

/** Where the person worked and in which position; current positions have no end date. */
function PositionsCard({ person }: { person: Person }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const remove = useRemovePosition(person.id);
  const positions = [...person.positions].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? 1 : -1));

  async function removePosition(p: Position) {
    try {
      await remove.mutateAsync(p.id);
      void message.success(t('people.positionRemoved'));
    } catch (error) {
      void message.error((isApiError(error) && error.message) || t('form.saveFailed'));
    }
  }

  return (
    <Card
      size="small"
      title={t('people.positions')}
      extra={
        person.abilities.addPosition && (
          <Button size="small" icon={<PlusOutlined />} data-testid="position-add" onClick={() => setAdding(true)}>
            {t('people.addPosition')}
          </Button>
        )
      }
    >
      <Table<Position>
        scroll={{ x: 'max-content' }}
        data-testid="person-positions"
        size="small"
        rowKey="id"
        pagination={false}
        loading={remove.isPending}
        dataSource={positions}
        onRow={() => ({ 'data-testid': 'position-row' }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noPositions')} /> }}
        columns={[
          { key: 'title', title: t('people.positionTitle'), dataIndex: 'title' },
          { key: 'unit', title: t('fields.unit'), render: (_, p) => <Link to={`/units/${p.unitId}`}>{p.unitName}</Link> },
          { key: 'from', title: t('fields.from'), width: 100, render: (_, p) => date(p.from) || '—' },
          { key: 'to', title: t('fields.to'), width: 100, render: (_, p) => date(p.to) || t('people.current') },
          ...(person.abilities.removePosition
            ? [
                {
                  key: 'remove',
                  title: '',
                  width: 40,
                  render: (_: unknown, p: Position) => (
                    <Popconfirm
                      title={t('people.confirmRemovePosition', { title: p.title })}
                      okText={t('people.removePosition')}
                      cancelText={t('form.cancel')}
                      okButtonProps={{ 'data-testid': 'confirm-remove-position', danger: true } as never}
                      onConfirm={() => removePosition(p)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('people.removePosition')}
                        data-testid="position-remove"
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddPositionDialog person={person} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function AddPositionDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<NewPosition>();
  const add = useAddPosition(person.id);

  return (
    <FormDialog<NewPosition>
      form={form}
      width={560}
      title={t('people.addPosition')}
      okText={t('form.create')}
      submitTestId="position-submit"
      testId="position-form"
      initialValues={{ unitId: person.unitId ?? undefined }}
      pending={add.isPending}
      onSubmit={(values) =>
        add.mutateAsync({ unitId: values.unitId, title: values.title.trim(), from: values.from, to: values.to ?? null })
      }
      savedMessage={t('people.positionAdded')}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('people.positionTitle')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input data-testid="field-title" maxLength={200} placeholder={t('people.positionPlaceholder')} />
      </Form.Item>
      <Form.Item name="unitId" label={t('fields.unit')} rules={[{ required: true, message: t('form.required') }]}>
        <UnitSelect data-testid="field-unitId" style={{ width: '100%' }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="from" label={t('fields.from')} rules={[{ required: true, message: t('form.required') }]}>
            <DateInput data-testid="field-from" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="to" label={t('fields.to')} extra={t('people.toHint')}>
            <DateInput data-testid="field-to" />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

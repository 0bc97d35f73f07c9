import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Empty, Flex, Form, Input, Row, Select, Skeleton, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { VersionedForm } from '../../../components/ui/VersionedForm.tsx';
import { blankToNull } from '../../../lib/forms.ts';
import { useReloadRecord } from '../../../lib/history.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { GENDERS, usePerson, useUpdatePerson, type PersonFields, type Position } from '../api/people.ts';

/** `children`: further cards of other features, composed by the route, below the record's own. */
export function PersonDetail({ id, canEdit, aside, children }: { id: number; canEdit: boolean; aside?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation('registry');
  const { date } = useFormat();
  const query = usePerson(id);
  const update = useUpdatePerson(id);
  const reload = useReloadRecord(() => query.refetch());
  const [form] = Form.useForm<PersonFields>();

  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const person = query.data;
  const positions = [...person.positions].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? 1 : -1));

  return (
    <div data-testid="person-detail">
      <PageHeader backTo="/people" title={person.fullName} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('people.general')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'code', label: t('fields.code'), children: person.code },
                  {
                    key: 'unit',
                    label: t('fields.unit'),
                    children: person.unitId ? <Link to={`/units/${person.unitId}`}>{person.unitName}</Link> : '—',
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('people.positions')}>
              <Table<Position>
                data-testid="person-positions"
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={positions}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noPositions')} /> }}
                columns={[
                  { key: 'title', title: t('people.positionTitle'), dataIndex: 'title' },
                  { key: 'unit', title: t('fields.unit'), render: (_, p) => <Link to={`/units/${p.unitId}`}>{p.unitName}</Link> },
                  { key: 'from', title: t('fields.from'), width: 100, render: (_, p) => date(p.from) || '—' },
                  { key: 'to', title: t('fields.to'), width: 100, render: (_, p) => date(p.to) || t('people.current') },
                ]}
              />
            </Card>
            <Card size="small" title={t('form.editTitle')}>
              <VersionedForm<PersonFields>
                testId="person-form"
                form={form}
                version={person.version}
                canEdit={canEdit}
                initialValues={{ fullName: person.fullName, gender: person.gender, birthDate: person.birthDate }}
                onSave={(values) => update.mutateAsync(blankToNull(values))}
                onReload={reload}
              >
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item name="fullName" label={t('people.fullName')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
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
              </VersionedForm>
            </Card>
            {children}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          {aside}
        </Col>
      </Row>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Col, Form, Input, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DetailScaffold } from '../../../components/ui/DetailScaffold.tsx';
import { EditCard, FactsCard } from '../../../components/ui/RecordCards.tsx';
import { blankToNull } from '../../../lib/forms.ts';
import { useReloadRecord } from '../../../lib/history.ts';
import { useAuthority, useUpdateAuthority, type AuthorityFields } from '../api/authorities.ts';
import { AuthorityOverview } from './AuthorityOverview.tsx';

export function AuthorityDetail({ id, aside }: { id: number; aside?: ReactNode }) {
  const { t } = useTranslation('registry');
  const query = useAuthority(id);
  const update = useUpdateAuthority(id);
  const reload = useReloadRecord(() => query.refetch());
  const [form] = Form.useForm<AuthorityFields>();

  return (
    <DetailScaffold query={query} testId="authority-detail" backTo="/authorities" title={(authority) => authority.name} aside={aside}>
      {(authority) => (
        <>
          <FactsCard
            title={t('authorities.general')}
            items={[
              { key: 'code', label: t('fields.code'), children: authority.code },
              { key: 'kind', label: t('fields.kind'), children: <Tag>{t(`authorityKind.${authority.kind}`)}</Tag> },
            ]}
          />
          <EditCard<AuthorityFields>
            testId="authority-form"
            form={form}
            version={authority.version}
            canEdit={authority.abilities.update}
            facts={[
              { key: 'name', label: t('fields.name'), children: authority.name },
              { key: 'shortName', label: t('fields.shortName'), children: authority.shortName || '—' },
              { key: 'place', label: t('authorities.place'), children: authority.place || '—' },
            ]}
            initialValues={{ name: authority.name, shortName: authority.shortName, place: authority.place }}
            onSave={(values) => update.mutateAsync(blankToNull(values))}
            onReload={reload}
            fields={{
              name: { label: t('fields.name') },
              shortName: { label: t('fields.shortName') },
              place: { label: t('authorities.place') },
            }}
          >
            <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
              <Input data-testid="field-name" maxLength={255} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="shortName" label={t('fields.shortName')}>
                  <Input data-testid="field-shortName" maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="place" label={t('authorities.place')}>
                  <Input data-testid="field-place" maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
          </EditCard>
          <AuthorityOverview authority={authority} />
        </>
      )}
    </DetailScaffold>
  );
}

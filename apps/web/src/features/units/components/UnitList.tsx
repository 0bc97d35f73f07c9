import { useState } from 'react';
import { Card, Flex, Form, Input, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthoritySelect } from '../../../components/ui/AuthoritySelect.tsx';
import { CreateButton } from '../../../components/ui/CreateButton.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import { FilterSelect, ListToolbar } from '../../../components/ui/ListToolbar.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { RegistryTable } from '../../../components/ui/RegistryTable.tsx';
import { blankToNull } from '../../../lib/forms.ts';
import { useListParams } from '../../../lib/list-params.ts';
import { UNIT_TYPES, useCreateUnit, useUnits, type NewUnit, type Unit } from '../api/units.ts';
import { UnitFormFields } from './UnitFormFields.tsx';

const FILTERS = ['authorityId', 'unitType'] as const;

export function UnitList({ canEdit, defaultAuthorityId }: { canEdit: boolean; defaultAuthorityId?: number | null }) {
  const { t } = useTranslation('registry');
  const list = useListParams(FILTERS);
  const { params, setFilter } = list;
  const query = useUnits(params);
  const [creating, setCreating] = useState(false);

  return (
    <div data-testid="unit-list">
      <PageHeader
        title={t('units.title')}
        extra={
          canEdit && (
            <CreateButton testId="unit-new" onClick={() => setCreating(true)}>
              {t('units.new')}
            </CreateButton>
          )
        }
      />
      <Card size="small">
        <ListToolbar list={list} searchPlaceholder={t('units.searchPlaceholder')}>
          <AuthoritySelect
            data-testid="filter-authority"
            value={Number(params.filters.authorityId) || undefined}
            onChange={(v) => setFilter('authorityId', v)}
          />
          <FilterSelect
            data-testid="filter-unitType"
            name="unitType"
            list={list}
            width={240}
            placeholder={t('fields.unitType')}
            options={UNIT_TYPES.map((u) => ({ value: u, label: t(`unitType.${u}`) }))}
          />
        </ListToolbar>
        <RegistryTable<Unit>
          data-testid="unit-table"
          query={query}
          list={list}
          emptyHint={canEdit ? t('list.emptyAddHint') : undefined}
          scroll={{ x: 1000 }}
          rowTestId={(u) => `unit-row-${u.id}`}
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
            {
              key: 'type',
              title: t('fields.unitType'),
              width: 210,
              render: (_, u) => t(`unitType.${u.unitType}`, { defaultValue: u.unitType }),
            },
            { key: 'authority', title: t('fields.authority'), dataIndex: 'authorityName', width: 160 },
            // a column only when the page has a unit under another: an always-empty column says nothing
            ...(query.data?.items.some((u) => u.parentName)
              ? [{ key: 'parent', title: t('units.parent'), width: 180, render: (_: unknown, u: Unit) => u.parentName ?? '' }]
              : []),
            {
              key: 'capital',
              title: t('units.stateCapitalShort'),
              width: 90,
              align: 'right',
              render: (_, u) => (u.stateCapitalPct == null ? '' : `${u.stateCapitalPct}%`),
            },
            {
              key: 'status',
              title: t('units.status'),
              width: 120,
              render: (_, u) => (u.dissolvedOn ? <Tag>{t('units.dissolved')}</Tag> : <Tag color="green">{t('units.active')}</Tag>),
            },
          ]}
        />
      </Card>
      {creating && <NewUnitDialog defaultAuthorityId={defaultAuthorityId ?? undefined} onClose={() => setCreating(false)} />}
    </div>
  );
}

type NewUnitForm = Omit<NewUnit, 'authorityId'> & { authorityId?: number };

function NewUnitDialog({ onClose, defaultAuthorityId }: { onClose: () => void; defaultAuthorityId?: number }) {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  const [form] = Form.useForm<NewUnitForm>();
  const create = useCreateUnit();

  return (
    <FormDialog<NewUnitForm, Unit>
      form={form}
      width={720}
      title={t('units.new')}
      okText={t('form.create')}
      testId="unit-create-form"
      initialValues={{ authorityId: defaultAuthorityId, legalEntity: true }}
      pending={create.isPending}
      lockWhilePending={false}
      keepFailure
      onSubmit={(values) => create.mutateAsync(blankToNull({ ...values, legalEntity: values.legalEntity ?? false }) as NewUnit)}
      savedMessage={t('units.created')}
      onSaved={(unit) => navigate(`/units/${unit.id}`)}
      onClose={onClose}
    >
      <Flex gap={12}>
        <Form.Item
          name="authorityId"
          label={t('fields.authority')}
          rules={[{ required: true, message: t('form.required') }]}
          style={{ flex: 1 }}
        >
          <AuthoritySelect allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('fields.code')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
          style={{ width: 180 }}
        >
          <Input data-testid="field-code" maxLength={50} />
        </Form.Item>
      </Flex>
      <UnitFormFields />
    </FormDialog>
  );
}

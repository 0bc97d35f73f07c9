import type { ReactNode } from 'react';
import { Form, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format.ts';
import { DetailScaffold } from '../../../components/ui/DetailScaffold.tsx';
import { EditCard, FactsCard } from '../../../components/ui/RecordCards.tsx';
import { UnitName } from '../../../components/ui/UnitSelect.tsx';
import { blankToNull } from '../../../lib/forms.ts';
import { useReloadRecord } from '../../../lib/history.ts';
import { useUnit, useUpdateUnit, type Unit, type UnitFields, type UnitRef } from '../api/units.ts';
import { UnitClusters } from './UnitClusters.tsx';
import { UnitFormFields } from './UnitFormFields.tsx';

function fieldsOf(unit: Unit): UnitFields {
  return {
    name: unit.name,
    shortName: unit.shortName,
    unitType: unit.unitType,
    legalEntity: unit.legalEntity,
    stateCapitalPct: unit.stateCapitalPct,
    parentId: unit.parentId,
    province: unit.province,
    taxCode: unit.taxCode,
    foundedOn: unit.foundedOn,
    dissolvedOn: unit.dissolvedOn,
  };
}

function UnitLinks({ units }: { units: UnitRef[] }) {
  if (!units.length) return <>—</>;
  return (
    <Space size={4} wrap>
      {units.map((u) => (
        <Link key={u.id} to={`/units/${u.id}`}>
          {u.name}
        </Link>
      ))}
    </Space>
  );
}

/** `children`: further cards of other features, composed by the route, below the record's own. */
export function UnitDetail({ id, aside, children }: { id: number; aside?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation('registry');
  const date = useDateFormat();
  const query = useUnit(id);
  const update = useUpdateUnit(id);
  const reload = useReloadRecord(() => query.refetch());
  const [form] = Form.useForm<UnitFields>();

  return (
    <DetailScaffold
      query={query}
      testId="unit-detail"
      backTo="/units"
      title={(unit) => (
        <Space>
          {unit.name}
          {unit.dissolvedOn && <Tag>{t('units.dissolved')}</Tag>}
        </Space>
      )}
      aside={aside}
    >
      {(unit) => (
        <>
          <FactsCard
            title={t('units.general')}
            items={[
              { key: 'code', label: t('fields.code'), children: unit.code },
              { key: 'authority', label: t('fields.authority'), children: unit.authorityName },
              { key: 'type', label: t('fields.unitType'), children: t(`unitType.${unit.unitType}`, { defaultValue: unit.unitType }) },
              {
                key: 'parent',
                label: t('units.parent'),
                children: unit.parentId ? <Link to={`/units/${unit.parentId}`}>{unit.parentName}</Link> : '—',
              },
              { key: 'predecessors', label: t('units.predecessors'), children: <UnitLinks units={unit.predecessors} /> },
              { key: 'successors', label: t('units.successors'), children: <UnitLinks units={unit.successors} /> },
            ]}
          />
          <UnitClusters unitId={unit.id} />
          <EditCard<UnitFields>
            testId="unit-form"
            form={form}
            version={unit.version}
            canEdit={unit.abilities.update}
            facts={[
              { key: 'name', label: t('fields.name'), children: unit.name },
              { key: 'shortName', label: t('fields.shortName'), children: unit.shortName || '—' },
              { key: 'legalEntity', label: t('units.legalEntity'), children: t(unit.legalEntity ? 'units.yes' : 'units.no') },
              {
                key: 'stateCapitalPct',
                label: t('units.stateCapitalPct'),
                children: unit.stateCapitalPct == null ? '—' : `${unit.stateCapitalPct}%`,
              },
              { key: 'province', label: t('units.province'), children: unit.province || '—' },
              { key: 'taxCode', label: t('units.taxCode'), children: unit.taxCode || '—' },
              { key: 'foundedOn', label: t('units.foundedOn'), children: date(unit.foundedOn) || '—' },
              { key: 'dissolvedOn', label: t('units.dissolvedOn'), children: date(unit.dissolvedOn) || '—' },
            ]}
            initialValues={fieldsOf(unit)}
            onSave={(values) => update.mutateAsync(blankToNull(values))}
            onReload={reload}
            fields={{
              name: { label: t('fields.name') },
              shortName: { label: t('fields.shortName') },
              unitType: { label: t('fields.unitType'), show: (v) => t(`unitType.${v}`, { defaultValue: v ?? '' }) },
              legalEntity: { label: t('units.legalEntity'), show: (v) => t(v ? 'units.yes' : 'units.no') },
              stateCapitalPct: { label: t('units.stateCapitalPct'), show: (v) => `${v}%` },
              parentId: { label: t('units.parent'), show: (v) => (v == null ? '—' : <UnitName id={v} />) },
              province: { label: t('units.province') },
              taxCode: { label: t('units.taxCode') },
              foundedOn: { label: t('units.foundedOn') },
              dissolvedOn: { label: t('units.dissolvedOn') },
            }}
          >
            <UnitFormFields unitId={unit.id} />
          </EditCard>
          {children}
        </>
      )}
    </DetailScaffold>
  );
}

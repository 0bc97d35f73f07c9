import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { UNIT_TYPES } from '../api/units.ts';

/** The editable fields of a unit, shared by the edit form and the "new unit" dialog. */
export function UnitFormFields({ unitId }: { unitId?: number }) {
  const { t } = useTranslation('registry');
  return (
    <Row gutter={12}>
      <Col span={24}>
        <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input data-testid="field-name" maxLength={255} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="shortName" label={t('fields.shortName')}>
          <Input data-testid="field-shortName" maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="unitType" label={t('fields.unitType')} rules={[{ required: true, message: t('form.required') }]}>
          <Select data-testid="field-unitType" options={UNIT_TYPES.map((u) => ({ value: u, label: t(`unitType.${u}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="parentId" label={t('units.parent')}>
          <UnitSelect data-testid="field-parentId" exclude={unitId} placeholder={t('units.noParent')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="legalEntity" label={t('units.legalEntity')} valuePropName="checked">
          <Switch size="small" data-testid="field-legalEntity" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="stateCapitalPct" label={t('units.stateCapitalPct')}>
          <InputNumber data-testid="field-stateCapitalPct" min={0} max={100} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="province" label={t('units.province')}>
          <Input data-testid="field-province" maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="taxCode" label={t('units.taxCode')} rules={[{ pattern: /^\d{10}(-\d{3})?$/, message: t('units.taxCodeFormat') }]}>
          <Input data-testid="field-taxCode" maxLength={14} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="foundedOn" label={t('units.foundedOn')}>
          <DateInput data-testid="field-foundedOn" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="dissolvedOn" label={t('units.dissolvedOn')}>
          <DateInput data-testid="field-dissolvedOn" />
        </Form.Item>
      </Col>
    </Row>
  );
}

// The writes of a cluster's page: members of a year, head and deputy, the rotating flag.
import { Alert, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { flagReceiverYears } from '@thidua/domain/clusters/membership.ts';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { FormDialog, type FormDialogProps } from '../../../components/ui/FormDialog.tsx';
import { UnitSelect } from '../../../components/ui/UnitSelect.tsx';
import { sortByVietnamese } from '../../../lib/format.ts';
import {
  useAddMember,
  useHandOverFlag,
  useSetLeadership,
  type ClusterDetail,
  type FlagHandover,
  type Leadership,
  type NewMembership,
} from '../api/clusters.ts';

interface DialogProps {
  cluster: ClusterDetail;
  onClose: () => void;
}

/** A small form in a dialog: the server's field errors land on the fields, its message on top. */
function WriteDialog<V extends object>({
  testId,
  ...dialog
}: Pick<FormDialogProps<V, unknown>, 'title' | 'form' | 'initialValues' | 'pending' | 'versioned' | 'onSubmit' | 'onClose' | 'children'> & {
  testId: string;
}) {
  const { t } = useTranslation('registry');
  return (
    <FormDialog<V>
      {...dialog}
      width={560}
      okText={t('clusters.saveChange')}
      submitTestId={`${testId}-submit`}
      testId={`${testId}-form`}
      savedMessage={t('clusters.savedChange')}
    />
  );
}

/** The member units of one year, in Vietnamese order, for pickers. */
function memberOptions(cluster: ClusterDetail, year: number) {
  return sortByVietnamese(
    cluster.memberships.filter((m) => m.year === year),
    (m) => m.unitName,
  ).map((m) => ({ value: m.unitId, label: m.unitName }));
}

export function AddMemberDialog({ cluster, year, onClose, onAdded }: DialogProps & { year: number; onAdded: (year: number) => void }) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<NewMembership>();
  const add = useAddMember(cluster.id);
  const required = [{ required: true, message: t('form.required') }];
  return (
    <WriteDialog<NewMembership>
      title={t('clusters.addMember')}
      testId="member"
      form={form}
      initialValues={{ year }}
      pending={add.isPending}
      onClose={onClose}
      onSubmit={async (values) => {
        await add.mutateAsync({ unitId: values.unitId, year: values.year, from: values.from ?? null, to: values.to ?? null });
        onAdded(values.year);
      }}
    >
      <Row gutter={12}>
        <Col span={18}>
          <Form.Item name="unitId" label={t('fields.unit')} rules={required}>
            <UnitSelect data-testid="field-unitId" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="year" label={t('filters.year')} rules={required}>
            <InputNumber data-testid="field-year" style={{ width: '100%' }} precision={0} min={1945} max={2200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="from" label={t('fields.from')} extra={t('clusters.memberDatesHint')}>
            <DateInput data-testid="field-from" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="to" label={t('fields.to')}>
            <DateInput data-testid="field-to" />
          </Form.Item>
        </Col>
      </Row>
    </WriteDialog>
  );
}

/** The head and deputy as the dialog edits them; the version goes with the save. */
type LeadershipForm = Omit<Leadership, 'version'>;

export function LeadershipDialog({ cluster, year, onClose, onReload }: DialogProps & { year: number; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<LeadershipForm>();
  const set = useSetLeadership(cluster.id);
  const current = cluster.leadership.find((l) => l.year === year);
  const options = memberOptions(cluster, year);
  const head = Form.useWatch('headUnitId', form);
  const unitName = (id: number | null | undefined) => options.find((o) => o.value === id)?.label ?? `#${id}`;
  return (
    <WriteDialog<LeadershipForm>
      title={t(`clusters.setLeadership.${cluster.kind}`, { year })}
      testId="leadership"
      form={form}
      initialValues={{ headUnitId: current?.headUnitId ?? undefined, deputyUnitId: current?.deputyUnitId ?? undefined }}
      pending={set.isPending}
      onClose={onClose}
      versioned={{
        version: current?.version ?? 0,
        onReload,
        fields: {
          headUnitId: { label: t(`clusters.headOf.${cluster.kind}`), show: unitName },
          deputyUnitId: { label: t(`clusters.deputyOf.${cluster.kind}`), show: unitName },
        },
      }}
      onSubmit={(values, version) =>
        set.mutateAsync({ year, headUnitId: values.headUnitId, deputyUnitId: values.deputyUnitId ?? null, version })
      }
    >
      <Form.Item
        name="headUnitId"
        label={t(`clusters.headOf.${cluster.kind}`)}
        rules={[{ required: true, message: t('form.required') }]}
        extra={t('clusters.leadersAreMembers', { year })}
      >
        <Select data-testid="field-headUnitId" showSearch={{ optionFilterProp: 'label' }} options={options} />
      </Form.Item>
      <Form.Item name="deputyUnitId" label={t(`clusters.deputyOf.${cluster.kind}`)}>
        <Select
          data-testid="field-deputyUnitId"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={options.filter((o) => o.value !== head)}
        />
      </Form.Item>
    </WriteDialog>
  );
}

export function FlagDialog({ cluster, year, onClose }: DialogProps & { year: number }) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<FlagHandover>();
  const handOver = useHandOverFlag(cluster.id);
  const from = Form.useWatch('from', form);
  // the flag passes to a member of the hand-over's year or of the year before (the January conference reviews it)
  const [flagYear, previous] = from ? flagReceiverYears(from) : [year, year - 1];
  const receivers = [
    ...new Map([...memberOptions(cluster, flagYear), ...memberOptions(cluster, previous)].map((o) => [o.value, o])).values(),
  ];
  const holder = cluster.flagCustody.find((f) => f.to === null);
  return (
    <WriteDialog<FlagHandover>
      title={t('clusters.handOverFlag')}
      testId="flag"
      form={form}
      pending={handOver.isPending}
      onClose={onClose}
      onSubmit={(values) => handOver.mutateAsync({ unitId: values.unitId, from: values.from, note: values.note?.trim() || null })}
    >
      {holder && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('clusters.flagClosesPrevious', { unit: holder.unitName })} />
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="from" label={t('clusters.flagFrom')} rules={[{ required: true, message: t('form.required') }]}>
            <DateInput data-testid="field-from" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="unitId"
            label={t('clusters.flagReceiver')}
            rules={[{ required: true, message: t('form.required') }]}
            extra={t('clusters.flagReceiverHint', { year: flagYear, previous })}
          >
            <Select data-testid="field-unitId" showSearch={{ optionFilterProp: 'label' }} options={receivers} />
          </Form.Item>
        </Col>
      </Row>
      {receivers.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="flag-no-receivers"
          title={t('clusters.flagNoReceivers', { year: flagYear, previous })}
        />
      )}
      <Form.Item name="note" label={t('fields.note')}>
        <Input.TextArea data-testid="field-note" maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </WriteDialog>
  );
}

// The head's settings of a round: weights, how cross scores combine, tie-breaks, leading places, deadlines.
import { Col, Form, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/ui/DateInput.tsx';
import { FormDialog } from '../../../components/ui/FormDialog.tsx';
import type { ConflictFields } from '../../../components/ui/StaleWriteNotice.tsx';
import { useCriteriaGroups, useRoundBoard, useSaveSettings, type RoundBoard, type TieBreak } from '../api/scoring.ts';
import { useTieBreakLabel } from './shared.tsx';

export interface SettingsForm {
  weightSelf: number;
  weightCross: number;
  crossMethod: 'mean' | 'median' | 'trimmedMean';
  missingCross: 'self' | 'zero';
  /** 'fullItems', 'fewerPenalties', 'earlierSubmission' or 'group:<code>', in the order chosen. */
  tieBreaks: string[];
  leadingPlaces: number;
  deadlineSelf: string | null;
  deadlineCross: string | null;
  acceptLate: boolean;
}

const FIXED_TIE_BREAKS = ['fullItems', 'fewerPenalties', 'earlierSubmission'] as const;
const encode = (tb: TieBreak) => (typeof tb === 'string' ? tb : `group:${tb.group}`);
const decode = (value: string): TieBreak =>
  value.startsWith('group:') ? { group: value.slice('group:'.length) } : (value as (typeof FIXED_TIE_BREAKS)[number]);

export function settingsForm(board: RoundBoard): SettingsForm {
  const s = board.settings;
  return {
    weightSelf: s.weights.self,
    weightCross: s.weights.cross,
    crossMethod: s.crossMethod,
    missingCross: s.missingCross,
    tieBreaks: s.tieBreaks.map(encode),
    leadingPlaces: s.leadingPlaces,
    // a deadline given as an instant is edited as its day
    deadlineSelf: s.deadlines.self?.slice(0, 10) ?? null,
    deadlineCross: s.deadlines.cross?.slice(0, 10) ?? null,
    acceptLate: s.acceptLate,
  };
}

export function RoundSettingsDialog({ board, onClose }: { board: RoundBoard; onClose: () => void }) {
  const { t } = useTranslation('scoring');
  const [form] = Form.useForm<SettingsForm>();
  const ref = { clusterId: board.clusterId, year: board.year, period: board.period };
  const save = useSaveSettings(ref);
  const boardQuery = useRoundBoard(ref);
  const groups = useCriteriaGroups(ref);
  const tieBreak = useTieBreakLabel();
  const initial = settingsForm(board);
  const required = [{ required: true, message: t('errors.required') }];
  const groupCodes = new Set([
    ...(groups.data ?? []).map((g) => g.code),
    ...board.settings.tieBreaks.flatMap((tb) => (typeof tb === 'string' ? [] : [tb.group])),
  ]);
  const tieBreakOptions = [
    ...FIXED_TIE_BREAKS.map((v) => ({ value: v, label: tieBreak(v) })),
    ...[...groupCodes].map((code) => ({ value: `group:${code}`, label: tieBreak({ group: code }) })),
  ];
  const fields: ConflictFields<SettingsForm> = {
    weightSelf: { label: t('registry:round.weightSelf') },
    weightCross: { label: t('registry:round.weightCross') },
    crossMethod: { label: t('registry:round.crossMethod'), show: (v) => (v ? t(`crossMethod.${v}`) : '—') },
    missingCross: { label: t('registry:round.missingCross'), show: (v) => (v ? t(`missingCross.${v}`) : '—') },
    tieBreaks: { label: t('registry:round.tieBreaks'), show: (v) => (v ?? []).map((x) => tieBreak(decode(x))).join(' → ') || '—' },
    leadingPlaces: { label: t('registry:round.leadingPlaces') },
    deadlineSelf: { label: t('registry:round.deadlineSelf') },
    deadlineCross: { label: t('registry:round.deadlineCross') },
    acceptLate: { label: t('registry:round.acceptLate') },
  };

  return (
    <FormDialog<SettingsForm>
      form={form}
      title={t('settings.title')}
      okText={t('settings.save')}
      cancelText={t('actions.cancel')}
      width={620}
      testId="settings-form"
      submitTestId="settings-submit"
      initialValues={initial}
      pending={save.isPending}
      savedMessage={t('settings.saved')}
      versioned={{ version: board.rowVersion, fields, onReload: () => boardQuery.refetch() }}
      onClose={onClose}
      onSubmit={(v, rowVersion) =>
        save.mutateAsync({
          rowVersion,
          weights: { self: v.weightSelf, cross: v.weightCross },
          crossMethod: v.crossMethod,
          missingCross: v.missingCross,
          tieBreaks: v.tieBreaks.map(decode),
          leadingPlaces: v.leadingPlaces,
          deadlines: { self: v.deadlineSelf ?? null, cross: v.deadlineCross ?? null },
          acceptLate: v.acceptLate,
          crossPairs: board.settings.crossPairs,
        })
      }
    >
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="weightSelf" label={t('registry:round.weightSelf')} rules={required}>
            <InputNumber
              data-testid="field-weightSelf"
              min={0}
              max={100}
              precision={0}
              style={{ width: '100%' }}
              onChange={(v) => typeof v === 'number' && form.setFieldValue('weightCross', 100 - v)}
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name="weightCross"
            label={t('registry:round.weightCross')}
            dependencies={['weightSelf']}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, value: number) =>
                  getFieldValue('weightSelf') + value === 100 ? Promise.resolve() : Promise.reject(new Error(t('settings.weightsSum'))),
              }),
            ]}
          >
            <InputNumber data-testid="field-weightCross" min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="crossMethod" label={t('registry:round.crossMethod')} rules={required}>
            <Select
              data-testid="field-crossMethod"
              options={(['mean', 'median', 'trimmedMean'] as const).map((v) => ({ value: v, label: t(`crossMethod.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="missingCross" label={t('registry:round.missingCross')} rules={required}>
            <Select
              data-testid="field-missingCross"
              options={(['self', 'zero'] as const).map((v) => ({ value: v, label: t(`missingCross.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="tieBreaks" label={t('registry:round.tieBreaks')} extra={t('settings.tieBreaksHint')}>
            <Select data-testid="field-tieBreaks" mode="multiple" options={tieBreakOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="leadingPlaces" label={t('registry:round.leadingPlaces')} rules={required}>
            <InputNumber data-testid="field-leadingPlaces" min={1} max={10} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="deadlineSelf" label={t('registry:round.deadlineSelf')}>
            <DateInput data-testid="field-deadlineSelf" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="deadlineCross" label={t('registry:round.deadlineCross')}>
            <DateInput data-testid="field-deadlineCross" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="acceptLate" label={t('registry:round.acceptLate')} valuePropName="checked">
            <Switch data-testid="field-acceptLate" />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

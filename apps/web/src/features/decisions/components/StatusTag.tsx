import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionStatus } from '../api/decisions.ts';

const COLOURS: Record<DecisionStatus, string> = { DRAFT: 'gold', ISSUED: 'green', CANCELLED: 'red' };

export function StatusTag({ status }: { status: DecisionStatus }) {
  const { t } = useTranslation('registry');
  return (
    <Tag color={COLOURS[status]} data-testid="decision-status" style={{ marginInlineEnd: 0 }}>
      {t(`decisions.status.${status}`)}
    </Tag>
  );
}

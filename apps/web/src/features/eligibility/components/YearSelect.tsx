import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIRST_YEAR } from '../api/eligibility.ts';

/** The years the rulebooks judge, newest first: from 2024 to next year (proposals are prepared ahead). */
export function eligibilityYears(now: number = new Date().getFullYear()): number[] {
  const years: number[] = [];
  for (let y = Math.max(now + 1, FIRST_YEAR); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}

export function YearSelect({
  value,
  onChange,
  'data-testid': testId,
}: {
  value: number;
  onChange: (year: number) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation('records');
  return (
    <Select
      data-testid={testId}
      aria-label={t('eligibility.year')}
      size="small"
      style={{ width: 96 }}
      value={value}
      onChange={onChange}
      options={eligibilityYears().map((y) => ({ value: y, label: String(y) }))}
    />
  );
}

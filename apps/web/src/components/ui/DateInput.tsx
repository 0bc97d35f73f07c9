import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useFormat } from '../../lib/use-format.ts';

interface DateInputProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** A date picker whose value is a calendar date string 'YYYY-MM-DD', as the API speaks. */
export function DateInput({ value, onChange, disabled, id, ...rest }: DateInputProps) {
  const { datePattern } = useFormat();
  return (
    <DatePicker
      id={id}
      data-testid={rest['data-testid']}
      size="small"
      style={{ width: '100%' }}
      format={datePattern}
      disabled={disabled}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
    />
  );
}

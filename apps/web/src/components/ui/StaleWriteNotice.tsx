import { useEffect, useId, useRef, type CSSProperties, type ReactNode } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConflictRow, LastChange } from '../../lib/stale-write.ts';
import { useFormat } from '../../lib/use-format.ts';

/** How a comparison names a field (its label on the screen) and shows a value when plain text would not do. */
export type ConflictFields<V extends object> = {
  [K in keyof V & string]: { label: string; show?: (value: V[K] | null | undefined) => ReactNode };
};

const cell: CSSProperties = {
  padding: '4px 6px',
  borderBottom: '1px solid rgba(0, 0, 0, 0.12)',
  textAlign: 'start',
  verticalAlign: 'top',
  overflowWrap: 'anywhere',
};

/** A value as the comparison shows it: dates in the language's format, yes or no, a dash for nothing. */
function useShowValue() {
  const { t } = useTranslation('common');
  const { date } = useFormat();
  return (value: unknown): ReactNode => {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return '—';
    if (typeof value === 'boolean') return t(value ? 'form.staleYes' : 'form.staleNo');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value as string | number);
  };
}

export interface StaleWriteNoticeProps<V extends object> {
  /** The fields that differ; null while the saved record is being loaded. */
  rows: Array<ConflictRow<keyof V & string>> | null;
  fields: ConflictFields<V>;
  lastChange: LastChange;
  /** Loading the saved record failed: offer to try again. */
  loadFailed: boolean;
  onRetry: () => void;
  onReapply: () => void;
  onDiscard: () => void;
}

/**
 * Someone else saved the record while the officer edited it: what they changed beside the officer's own values,
 * who and when, and the two ways on: the officer's changes put back on the saved record, or the saved values.
 * Takes the focus when it appears, so a screen reader reads it and the keyboard is at its buttons.
 */
export function StaleWriteNotice<V extends object>({
  rows,
  fields,
  lastChange,
  loadFailed,
  onRetry,
  onReapply,
  onDiscard,
}: StaleWriteNoticeProps<V>) {
  const { t } = useTranslation('common');
  const { dateTime } = useFormat();
  const showValue = useShowValue();
  const ref = useRef<HTMLDivElement>(null);
  const captionId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const show = <K extends keyof V & string>(field: K, value: unknown): ReactNode => {
    const custom = fields[field]?.show;
    return value === null || value === undefined || value === '' || !custom ? showValue(value) : custom(value as V[K]);
  };

  const who = lastChange.by
    ? lastChange.at
      ? t('form.staleBy', { name: lastChange.by, time: dateTime(lastChange.at) })
      : t('form.staleByName', { name: lastChange.by })
    : null;

  return (
    <div ref={ref} tabIndex={-1} data-testid="stale-write" style={{ marginBottom: 12, outline: 'none' }}>
      <Alert
        type="warning"
        showIcon
        title={t('form.stale')}
        description={
          <Flex vertical gap={8}>
            {who && <span data-testid="stale-write-by">{who}</span>}
            {rows === null ? (
              loadFailed ? (
                <Flex gap={8} wrap align="center">
                  <span>{t('form.staleLoadFailed')}</span>
                  <Button size="small" data-testid="reload-record" disabled={false} onClick={onRetry}>
                    {t('actions.reload')}
                  </Button>
                </Flex>
              ) : (
                <span>{t('form.staleLoading')}</span>
              )
            ) : (
              <>
                {rows.length === 0 ? (
                  <span>{t('form.staleSame')}</span>
                ) : (
                  <table
                    data-testid="stale-write-comparison"
                    aria-labelledby={captionId}
                    style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}
                  >
                    <caption id={captionId} style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600, paddingBottom: 4 }}>
                      {t('form.staleCompare')}
                    </caption>
                    <colgroup>
                      <col style={{ width: '30%' }} />
                      <col style={{ width: '35%' }} />
                      <col style={{ width: '35%' }} />
                    </colgroup>
                    <thead>
                      <tr>
                        <th scope="col" style={cell}>
                          {t('form.staleField')}
                        </th>
                        <th scope="col" style={cell}>
                          {t('form.staleMine')}
                        </th>
                        <th scope="col" style={cell}>
                          {t('form.staleSaved')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={row.field} data-testid={`stale-row-${row.field}`}>
                          <th scope="row" style={cell}>
                            {fields[row.field]?.label ?? row.field}
                          </th>
                          <td style={cell} data-testid="stale-mine">
                            {show(row.field, row.mine)}
                            {!row.changedByMe && (
                              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                                {t('form.staleUntouched')}
                              </Typography.Text>
                            )}
                          </td>
                          <td style={cell} data-testid="stale-saved">
                            {show(row.field, row.saved)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <span>{t('form.staleChoose')}</span>
                <Flex gap={8} wrap>
                  <Button size="small" type="primary" data-testid="reapply-mine" disabled={false} onClick={onReapply}>
                    {t('form.staleReapply')}
                  </Button>
                  <Button size="small" data-testid="use-saved" disabled={false} onClick={onDiscard}>
                    {t('form.staleDiscard')}
                  </Button>
                </Flex>
              </>
            )}
          </Flex>
        }
      />
    </div>
  );
}

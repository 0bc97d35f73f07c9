import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { useAuditEvents, type AuditEntityType, type AuditEvent } from '../api/audit.ts';

const PAGE = 10;

export interface ChangeLine {
  field: string;
  from?: unknown;
  to: unknown;
}

/** Events may name fields as the database does (short_name); labels are keyed like the API (shortName). */
const camelCase = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** What an event says: for edits `{ changes: { field: { from, to } } }`, otherwise its own fields. */
export function describeChanges(data: unknown): ChangeLine[] {
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const changes = record.changes;
  if (changes && typeof changes === 'object') {
    return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
      .filter(([field]) => field !== 'version')
      .map(([field, change]) => ({ field: camelCase(field), from: change?.from ?? null, to: change?.to ?? null }));
  }
  return Object.entries(record)
    .filter(([field]) => field !== 'version')
    .map(([field, to]) => ({ field: camelCase(field), to }));
}

/** The audit trail of one record, newest first. */
export function HistoryPanel({ entityType, entityId }: { entityType: AuditEntityType; entityId: number }) {
  const { t } = useTranslation('audit');
  const { date, dateTime } = useFormat();
  const query = useAuditEvents(entityType, entityId);
  const [limit, setLimit] = useState(PAGE);
  const events = [...(query.data?.items ?? [])].sort((a, b) => b.seq - a.seq);
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.none');
    if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };

  const lines = (event: AuditEvent) =>
    describeChanges(event.data).map((change) => {
      const label = t(`field.${change.field}`, { defaultValue: change.field });
      return 'from' in change
        ? t('history.changed', { field: label, from: show(change.from), to: show(change.to) })
        : t('history.value', { field: label, value: show(change.to) });
    });

  return (
    <Card size="small" title={t('history.title')} data-testid="history-panel">
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <Flex vertical>
          {events.slice(0, limit).map((event) => (
            <div key={event.id} data-testid="history-event" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong data-testid="history-event-type">
                  {t(`type.${event.type}`, { defaultValue: event.type })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dateTime(event.at)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('history.by', { name: event.actorName ?? t('history.system') })}
              </Typography.Text>
              {lines(event).map((line, i) => (
                <Typography.Text key={i} style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
                  {line}
                </Typography.Text>
              ))}
            </div>
          ))}
          {events.length > limit && (
            <Button type="link" size="small" onClick={() => setLimit((n) => n + PAGE)} data-testid="history-more">
              {t('history.more', { count: events.length - limit })}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}

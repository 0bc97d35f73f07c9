import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { useFormat } from '../../../lib/use-format.ts';
import { useAuditEvents, type AuditEntityType, type AuditEvent } from '../api/audit.ts';

export interface ChangeLine {
  field: string;
  from?: unknown;
  to: unknown;
}

/** What an event says: for edits `{ changes: { field: { from, to } } }`, otherwise its own fields. */
export function describeChanges(data: unknown): ChangeLine[] {
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const changes = record.changes;
  if (changes && typeof changes === 'object') {
    return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
      .filter(([field]) => field !== 'version')
      .map(([field, change]) => ({ field, from: change?.from ?? null, to: change?.to ?? null }));
  }
  return Object.entries(record)
    .filter(([field]) => field !== 'version')
    .map(([field, to]) => ({ field, to }));
}

/** The audit trail of one record, newest first. */
export function HistoryPanel({ entityType, entityId }: { entityType: AuditEntityType; entityId: number }) {
  const { t } = useTranslation('audit');
  const { date, dateTime } = useFormat();
  const query = useAuditEvents(entityType, entityId);
  const events = [...(query.data?.items ?? [])].sort((a, b) => b.seq - a.seq);
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.none');
    if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };

  return (
    <Card size="small" title={t('history.title')} data-testid="history-panel">
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AuditEvent>
          size="small"
          rowKey="id"
          loading={query.isLoading}
          dataSource={events}
          pagination={events.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} /> }}
          onRow={() => ({ 'data-testid': 'history-event' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'at', title: t('history.at'), width: 140, render: (_, e) => dateTime(e.at) },
            { key: 'type', title: t('history.event'), render: (_, e) => t(`type.${e.type.replace(/[.:]/g, '_')}`, { defaultValue: e.type }) },
            { key: 'actor', title: t('history.actor'), render: (_, e) => e.actorName ?? t('history.system') },
            {
              key: 'data',
              title: t('history.details'),
              render: (_, e) =>
                describeChanges(e.data).map((change) => {
                  const label = t(`field.${change.field}`, { defaultValue: change.field });
                  const line =
                    'from' in change
                      ? t('history.changed', { field: label, from: show(change.from), to: show(change.to) })
                      : t('history.value', { field: label, value: show(change.to) });
                  return (
                    <Typography.Text key={change.field} style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: line }}>
                      {line}
                    </Typography.Text>
                  );
                }),
            },
          ]}
        />
      )}
    </Card>
  );
}

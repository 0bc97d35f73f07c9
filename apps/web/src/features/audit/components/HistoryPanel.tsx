import { unitSchema } from '@thidua/contracts/units.ts';
import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/QueryError.tsx';
import { api } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { useAuditEvents, type AuditEntityType, type AuditEvent } from '../api/audit.ts';
import { eventLines, unitIdsOf } from './summaries.ts';

const PAGE = 10;

export { describeChanges, type ChangeLine } from './summaries.ts';

/** Names of the units the shown events refer to by id, from the cache the unit pickers share. */
function useUnitNames(ids: number[]): (id: number) => string {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const answers = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['units', 'option', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get(unitSchema, `/units/${id}`, undefined, signal),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map(unique.map((id, i) => [id, answers[i]?.data?.name]));
  return (id) => names.get(id) ?? `#${id}`;
}

/** The audit trail of one record, newest first. */
export function HistoryPanel({ entityType, entityId }: { entityType: AuditEntityType; entityId: number }) {
  const { t } = useTranslation('audit');
  const { date, dateTime } = useFormat();
  const query = useAuditEvents(entityType, entityId);
  const [limit, setLimit] = useState(PAGE);
  const events = [...(query.data?.items ?? [])].sort((a, b) => b.seq - a.seq);
  const shown = events.slice(0, limit);
  const unit = useUnitNames(shown.flatMap((event) => unitIdsOf(event.data)));
  const lines = (event: AuditEvent) => eventLines({ t, date, unit }, event.type, event.data);

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
          {shown.map((event) => (
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
                {t('history.by', { name: event.actorUsername === 'system' ? t('history.system') : event.actorName })}
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

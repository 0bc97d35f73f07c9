import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { HISTORY_KEY } from '../../../lib/history.ts';

export type AuditEntityType = 'cluster' | 'unit' | 'person' | 'authority';

export interface AuditEvent {
  id: number;
  seq: number;
  type: string;
  actorName: string | null;
  at: string;
  entityType: AuditEntityType;
  entityId: number;
  data: unknown;
}

export function auditKey(entityType: AuditEntityType, entityId: number) {
  return [...HISTORY_KEY, entityType, entityId] as const;
}

export function useAuditEvents(entityType: AuditEntityType, entityId: number) {
  return useQuery({
    queryKey: auditKey(entityType, entityId),
    queryFn: ({ signal }) => api.get<{ items: AuditEvent[] }>('/audit', { entityType, entityId }, signal),
  });
}

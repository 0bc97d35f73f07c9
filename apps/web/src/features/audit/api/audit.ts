import { eventSchema, historyResponse } from '@thidua/contracts/audit.ts';
import type { z } from 'zod';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { HISTORY_KEY } from '../../../lib/history.ts';

export type AuditEntityType = 'cluster' | 'unit' | 'person' | 'authority';

export type AuditEvent = z.infer<typeof eventSchema>;

export function auditKey(entityType: AuditEntityType, entityId: number) {
  return [...HISTORY_KEY, entityType, entityId] as const;
}

export function useAuditEvents(entityType: AuditEntityType, entityId: number) {
  return useQuery({
    queryKey: auditKey(entityType, entityId),
    queryFn: ({ signal }) => api.get(historyResponse, '/audit', { entityType, entityId }, signal),
  });
}

import { z } from 'zod';

export const ENTITY_TYPES = ['authority', 'unit', 'person', 'cluster', 'user'] as const;

export const eventSchema = z.object({
  id: z.number(),
  seq: z.number(),
  type: z.string(),
  actorName: z.string(),
  actorUsername: z.string(),
  at: z.string(),
  entityType: z.string().nullable(),
  entityId: z.number().nullable(),
  data: z.unknown(),
});

export const historyQuery = z.strictObject({
  entityType: z.enum(ENTITY_TYPES),
  entityId: z.coerce.number().int().positive().max(2_147_483_647),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const historyResponse = z.object({ items: z.array(eventSchema) });

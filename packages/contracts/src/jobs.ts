import { z } from 'zod';
import { JOB_ACTIONS, JOB_STATES } from '@thidua/domain';
import { abilitiesSchema } from './shared.ts';

export const jobSchema = z.object({
  id: z.number(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  done: z.number(),
  total: z.number().nullable(),
  attempts: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  abilities: abilitiesSchema(JOB_ACTIONS),
});

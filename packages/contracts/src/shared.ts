// Shapes every area's contract uses: dates, texts, ids, pages, errors, abilities.
import { z } from 'zod';

/** A real calendar date 'YYYY-MM-DD' (2025-02-30 is refused, not rolled over). */
export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) => {
      const [y, m, d] = v.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return y >= 1900 && y <= 2200 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { params: { key: 'invalid_date' } },
  );

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const year = z.coerce.number().int().min(1945).max(2200);

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Facts about the refusal, as they are: for STALE_WRITE, `staleWriteDetails`. */
    details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});

/** Sent with STALE_WRITE: who saved the record in between and when (from its history), when the history says. */
export const staleWriteDetails = z.object({
  expected: z.number(),
  actual: z.number(),
  changedBy: z.string().optional(),
  changedAt: z.string().optional(),
});

/** Standard error answers, so the OpenAPI document lists them. */
export const errorResponses = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const version = z.number().int().positive().max(2_147_483_647);

/** A person or a collective (unit) whose records are kept. */
export const subjectParams = z.strictObject({
  subjectType: z.enum(['person', 'unit']),
  id: z.coerce.number().int().positive().max(2_147_483_647),
});

/** What the caller may do on a resource, decided by the area's policy: `{ update: true, handOverFlag: false, … }`. */
export const abilitiesSchema = <K extends string>(actions: readonly K[]) =>
  z.strictObject(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<K, z.ZodBoolean>);

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 10;

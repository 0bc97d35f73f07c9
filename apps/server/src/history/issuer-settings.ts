import { DEFAULT_ISSUER_SETTINGS, defineIssuerSettings, type IssuerSettings } from '@thidua/domain/rulebook/settings.ts';
import type { Db } from '../db/client.ts';

/** The stored row in force for a year: the latest of that year or before. */
export const findIssuerSettingsRow = (db: Db, authorityId: number, year: number) =>
  db
    .selectFrom('issuer_settings')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();

/** The settings an authority has in force for a year: the latest row of that year or before, over the defaults. */
export async function loadIssuerSettings(
  db: Db,
  authorityId: number,
  year: number,
): Promise<{ settings: IssuerSettings; fromYear: number | null; overrides: Record<string, unknown> }> {
  const row = await findIssuerSettingsRow(db, authorityId, year);
  const overrides = (row?.overrides ?? {}) as Record<string, unknown>;
  const merged = { ...overrides } as { -readonly [K in keyof IssuerSettings]?: IssuerSettings[K] };
  // a per-award table is merged key by key, so overriding one award keeps the others' defaults
  if (overrides.evidenceWindowYears)
    merged.evidenceWindowYears = { ...DEFAULT_ISSUER_SETTINGS.evidenceWindowYears, ...(overrides.evidenceWindowYears as object) };
  return { settings: defineIssuerSettings(merged), fromYear: row?.year ?? null, overrides };
}

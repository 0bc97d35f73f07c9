// The issuer settings in words, for the settings card and the history (texts in the records namespace).
import type { TFunction } from 'i18next';
import { DEFAULT_ISSUER_SETTINGS } from '@thidua/domain/rulebook/settings.ts';

export const SETTING_KEYS = [
  'art74d_initiativesApplyToGrassrootsFighterBranch',
  'provincialFighterChainEnds',
  'provincialFighterCycleYears',
  'evidenceWindowYears',
  'excellentCollectiveBarsWarningDiscipline',
  'flagRequiresExcellentCollective',
  'flagRequiresMovementClaim',
  'collectiveMeritCertificateHtxsYears',
  'collectivePmCertificate',
  'collectiveLabourOrder',
  'disciplineRestartsChains',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const BOOLEAN_SETTINGS = new Set<string>([
  'art74d_initiativesApplyToGrassrootsFighterBranch',
  'excellentCollectiveBarsWarningDiscipline',
  'flagRequiresExcellentCollective',
  'flagRequiresMovementClaim',
  'disciplineRestartsChains',
]);
export const CHAIN_SETTINGS = new Set<string>(['collectivePmCertificate', 'collectiveLabourOrder']);

export interface CollectiveChain {
  htxsYears: number;
  flags: number;
  excellentCollectiveTitles: number;
}

/** The defaults of the domain (the readings the spec recommends). */
export const DEFAULT_SETTINGS = DEFAULT_ISSUER_SETTINGS as unknown as Record<SettingKey, unknown>;

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** A setting's value in words: "Có", "3 năm", "Chiến sĩ thi đua cơ sở: 1 năm; …". */
export function settingText(t: TFunction, key: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (BOOLEAN_SETTINGS.has(key)) return t(value ? 'records:batch.yes' : 'records:batch.no');
  if (key === 'provincialFighterChainEnds') return t(`records:settings.chainEnds.${String(value)}`, { defaultValue: String(value) });
  if (key === 'evidenceWindowYears') {
    return Object.entries(value as Record<string, number>)
      .map(([code, years]) => `${t(`vocabulary:awards.${code}`, { defaultValue: code })}: ${t('records:settings.years', { count: years })}`)
      .join('; ');
  }
  if (CHAIN_SETTINGS.has(key)) {
    const chain = value as CollectiveChain;
    return chain.excellentCollectiveTitles > 0
      ? t('records:settings.chainWithTitles', { htxs: chain.htxsYears, flags: chain.flags, titles: chain.excellentCollectiveTitles })
      : t('records:settings.chain', { htxs: chain.htxsYears, flags: chain.flags });
  }
  if (typeof value === 'number') return t('records:settings.years', { count: value });
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

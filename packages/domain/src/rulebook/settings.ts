import type { AwardCode } from './vocabulary.ts';

/**
 * Settings of the issuing authority (ministry, province, council) for points the legal texts leave
 * open or that the domain spec could not verify (marked ❓/⚠️ there). Each default is the reading
 * the spec recommends; an issuer overrides them by passing its own settings.
 */
export interface IssuerSettings {
  /**
   * Law Art. 74(1)(d), contested reading: does "trong thời gian đó có 02 sáng kiến" attach to the
   * "2 consecutive Grassroots Emulation Fighter titles" branch too? Default: yes, the Ministry of
   * Home Affairs' reading (news.laodong.vn 1432533); the verdict names the reading applied.
   */
  readonly art74d_initiativesApplyToGrassrootsFighterBranch: boolean;
  /**
   * Law Art. 22: is the Ministry/Provincial Emulation Fighter considered in the year of the third
   * Grassroots Emulation Fighter title, or the year after? ❓ (spec §8 ex. 4). Default: same year.
   */
  readonly provincialFighterChainEnds: 'proposal-year' | 'year-before';
  /**
   * Law Art. 21 "2 consecutive" Ministry/Provincial Emulation Fighter titles: the longest gap in
   * years between the two that still counts as consecutive cycles. ❓ Default 3 (a 3-year cycle).
   */
  readonly provincialFighterCycleYears: number;
  /**
   * How many years back (including the proposal year) a cited initiative / science work may have
   * been recognised and still support the proposal. ❓ Defaults follow the length of the period the
   * criterion speaks of: one year for annual titles, the chain for chain titles.
   */
  readonly evidenceWindowYears: Readonly<Partial<Record<AwardCode, number>>>;
  /**
   * Law Art. 27 (2022 text as quoted) does not repeat the old "no member disciplined at warning or
   * above" clause for the Excellent Labour Collective ✅[S7]; an issuer may still require it.
   */
  readonly excellentCollectiveBarsWarningDiscipline: boolean;
  /** Flags (Law Arts. 25–26): require the collective to meet the Excellent Labour Collective criteria that year. ⚠️ */
  readonly flagRequiresExcellentCollective: boolean;
  /**
   * Flags go to leading collectives of clusters/blocks (Art. 25(1)); the input carries no cluster
   * result, so the proposer asserts it as OUTSTANDING_IN_MOVEMENT. ⚠️ Default: required.
   */
  readonly flagRequiresMovementClaim: boolean;
  /** Art. 74(2) collective Certificate of Merit: consecutive HTXS years. ❓ Default 2 (old Decree 91 pattern). */
  readonly collectiveMeritCertificateHtxsYears: number;
  /** Art. 73(2) collective PM Certificate of Merit after a Ministry/Provincial one. ❓ */
  readonly collectivePmCertificate: CollectiveChainSettings;
  /** Art. 44(2) collective Labour Order third class after a PM Certificate of Merit. ❓ */
  readonly collectiveLabourOrder: CollectiveChainSettings;
  /** Decree 98 Art. 4(4): achievements count only from the end of a discipline period. ✅ principle; switchable. */
  readonly disciplineRestartsChains: boolean;
}

export interface CollectiveChainSettings {
  /** Consecutive HTXS years required after the prerequisite award. */
  readonly htxsYears: number;
  /** …during which at least this many emulation flags (ministry/provincial or Government)… */
  readonly flags: number;
  /** …or at least this many Excellent Labour Collective titles (0 disables this alternative). */
  readonly excellentCollectiveTitles: number;
}

export const DEFAULT_ISSUER_SETTINGS: IssuerSettings = Object.freeze({
  art74d_initiativesApplyToGrassrootsFighterBranch: true,
  provincialFighterChainEnds: 'proposal-year',
  provincialFighterCycleYears: 3,
  evidenceWindowYears: Object.freeze({
    CHIEN_SI_THI_DUA_CO_SO: 1,
    CHIEN_SI_THI_DUA_BO_TINH: 3,
    CHIEN_SI_THI_DUA_TOAN_QUOC: 6,
  }),
  excellentCollectiveBarsWarningDiscipline: false,
  flagRequiresExcellentCollective: true,
  flagRequiresMovementClaim: true,
  collectiveMeritCertificateHtxsYears: 2,
  collectivePmCertificate: Object.freeze({ htxsYears: 5, flags: 1, excellentCollectiveTitles: 2 }),
  collectiveLabourOrder: Object.freeze({ htxsYears: 5, flags: 1, excellentCollectiveTitles: 0 }),
  disciplineRestartsChains: true,
});

/** Issuer settings from a partial override, keeping the defaults for the rest. */
export function defineIssuerSettings(overrides: Partial<IssuerSettings> = {}): IssuerSettings {
  return Object.freeze({ ...DEFAULT_ISSUER_SETTINGS, ...overrides });
}

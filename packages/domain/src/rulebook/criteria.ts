import type { IssuerSettings } from './settings.ts';
import type { AchievementClaimCode, AwardCode, InitiativeScopeCode, RatingCode, SubjectType } from './vocabulary.ts';

/** A legal basis as cited in verdicts: `law-06-2022/art-23`, `decree-98-2023/art-4`, `law-06-2022/art-74/cl-1/pt-d`. */
export type RuleId = string;

/** The parts of a legal basis: the document, and when cited, the article, its clause and the clause's point. */
export interface LegalBasis {
  /** `law-06-2022`, `decree-98-2023`, `decree-152-2025`. */
  readonly document: string;
  readonly article?: number;
  readonly clause?: number;
  /** A letter: `a`, `b`, … `đ`. */
  readonly point?: string;
}

/** The code of a legal basis; a clause is cited only with its article, a point only with its clause. */
export function formatRuleId(basis: LegalBasis): RuleId {
  let id = basis.document;
  if (basis.article === undefined) return id;
  id += `/art-${basis.article}`;
  if (basis.clause === undefined) return id;
  id += `/cl-${basis.clause}`;
  return basis.point === undefined ? id : `${id}/pt-${basis.point}`;
}

const RULE_ID = /^([a-z]+(?:-\d+)+)(?:\/art-(\d+)(?:\/cl-(\d+)(?:\/pt-([a-zđ]))?)?)?$/u;

/** The parts of a legal-basis code, or undefined when it is not one (`formatRuleId` in reverse). */
export function parseRuleId(rule: RuleId): LegalBasis | undefined {
  const m = RULE_ID.exec(rule);
  if (!m) return undefined;
  const [, document = '', article, clause, point] = m;
  return {
    document,
    ...(article !== undefined && { article: Number(article) }),
    ...(clause !== undefined && { clause: Number(clause) }),
    ...(point !== undefined && { point }),
  };
}

type BooleanSetting = {
  [K in keyof IssuerSettings]: IssuerSettings[K] extends boolean ? K : never;
}[keyof IssuerSettings];

/**
 * A criterion as data: a named predicate with its parameters and legal basis. The engine compiles
 * each kind into a closure once per (rulebook, issuer settings); rulebooks never hold code.
 */
export type Criterion =
  /** The subject was rated at least `min` in the proposal year. */
  | { readonly kind: 'ratingAtLeast'; readonly rule: RuleId; readonly min: RatingCode }
  /** The subject meets the criteria of another title in the proposal year (it need not hold it). */
  | { readonly kind: 'meetsTitle'; readonly rule: RuleId; readonly award: AwardCode }
  /** Cited, unused initiatives / science works of at least `minScope`, recognised within the window. */
  | {
      readonly kind: 'evidence';
      readonly rule: RuleId;
      readonly minScope: InitiativeScopeCode;
      readonly count: number;
      readonly windowOf: AwardCode;
    }
  /** `count` consecutive years holding `title`, ending at the proposal year (or per issuer setting). */
  | {
      readonly kind: 'titleRun';
      readonly rule: RuleId;
      readonly title: AwardCode;
      readonly count: number;
      readonly endSetting?: 'provincialFighterChainEnds';
    }
  /** `count` titles in consecutive cycles (gap ≤ issuer's cycle length), the last in the proposal year. */
  | { readonly kind: 'titleCycles'; readonly rule: RuleId; readonly title: AwardCode; readonly count: number }
  /** A qualitative path asserted by the proposer. */
  | { readonly kind: 'claim'; readonly rule: RuleId; readonly claim: AchievementClaimCode; readonly code?: string }
  /** ≥ `years` consecutive years rated ≥ `min` ending at the proposal year; optional evidence inside the run. */
  | {
      readonly kind: 'ratingRun';
      readonly rule: RuleId;
      readonly min: RatingCode;
      readonly years: number | 'collectiveMeritCertificateHtxsYears';
      readonly evidence?: { readonly count: number; readonly minScope: InitiativeScopeCode };
    }
  /** Law Art. 74(1)(d) first branch: 2 consecutive Grassroots Emulation Fighter titles (+ initiatives per the reading). */
  | {
      readonly kind: 'grassrootsFighterPair';
      readonly rule: RuleId;
      readonly evidence: { readonly count: number; readonly minScope: InitiativeScopeCode };
    }
  /** Which reading of Art. 74(1)(d) was applied (always met; makes the verdict say it). */
  | { readonly kind: 'art74dReading'; readonly rule: RuleId }
  /** Holds a merit-based prerequisite award, then a run of years rated ≥ `min` with HTXS years and titles inside. */
  | {
      readonly kind: 'meritChain';
      readonly rule: RuleId;
      /** The principle that ad hoc / thematic awards do not seed merit chains (Decree Art. 4(3)). */
      readonly seedRule: RuleId;
      readonly prerequisites: readonly AwardCode[];
      readonly min: RatingCode;
      readonly years: number;
      readonly htxsYears: number;
      readonly titles: { readonly code: AwardCode; readonly count: number };
    }
  /** Collective chain whose figures are issuer settings (❓ in the spec). */
  | {
      readonly kind: 'collectiveChain';
      readonly rule: RuleId;
      readonly seedRule: RuleId;
      readonly prerequisites: readonly AwardCode[];
      readonly setting: 'collectivePmCertificate' | 'collectiveLabourOrder';
    }
  /** Share of members (advanced workers / task completion) of at least `percent` % (inclusive). */
  | { readonly kind: 'memberShare'; readonly rule: RuleId; readonly field: 'advancedWorkers' | 'completedTasks'; readonly percent: number }
  | { readonly kind: 'grassrootsFighterMembers'; readonly rule: RuleId; readonly min: number }
  | { readonly kind: 'noMemberWarningDiscipline'; readonly rule: RuleId }
  /** One of several paths; reports the path that holds, or `failCode` when none does. */
  | { readonly kind: 'anyOf'; readonly rule: RuleId; readonly failCode: string; readonly of: readonly Criterion[] }
  | { readonly kind: 'allOf'; readonly of: readonly Criterion[] }
  /** A criterion applied only when an issuer setting is on. */
  | { readonly kind: 'ifSetting'; readonly setting: BooleanSetting; readonly then: Criterion };

/** Conditions applying to every title and form (Decree Art. 4 principles, Law Art. 5). */
export type CrossCuttingCriterion =
  | { readonly kind: 'noDisciplineInYear'; readonly rule: RuleId }
  | { readonly kind: 'noPendingReview'; readonly rule: RuleId }
  | { readonly kind: 'citedEvidenceUnused'; readonly rule: RuleId }
  | { readonly kind: 'maternityLeaveCounts'; readonly rule: RuleId };

/** The criteria of one title or form: per kind of subject, or delegated to rules outside this rulebook. */
export type AwardRules =
  | { readonly basis: RuleId; readonly bySubject: Readonly<Partial<Record<SubjectType, readonly Criterion[]>>> }
  | { readonly basis: RuleId; readonly delegated: true };

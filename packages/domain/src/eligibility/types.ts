import type {
  AchievementClaimCode,
  AwardCode,
  AwardKindCode,
  DisciplineFormCode,
  Gender,
  InitiativeScopeCode,
  LeaveTypeCode,
  RatingCode,
} from '../rulebook/vocabulary.ts';

/** One proposal with the history of its subject, as validated from `thidua.eligibility-cases/1`. */
export interface EligibilityCase {
  readonly id: string;
  readonly proposal: Proposal;
  readonly subject: Subject;
}

export interface Proposal {
  readonly award: AwardCode;
  /** The achievement year the proposal is for. */
  readonly year: number;
  /** Date of consideration, YYYY-MM-DD; the validator fills in 31 December of `year` when absent. */
  readonly date: string;
  /** Ids of initiatives / science works this proposal relies on. */
  readonly evidence: readonly string[];
}

export interface ConferredTitle {
  readonly code: AwardCode;
  readonly year: number;
}
export interface ConferredAward {
  readonly code: AwardCode;
  readonly year: number;
  readonly kind: AwardKindCode;
}
export interface Evidence {
  readonly id: string;
  readonly year: number;
  readonly scope: InitiativeScopeCode;
  /** Not null when it already supported an award: one initiative, one use. */
  readonly usedForAward: string | null;
}
export interface DisciplinePeriod {
  readonly form: DisciplineFormCode;
  readonly from: string;
  readonly to: string;
}
export interface Leave {
  readonly type: LeaveTypeCode;
  readonly from: string;
  readonly to: string;
}

/** Member figures of a collective for the proposal year. */
export interface MemberFigures {
  readonly total: number;
  readonly advancedWorkers: number;
  readonly completedTasks: number;
  readonly grassrootsFighters: number;
  readonly disciplinedWarningOrAbove: number;
}

interface SubjectBase {
  /** Annual ratings keyed by year. */
  readonly ratings: Readonly<Record<number, RatingCode>>;
  readonly titles: readonly ConferredTitle[];
  readonly awards: readonly ConferredAward[];
  readonly initiatives: readonly Evidence[];
  readonly scienceWorks: readonly Evidence[];
  readonly discipline: readonly DisciplinePeriod[];
  readonly leaves: readonly Leave[];
  /** Under disciplinary review, inspection, investigation or complaint. */
  readonly pendingReview: boolean;
  readonly achievements: readonly AchievementClaimCode[];
}
export interface IndividualSubject extends SubjectBase {
  readonly type: 'individual';
  readonly gender: Gender;
}
export interface CollectiveSubject extends SubjectBase {
  readonly type: 'collective';
  readonly members: MemberFigures;
}
export interface HouseholdSubject extends SubjectBase {
  readonly type: 'household';
}
export type Subject = IndividualSubject | CollectiveSubject | HouseholdSubject;

export type ReasonParam = string | number | readonly string[];
/** One condition checked: its legal basis (`law-06-2022/art-23`), verdict, and a message code with parameters. */
export interface Reason {
  readonly rule: string;
  readonly met: boolean;
  readonly code: string;
  readonly params: Readonly<Record<string, ReasonParam>>;
}

export interface Verdict {
  readonly eligible: boolean;
  /** Id of the rulebook that judged the case, e.g. `LAW-06-2022+DECREE-98-2023`. */
  readonly rulebook: string;
  readonly reasons: readonly Reason[];
}

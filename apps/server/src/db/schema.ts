import type { ColumnType, Generated, Selectable } from 'kysely';
import type { JobState, Role, RoundState, ScoringPeriod } from '@thidua/domain';
import type { RoundingMode } from '@thidua/domain/eligibility/quota.ts';
import type {
  AwardCode,
  AwardKindCode,
  DisciplineFormCode,
  Gender,
  InitiativeScopeCode,
  LeaveTypeCode,
  RatingCode,
} from '@thidua/domain/rulebook/vocabulary.ts';

/** Dates are kept as 'YYYY-MM-DD' strings (see client.ts); timestamps come back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;

export interface AuthorityTable {
  id: Id;
  code: string;
  kind: string;
  name: string;
  short_name: string;
  place: string;
  parent_id: number | null;
  search_key: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}
export interface UnitTable {
  id: Id;
  authority_id: number;
  code: string;
  name: string;
  short_name: string | null;
  unit_type: string;
  legal_entity: Generated<boolean>;
  state_capital_pct: ColumnType<string | null, number | string | null, number | string | null>;
  parent_id: number | null;
  province: string | null;
  tax_code: string | null;
  founded_on: string | null;
  dissolved_on: string | null;
  search_key: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** generated: the code folded for comparison (migration 0008) */
  code_key: Generated<string>;
}
export interface UnitSuccessionTable {
  authority_id: number;
  predecessor_id: number;
  successor_id: number;
  effective_on: string | null;
}
export interface PersonTable {
  id: Id;
  authority_id: number;
  code: string;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  unit_id: number;
  search_key: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** generated: the code folded for comparison (migration 0008) */
  code_key: Generated<string>;
}
export interface PersonPositionTable {
  id: Id;
  authority_id: number;
  person_id: number;
  unit_id: number;
  title: string;
  from_date: string;
  to_date: string | null;
}
export interface DecisionTable {
  id: Id;
  authority_id: number;
  number: string;
  issued_on: string;
  issue_year: number;
  issuer: string;
  signer_name: string;
  signer_title: string;
  summary: string;
  created_at: Generated<Timestamp>;
  /** generated: number and issuer folded for comparison (migration 0008) */
  number_key: Generated<string>;
  issuer_key: Generated<string>;
}
export interface ClusterTable {
  id: Id;
  authority_id: number;
  code: string;
  kind: string;
  name: string;
  decision_id: number;
  active_from: string;
  active_to: string | null;
  search_key: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** generated: the code folded for comparison (migration 0008) */
  code_key: Generated<string>;
}
export interface ClusterMembershipTable {
  id: Id;
  authority_id: number;
  cluster_id: number;
  unit_id: number;
  year: number;
  from_date: string | null;
  to_date: string | null;
}
export interface ClusterLeadershipTable {
  authority_id: number;
  cluster_id: number;
  year: number;
  head_unit_id: number;
  deputy_unit_id: number | null;
  version: Generated<number>;
}
export interface FlagCustodyTable {
  id: Id;
  authority_id: number;
  cluster_id: number;
  unit_id: number;
  from_date: string;
  to_date: string | null;
  note: string | null;
}
export interface AppUserTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  authority_id: number | null;
  cluster_id: number | null;
  unit_id: number | null;
  year: number | null;
  disabled: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** sha256 of a pending one-time reset code, and when it stops working */
  reset_code_hash: string | null;
  reset_expires_at: Timestamp | null;
}
export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}
export interface AuditEventTable {
  seq: number;
  at: Timestamp;
  type: string;
  actor_id: number | null;
  actor_name: string;
  authority_id: number | null;
  entity_type: string | null;
  entity_id: number | null;
  data: ColumnType<unknown, string, string>;
  prev_hash: string;
  hash: string;
}
export interface AppSecretTable {
  name: string;
  value: string;
}
export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}
export interface AuditCheckpointTable {
  seq: number;
  hash: string;
  at: Timestamp;
  key_id: string;
  mac: string;
}

export interface AnnualRatingTable {
  authority_id: number;
  subject_type: string;
  subject_id: number;
  year: number;
  rating: RatingCode;
  decision_ref: string | null;
}
export interface AwardReceivedTable {
  id: Id;
  authority_id: number;
  subject_type: string;
  subject_id: number;
  award_code: AwardCode;
  year: number;
  kind: AwardKindCode;
  decision_number: string | null;
  decision_date: string | null;
  document_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Generated<Timestamp>;
}
export interface EvidenceItemTable {
  id: Id;
  authority_id: number;
  subject_type: string;
  subject_id: number;
  evidence_type: 'INITIATIVE' | 'SCIENCE_WORK';
  title: string;
  year: number;
  scope: InitiativeScopeCode;
  recognition_ref: string | null;
  used_for_award_id: number | null;
  created_at: Generated<Timestamp>;
}
export interface DisciplineRecordTable {
  id: Id;
  authority_id: number;
  subject_type: string;
  subject_id: number;
  form: DisciplineFormCode;
  from_date: string;
  to_date: string;
  decision_ref: string | null;
}
export interface LeaveRecordTable {
  id: Id;
  authority_id: number;
  person_id: number;
  leave_type: LeaveTypeCode;
  from_date: string;
  to_date: string;
}
export interface PendingReviewTable {
  id: Id;
  authority_id: number;
  subject_type: string;
  subject_id: number;
  review_type: string;
  from_date: string;
  to_date: string | null;
  note: string | null;
}
export interface UnitYearFiguresTable {
  authority_id: number;
  unit_id: number;
  year: number;
  total: number;
  advanced_workers: number;
  completed_tasks: number;
  grassroots_fighters: number;
  disciplined_warning_or_above: number;
  women: number | null;
}
export interface QuotaPolicyTable {
  authority_id: number;
  award_code: AwardCode;
  year: number;
  rate_percent: ColumnType<string, number, number>;
  rounding: RoundingMode;
  min_one: boolean;
  base_award_code: AwardCode | null;
}

export interface IssuerSettingsTable {
  authority_id: number;
  year: number;
  overrides: ColumnType<unknown, string, string>;
}

export interface JobTable {
  id: Id;
  kind: string;
  input: ColumnType<unknown, string, string>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  owner_id: number | null;
  authority_id: number | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: ColumnType<Date, Date, Date>;
  locked_by: string | null;
  locked_until: ColumnType<Date | null, Date | null, Date | null>;
  done: Generated<number>;
  total: number | null;
  result: ColumnType<unknown, string | null, string | null>;
  error: ColumnType<unknown, string | null, string | null>;
  cancel_requested: Generated<boolean>;
  created_at: ColumnType<Date, Date, never>;
  started_at: ColumnType<Date | null, Date | null, Date | null>;
  finished_at: ColumnType<Date | null, Date | null, Date | null>;
}

export interface DocumentSeriesTable {
  issuer_key: string;
  year: number;
  last_number: Generated<number>;
}
export type DocumentStatus = 'DRAFT' | 'ISSUED' | 'CANCELLED';
export interface DocumentTable {
  id: Id;
  authority_id: number;
  kind: 'AWARD_DECISION';
  status: DocumentStatus;
  issuer_unit_id: number | null;
  issuer_key: string;
  symbol: string;
  number: number | null;
  issue_year: number | null;
  issue_date: string | null;
  award_code: AwardCode;
  award_kind: AwardKindCode;
  year: number;
  summary: string;
  /** Kysely passes objects to jsonb columns as JSON text. */
  content: ColumnType<unknown, string, string>;
  override_reason: string | null;
  verification_code: string | null;
  pdf_sha256: string | null;
  pdf: Buffer | null;
  replaces_id: number | null;
  cancel_reason: string | null;
  cancelled_at: Timestamp | null;
  search_key: Generated<string>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  issued_at: Timestamp | null;
}
export interface DocumentRecipientTable {
  document_id: number;
  position: number;
  subject_type: 'person' | 'unit';
  subject_id: number;
  evidence_ids: ColumnType<number[], number[] | undefined, number[]>;
  /** bigint comes back as a string from PostgreSQL; read through Number() */
  reward_vnd: ColumnType<string | number | null, number | null, number | null>;
}

/** A cluster's criteria table for a year and round (migration 0010). */
export interface CriteriaSetTable {
  id: Id;
  authority_id: number;
  cluster_id: number;
  year: number;
  period: ScoringPeriod;
  version: number;
  /** { groups, knockOuts, maxTotal } as the contract shapes them; Kysely passes objects to jsonb columns as JSON text. */
  content: ColumnType<unknown, string, string>;
  round_state: ColumnType<RoundState, RoundState | undefined, RoundState>;
  /** The round's settings (migration 0011), as JSON text on write. */
  settings: ColumnType<unknown, string | undefined, string>;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One scorer's sheet on one unit in one stage (migration 0011). */
export interface ScoreSheetTable {
  id: Id;
  criteria_set_id: number;
  authority_id: number;
  unit_id: number;
  scorer_unit_id: number;
  stage: 'self' | 'cross';
  /** Hundredths by item position in the table; null: not entered. */
  points: ColumnType<Array<number | null>, Array<number | null>, Array<number | null>>;
  /** { item code: comment }, as JSON text on write */
  comments: ColumnType<unknown, string | undefined, string>;
  status: ColumnType<'draft' | 'submitted', 'draft' | 'submitted' | undefined, 'draft' | 'submitted'>;
  submitted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The head's change of an item of a unit, with the unit's answer (migration 0011). */
export interface ScoreAdjustmentTable {
  id: Id;
  criteria_set_id: number;
  unit_id: number;
  item: string;
  /** numeric: a string from PostgreSQL; read through Number() */
  old_points: ColumnType<string | number, number, number>;
  points: ColumnType<string | number, number, number>;
  reason: string;
  created_by: number | null;
  created_at: Timestamp;
  answer: ColumnType<string | null, string | null | undefined, string | null>;
  answered_by: ColumnType<number | null, number | null | undefined, number | null>;
  answered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An evidence file attached to an item of a sheet (migration 0011). */
export interface ScoreEvidenceTable {
  id: Id;
  sheet_id: number;
  item: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_by: number | null;
  created_at: Timestamp;
}

/** A secret ballot (migration 0012). */
export interface BallotTable {
  id: Id;
  authority_id: number;
  cluster_id: number | null;
  year: number;
  kind: 'honouring' | 'election' | 'approval';
  office: 'head' | 'deputy' | null;
  title: string;
  max_choices: number;
  rule: ColumnType<unknown, string, string>;
  status: ColumnType<'draft' | 'open' | 'closed', 'draft' | 'open' | 'closed' | undefined, 'draft' | 'open' | 'closed'>;
  chair_user_id: number | null;
  secretary_user_id: number | null;
  present: number | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  result_sha256: string | null;
  opened_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
}
export interface BallotCandidateTable {
  id: Id;
  ballot_id: number;
  position: number;
  name: string;
  unit_id: number | null;
}
export interface BallotVoterTable {
  ballot_id: number;
  user_id: number;
  voted: ColumnType<boolean, boolean | undefined, boolean>;
}
export interface BallotVoteTable {
  id: string;
  ballot_id: number;
  receipt: string;
  vote: ColumnType<unknown, string, string>;
}

/** A knock-out condition found for a unit in the review (migration 0011). */
export interface KnockOutFlagTable {
  criteria_set_id: number;
  unit_id: number;
  code: string;
  reason: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface DB {
  authority: AuthorityTable;
  unit: UnitTable;
  unit_succession: UnitSuccessionTable;
  person: PersonTable;
  person_position: PersonPositionTable;
  decision: DecisionTable;
  cluster: ClusterTable;
  cluster_membership: ClusterMembershipTable;
  cluster_leadership: ClusterLeadershipTable;
  flag_custody: FlagCustodyTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_checkpoint: AuditCheckpointTable;
  app_secret: AppSecretTable;
  annual_rating: AnnualRatingTable;
  award_received: AwardReceivedTable;
  evidence_item: EvidenceItemTable;
  discipline_record: DisciplineRecordTable;
  leave_record: LeaveRecordTable;
  pending_review: PendingReviewTable;
  unit_year_figures: UnitYearFiguresTable;
  quota_policy: QuotaPolicyTable;
  issuer_settings: IssuerSettingsTable;
  job: JobTable;
  document_series: DocumentSeriesTable;
  document: DocumentTable;
  document_recipient: DocumentRecipientTable;
  criteria_set: CriteriaSetTable;
  score_sheet: ScoreSheetTable;
  score_adjustment: ScoreAdjustmentTable;
  knock_out_flag: KnockOutFlagTable;
  score_evidence: ScoreEvidenceTable;
  ballot: BallotTable;
  ballot_candidate: BallotCandidateTable;
  ballot_voter: BallotVoterTable;
  ballot_vote: BallotVoteTable;
}

export type UserRow = Selectable<AppUserTable>;

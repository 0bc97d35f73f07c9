/** Every write of thidua is one of these events; `data` is what a reader of the history needs. */
export type Change = { from: unknown; to: unknown };
export type Changes = Record<string, Change>;

export type AuditEvent =
  | DocumentEvent
  | CriteriaEvent
  | { type: 'USER_CREATED'; entityType: 'user'; entityId: number; data: { username: string; role: string } }
  | { type: 'USER_UPDATED'; entityType: 'user'; entityId: number; data: { changes: Changes } }
  | { type: 'USER_SESSIONS_REVOKED'; entityType: 'user'; entityId: number; data: { sessions: number } }
  | { type: 'USER_PASSWORD_RESET'; entityType: 'user'; entityId: number; data: { expiresAt: string; sessions: number } }
  | { type: 'USER_PASSWORD_CHANGED'; entityType: 'user'; entityId: number; data: { via: 'reset-code' | 'self' } }
  | { type: 'USER_SIGNED_IN'; entityType: 'user'; entityId: number; data: Record<string, never> }
  | { type: 'USER_SIGNED_OUT'; entityType: 'user'; entityId: number; data: Record<string, never> }
  | { type: 'DEMO_DATA_LOADED'; entityType: null; entityId: null; data: Record<string, number> }
  | { type: 'BACKUP_DOWNLOADED'; entityType: null; entityId: null; data: { tables: number; rows: number; migration: string } }
  | { type: 'AUTHORITY_CREATED'; entityType: 'authority'; entityId: number; data: { code: string; name: string } }
  | { type: 'AUTHORITY_UPDATED'; entityType: 'authority'; entityId: number; data: { changes: Changes } }
  | { type: 'UNIT_CREATED'; entityType: 'unit'; entityId: number; data: { code: string; name: string } }
  | { type: 'UNIT_UPDATED'; entityType: 'unit'; entityId: number; data: { changes: Changes } }
  | { type: 'PERSON_UPDATED'; entityType: 'person'; entityId: number; data: { changes: Changes } }
  | { type: 'CLUSTER_CREATED'; entityType: 'cluster'; entityId: number; data: { code: string; name: string; decisionNumber: string } }
  | { type: 'CLUSTER_UPDATED'; entityType: 'cluster'; entityId: number; data: { changes: Changes } }
  | {
      type: 'CLUSTER_MEMBER_ADDED';
      entityType: 'cluster';
      entityId: number;
      data: { unitId: number; year: number; from: string | null; to: string | null };
    }
  | {
      type: 'RECORD_ADDED';
      entityType: 'person' | 'unit';
      entityId: number;
      data: { kind: string; recordId: number } & Record<string, unknown>;
    }
  | { type: 'RECORD_REMOVED'; entityType: 'person' | 'unit'; entityId: number; data: { kind: string; recordId: number } }
  | {
      type: 'QUOTA_POLICY_SET';
      entityType: 'authority';
      entityId: number;
      data: { awardCode: string; year: number; ratePercent: number; rounding: string; minOne: boolean; baseAwardCode: string | null };
    }
  | { type: 'ISSUER_SETTINGS_SET'; entityType: 'authority'; entityId: number; data: { year: number; overrides: Record<string, unknown> } }
  | { type: 'CLUSTER_MEMBER_REMOVED'; entityType: 'cluster'; entityId: number; data: { unitId: number; year: number } }
  | {
      type: 'CLUSTER_FLAG_HANDED_OVER';
      entityType: 'cluster';
      entityId: number;
      data: { unitId: number; from: string; note: string | null; previousClosedOn: string | null };
    }
  | { type: 'PERSON_CREATED'; entityType: 'person'; entityId: number; data: { code: string; fullName: string; unitId: number } }
  | {
      type: 'PERSON_POSITION_ADDED';
      entityType: 'person';
      entityId: number;
      data: { positionId: number; unitId: number; title: string; from: string; to: string | null };
    }
  | { type: 'PERSON_POSITION_REMOVED'; entityType: 'person'; entityId: number; data: { positionId: number } }
  | {
      type: 'CLUSTER_LEADERSHIP_SET';
      entityType: 'cluster';
      entityId: number;
      data: { year: number; headUnitId: number; deputyUnitId: number | null };
    };

export type DocumentEvent =
  | { type: 'DECISION_DRAFTED'; entityType: 'document'; entityId: number; data: { awardCode: string; year: number; recipients: number } }
  | { type: 'DECISION_UPDATED'; entityType: 'document'; entityId: number; data: { changes: Changes } }
  | { type: 'DECISION_DELETED'; entityType: 'document'; entityId: number; data: { summary: string } }
  | {
      type: 'DECISION_ISSUED';
      entityType: 'document';
      entityId: number;
      data: {
        number: string;
        issueDate: string;
        recipients: number;
        pdfSha256: string;
        overrideReason: string | null;
        replaces: number | null;
      };
    }
  | {
      type: 'DECISION_CANCELLED';
      entityType: 'document';
      entityId: number;
      data: { number: string; reason: string; awardsWithdrawn: number };
    }
  | {
      type: 'AWARD_CONFERRED' | 'AWARD_WITHDRAWN';
      entityType: 'person' | 'unit';
      entityId: number;
      data: { documentId: number; number: string; awardCode: string; year: number };
    };

/** A cluster's criteria table of a year and round, in the cluster's history (`criteriaSetId`: the version's row). */
type CriteriaRef = { criteriaSetId: number; year: number; period: 'H1' | 'FY'; version: number };
export type CriteriaEvent =
  | {
      type: 'CRITERIA_SAVED';
      entityType: 'cluster';
      entityId: number;
      data: CriteriaRef & { created: boolean; items: number; maxTotal: number };
    }
  | {
      type: 'CRITERIA_COPIED';
      entityType: 'cluster';
      entityId: number;
      data: CriteriaRef & { created: boolean; fromClusterId: number; fromYear: number; fromVersion: number };
    }
  | { type: 'CRITERIA_ROUND_OPENED'; entityType: 'cluster'; entityId: number; data: CriteriaRef }
  | { type: 'CRITERIA_VERSION_CREATED'; entityType: 'cluster'; entityId: number; data: CriteriaRef & { fromVersion: number } }
  | { type: 'ROUND_SETTINGS_SAVED'; entityType: 'cluster'; entityId: number; data: CriteriaRef & { weights: string; crossMethod: string } }
  | { type: 'ROUND_ADVANCED'; entityType: 'cluster'; entityId: number; data: CriteriaRef & { from: string; to: string } }
  | {
      type: 'SCORE_SHEET_SAVED' | 'SCORE_SHEET_SUBMITTED';
      entityType: 'cluster';
      entityId: number;
      data: CriteriaRef & {
        sheetId: number;
        stage: 'self' | 'cross';
        unitId: number;
        scorerUnitId: number;
        entries: number;
        total: number;
      };
    }
  | {
      type: 'SCORE_ADJUSTED';
      entityType: 'cluster';
      entityId: number;
      data: CriteriaRef & { adjustmentId: number; unitId: number; item: string; oldPoints: number; points: number; reason: string };
    }
  | {
      type: 'SCORE_ADJUSTMENT_ANSWERED';
      entityType: 'cluster';
      entityId: number;
      data: CriteriaRef & { adjustmentId: number; unitId: number; item: string; answer: string };
    }
  | {
      type: 'SCORE_EVIDENCE_ADDED' | 'SCORE_EVIDENCE_REMOVED';
      entityType: 'cluster';
      entityId: number;
      data: CriteriaRef & { sheetId: number; evidenceId: number; item: string; fileName: string; sha256: string; size?: number };
    }
  | {
      type: 'BALLOT_CREATED';
      entityType: 'cluster' | 'authority';
      entityId: number;
      data: { ballotId: number; kind: string; title: string; candidates: number; voters: number };
    }
  | {
      type: 'BALLOT_OPENED';
      entityType: 'cluster' | 'authority';
      entityId: number;
      data: { ballotId: number; eligible: number; present: number };
    }
  | {
      type: 'BALLOT_CLOSED';
      entityType: 'cluster' | 'authority';
      entityId: number;
      data: { ballotId: number; resultSha256: string; eligible: number; present: number; cast: number; valid: number };
    }
  | {
      type: 'KNOCK_OUTS_SET';
      entityType: 'cluster';
      entityId: number;
      data: CriteriaRef & { unitId: number; codes: string[]; reason: string };
    };

export type AuditEventType = AuditEvent['type'];
export type EntityType = 'user' | 'authority' | 'unit' | 'person' | 'cluster' | 'document';

/** Who did it; `system` for the CLI and demo loader. */
export interface AuditActor {
  id: number | null;
  name: string;
  authorityId: number | null;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system', authorityId: null };

/** Field-by-field difference of an edit, for the history panel. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(after)) {
    // history speaks the API's field names (shortName), not the columns (short_name)
    if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value))
      changes[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = { from: before[key] ?? null, to: value };
  }
  return changes;
}

import { scopeAllowsAuthority, scopeAllowsCluster, scopeAllowsUnit, canAssignRole, type Role, type Scope } from './roles.ts';
import type { RoundState } from '../scoring/round.ts';

/**
 * Who may do what, on a resource in its state. The server's `<area>.policy.ts` files enforce these predicates and
 * its presenters send the results to the client as `abilities`, so the web app shows only what the caller may use.
 *
 * Seeing a record never implies editing it: a ministry's committee officer sees the provincial departments that sit in
 * its cluster, but their registry belongs to their own province. Writes belong to the owning authority's committee
 * (and the system administrator); a unit officer writes its own unit, the units under it and their staff.
 */
export interface PolicyActor {
  /** The account's id (absent for checks that never concern the actor's own records). */
  readonly id?: number;
  readonly role: Role;
  readonly authorityId: number | null;
  readonly unitId: number | null;
  readonly scope: Scope;
  /** A cluster officer's cluster and year (the head unit's staff of that year); absent or null for other roles. */
  readonly clusterId?: number | null;
  readonly year?: number | null;
}

export interface OwnedResource {
  readonly authorityId: number;
}

const isAdmin = (a: PolicyActor) => a.role === 'SYSTEM_ADMIN';

/** The owning authority's emulation board (Ban Thi đua – Khen thưởng), or the administrator. */
export const administers = (a: PolicyActor, authorityId: number): boolean =>
  isAdmin(a) || (a.role === 'COMMITTEE_OFFICER' && a.authorityId === authorityId);

/** A unit officer's own unit or a unit under it. */
const officerOf = (a: PolicyActor, unitId: number): boolean =>
  a.role === 'UNIT_OFFICER' && a.scope.kind === 'units' && a.scope.unitIds.includes(unitId);

const abilities = <K extends string>(keys: readonly K[], allowed: (key: K) => boolean): Record<K, boolean> =>
  Object.fromEntries(keys.map((k) => [k, allowed(k)])) as Record<K, boolean>;

// ——— authorities (province, ministry, council) ———
export const AUTHORITY_ACTIONS = ['update', 'setQuotas', 'setSettings', 'createUnit', 'createCluster', 'manageUsers'] as const;
export type AuthorityAction = (typeof AUTHORITY_ACTIONS)[number];
export type AuthorityAbilities = Record<AuthorityAction, boolean>;

export const canSeeAuthority = (a: PolicyActor, authority: { id: number }): boolean => scopeAllowsAuthority(a.scope, authority.id);

export function authorityAbilities(a: PolicyActor, authority: { id: number }): AuthorityAbilities {
  const owns = canSeeAuthority(a, authority) && administers(a, authority.id);
  return abilities(AUTHORITY_ACTIONS, () => owns);
}

// ——— units ———
export const UNIT_ACTIONS = ['update', 'addPerson', 'editRecords'] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];
export type UnitAbilities = Record<UnitAction, boolean>;

export const canSeeUnit = (a: PolicyActor, unit: { id: number } & OwnedResource): boolean => scopeAllowsUnit(a.scope, unit);

export function unitAbilities(a: PolicyActor, unit: { id: number } & OwnedResource): UnitAbilities {
  const writes = canSeeUnit(a, unit) && (administers(a, unit.authorityId) || officerOf(a, unit.id));
  return abilities(UNIT_ACTIONS, () => writes);
}

// ——— people ———
export const PERSON_ACTIONS = ['update', 'addPosition', 'removePosition', 'editRecords'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];
export type PersonAbilities = Record<PersonAction, boolean>;

/** A person is seen by whoever sees the person's unit. */
export const canSeePerson = (a: PolicyActor, person: { unitId: number } & OwnedResource): boolean =>
  scopeAllowsUnit(a.scope, { id: person.unitId, authorityId: person.authorityId });

export function personAbilities(a: PolicyActor, person: { unitId: number } & OwnedResource): PersonAbilities {
  const writes = canSeePerson(a, person) && (administers(a, person.authorityId) || officerOf(a, person.unitId));
  return abilities(PERSON_ACTIONS, () => writes);
}

// ——— clusters and blocks ———
export const CLUSTER_ACTIONS = ['update', 'addMember', 'removeMember', 'setLeadership', 'handOverFlag'] as const;
export type ClusterAction = (typeof CLUSTER_ACTIONS)[number];
export type ClusterAbilities = Record<ClusterAction, boolean>;

export const canSeeCluster = (a: PolicyActor, cluster: { id: number } & OwnedResource): boolean => scopeAllowsCluster(a.scope, cluster);

/**
 * The founding authority's board keeps a cluster's registry: its decision, members, head and deputy, the flag's
 * hand-over. A member unit's officer sees its cluster but changes none of it.
 */
export function clusterAbilities(a: PolicyActor, cluster: { id: number } & OwnedResource): ClusterAbilities {
  const owns = canSeeCluster(a, cluster) && administers(a, cluster.authorityId);
  return abilities(CLUSTER_ACTIONS, () => owns);
}

// ——— a cluster's criteria table of a year and round ———
export const CRITERIA_ACTIONS = ['update', 'open', 'newVersion'] as const;
export type CriteriaAction = (typeof CRITERIA_ACTIONS)[number];
export type CriteriaAbilities = Record<CriteriaAction, boolean>;

/** The cluster officer of this cluster and year: the staff of that year's head unit. */
const clusterOfficerOf = (a: PolicyActor, clusterId: number, year: number): boolean =>
  a.role === 'CLUSTER_OFFICER' && a.clusterId === clusterId && a.year === year;

/**
 * Whoever sees the cluster reads its criteria tables. The founding authority's board keeps them, and the cluster
 * officer of that cluster and year drafts them: while the round is a draft either edits the table (`update`, also by
 * copying another one) and opens scoring (`open`, which freezes it). Once the round is past the draft the table is
 * frozen (the server refuses edits with CRITERIA_FROZEN, see `canEditCriteria`); a change is then a new version,
 * which only the board starts (`newVersion`), since it means scoring the round afresh.
 */
export function criteriaAbilities(
  a: PolicyActor,
  cluster: { id: number } & OwnedResource,
  state: { year: number; roundState: RoundState },
): CriteriaAbilities {
  const seen = canSeeCluster(a, cluster);
  const board = seen && administers(a, cluster.authorityId);
  const drafts = board || (seen && clusterOfficerOf(a, cluster.id, state.year));
  const draft = state.roundState === 'draft';
  return { update: drafts && draft, open: drafts && draft, newVersion: board && !draft };
}

/** Whether the actor may edit the cluster's table of that year at all, whatever the round's state (403 otherwise). */
export const canDraftCriteria = (a: PolicyActor, cluster: { id: number } & OwnedResource, year: number): boolean =>
  criteriaAbilities(a, cluster, { year, roundState: 'draft' }).update;

// ——— a round's scoring: the board, the sheets, the head's review, the ranking ———
export const ROUND_ACTIONS = ['configure', 'advance', 'review', 'seeAll'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];
export type RoundAbilities = Record<RoundAction, boolean>;

/**
 * Running a round belongs to the cluster's head of the year (its cluster officer) and to the founding authority's
 * board: setting the weights, deadlines, tie-breaks and cross-scoring plan while the round is not closed
 * (`configure`), moving it on from self-scoring to cross-scoring, review and closing (`advance`), adjusting items and
 * recording knock-outs in the review (`review`, §6.2: the head "consolidates, checks and ranks"), and seeing every
 * sheet and the ranking before the round closes (`seeAll`).
 */
export function roundAbilities(
  a: PolicyActor,
  cluster: { id: number } & OwnedResource,
  state: { year: number; roundState: RoundState },
): RoundAbilities {
  const seen = canSeeCluster(a, cluster);
  const runs = seen && (administers(a, cluster.authorityId) || clusterOfficerOf(a, cluster.id, state.year));
  const s = state.roundState;
  return {
    configure: runs && s !== 'closed',
    advance: runs && (s === 'self' || s === 'cross' || s === 'review'),
    review: runs && s === 'review',
    seeAll: runs,
  };
}

/** Whether the actor scores for a member unit (its officer): the board marks the caller's own members. */
export const scoresFor = (a: PolicyActor, unitId: number): boolean => officerOf(a, unitId);

export const SHEET_ACTIONS = ['update', 'submit'] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];
export type SheetAbilities = Record<SheetAction, boolean>;

export interface SheetRef {
  readonly year: number;
  readonly roundState: RoundState;
  readonly stage: 'self' | 'cross';
  /** The unit scored. */
  readonly unitId: number;
  /** The member scoring it (the unit itself in `self`). */
  readonly scorerUnitId: number;
  readonly status: 'draft' | 'submitted' | null;
}

/**
 * A sheet is written by the officer of the scoring unit (a unit officer whose units include it) while the round is
 * in the sheet's stage and the sheet is not yet submitted; submitting makes it final. Whether the units are members,
 * the deadline and the cross-scoring plan are the round's rules (`canScore`), checked with the write.
 */
export function sheetAbilities(a: PolicyActor, cluster: { id: number } & OwnedResource, sheet: SheetRef): SheetAbilities {
  const writes =
    canSeeCluster(a, cluster) && officerOf(a, sheet.scorerUnitId) && sheet.roundState === sheet.stage && sheet.status !== 'submitted';
  return { update: writes, submit: writes };
}

/**
 * Who reads a sheet: the head and the board always; the scoring unit's officer its own sheets; a member's officer the
 * others' self sheets once cross-scoring has begun (they score against them); the scored unit's officer the others'
 * cross sheets on it only once the round is closed, so no unit sees cross scores before then.
 */
export function canSeeSheet(a: PolicyActor, cluster: { id: number } & OwnedResource, sheet: Omit<SheetRef, 'status'>): boolean {
  if (!canSeeCluster(a, cluster)) return false;
  if (roundAbilities(a, cluster, sheet).seeAll) return true;
  if (a.role !== 'UNIT_OFFICER') return false;
  if (officerOf(a, sheet.scorerUnitId)) return true;
  const after = ROUND_ORDER.indexOf(sheet.roundState);
  if (sheet.stage === 'self') return after >= ROUND_ORDER.indexOf('cross');
  return officerOf(a, sheet.unitId) && sheet.roundState === 'closed';
}

/** The ranking: the head and the board at any time, whoever else sees the cluster once the round is closed. */
export const canSeeRanking = (
  a: PolicyActor,
  cluster: { id: number } & OwnedResource,
  state: { year: number; roundState: RoundState },
): boolean => canSeeCluster(a, cluster) && (roundAbilities(a, cluster, state).seeAll || state.roundState === 'closed');

/** A unit's result in the round with its adjustments: the head and the board, and the unit's own officer. */
export const canSeeReview = (
  a: PolicyActor,
  cluster: { id: number } & OwnedResource,
  state: { year: number; roundState: RoundState; unitId: number },
): boolean => canSeeCluster(a, cluster) && (roundAbilities(a, cluster, state).seeAll || officerOf(a, state.unitId));

/** An adjustment's answer: the adjusted unit's officer, once, while the round is in review. */
export const canAnswerAdjustment = (
  a: PolicyActor,
  cluster: { id: number } & OwnedResource,
  adj: { unitId: number; roundState: RoundState; answered: boolean },
): boolean => canSeeCluster(a, cluster) && officerOf(a, adj.unitId) && adj.roundState === 'review' && !adj.answered;

const ROUND_ORDER: readonly RoundState[] = ['draft', 'self', 'cross', 'review', 'closed'];

// ——— secret ballots ———
export const BALLOT_ACTIONS = ['open', 'close', 'vote', 'seeResults'] as const;
export type BallotAction = (typeof BALLOT_ACTIONS)[number];
export type BallotAbilities = Record<BallotAction, boolean>;

export interface BallotRef extends OwnedResource {
  readonly clusterId: number | null;
  readonly year: number;
  readonly status: 'draft' | 'open' | 'closed';
  readonly chairUserId: number | null;
  readonly secretaryUserId: number | null;
}

/** Who runs a ballot: its chair and secretary, the owning board, and for a cluster's ballot the head of the year. */
const runsBallot = (a: PolicyActor, b: BallotRef): boolean =>
  (a.id !== undefined && (a.id === b.chairUserId || a.id === b.secretaryUserId)) ||
  administers(a, b.authorityId) ||
  (b.clusterId !== null && clusterOfficerOf(a, b.clusterId, b.year));

/**
 * A ballot is seen by those who run it and by its voters. It opens from a draft and closes once open (chair,
 * secretary, board); a voter votes while it is open and they have not voted; results exist once it is closed, for
 * everyone who sees the ballot (the conference's participants check their receipts).
 */
export function ballotAbilities(a: PolicyActor, b: BallotRef, voter: { eligible: boolean; voted: boolean }): BallotAbilities {
  const runs = runsBallot(a, b);
  return {
    open: runs && b.status === 'draft',
    close: runs && b.status === 'open',
    vote: voter.eligible && !voter.voted && b.status === 'open',
    seeResults: (runs || voter.eligible) && b.status === 'closed',
  };
}
export const canSeeBallot = (a: PolicyActor, b: BallotRef, voter: { eligible: boolean }): boolean => runsBallot(a, b) || voter.eligible;
/** Creating a ballot: the owning board, or for a cluster's ballot the head of the year. */
export const canCreateBallot = (a: PolicyActor, b: Pick<BallotRef, 'authorityId' | 'clusterId' | 'year'>): boolean =>
  administers(a, b.authorityId) || (b.clusterId !== null && clusterOfficerOf(a, b.clusterId, b.year));

// ——— documents of the register (award decisions) ———
export const DOCUMENT_ACTIONS = ['update', 'issue', 'delete', 'cancel', 'replace'] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];
export type DocumentAbilities = Record<DocumentAction, boolean>;
export const DOCUMENT_STATUSES = ['DRAFT', 'ISSUED', 'CANCELLED'] as const;
export type DocumentStatusCode = (typeof DOCUMENT_STATUSES)[number];

/** Who issues a document: the authority itself (its Chairman, its board) or the head of one of its units. */
export interface DocumentIssuer extends OwnedResource {
  readonly issuerUnitId: number | null;
}

/**
 * An authority's register is seen by those who see the whole authority; a unit's by whoever sees the unit. (An issued
 * decision is published: whoever sees one of the people or units it names may read it too — see the server's policy.)
 */
export const canSeeDocument = (a: PolicyActor, d: DocumentIssuer): boolean =>
  d.issuerUnitId === null
    ? a.scope.kind !== 'units' && scopeAllowsAuthority(a.scope, d.authorityId)
    : scopeAllowsUnit(a.scope, { id: d.issuerUnitId, authorityId: d.authorityId });

/**
 * The board drafts and issues the authority's decisions and may act for any of its units; a unit officer drafts and
 * issues its own unit's (the unit head's titles: Advanced Worker, Grassroots Emulation Fighter, Giấy khen). A draft
 * is edited, issued or deleted; an issued decision is only cancelled or replaced by a correction.
 */
export function documentAbilities(a: PolicyActor, d: DocumentIssuer & { status: DocumentStatusCode }): DocumentAbilities {
  const writes = canSeeDocument(a, d) && (administers(a, d.authorityId) || (d.issuerUnitId !== null && officerOf(a, d.issuerUnitId)));
  return abilities(DOCUMENT_ACTIONS, (k) => {
    if (!writes) return false;
    if (k === 'cancel' || k === 'replace') return d.status === 'ISSUED';
    return d.status === 'DRAFT';
  });
}

/** Starting a new draft for an issuer (before it exists, it is a draft of that issuer). */
export const canDraftDocument = (a: PolicyActor, issuer: DocumentIssuer): boolean =>
  documentAbilities(a, { ...issuer, status: 'DRAFT' }).update;

// ——— accounts ———
export const USER_ACTIONS = ['update', 'resetPassword', 'disable', 'revokeSessions'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
export type UserAbilities = Record<UserAction, boolean>;

/** Administrators manage every account; a committee officer the accounts of its own authority, administrators excepted. */
export const canManageUser = (a: PolicyActor, target: { authorityId: number | null; role: Role | string }): boolean =>
  isAdmin(a) || (a.role === 'COMMITTEE_OFFICER' && target.authorityId === a.authorityId && target.role !== 'SYSTEM_ADMIN');

export function userAbilities(a: PolicyActor, target: { id: number; authorityId: number | null; role: Role | string }, selfId: number) {
  const manages = canManageUser(a, target);
  // an administrator cannot lock themself out; one's own password is changed, not reset
  return abilities(USER_ACTIONS, (k) => manages && !((k === 'disable' || k === 'resetPassword') && target.id === selfId));
}

/** Who may open the accounts screen at all. */
export const canListUsers = (a: PolicyActor): boolean => isAdmin(a) || a.role === 'COMMITTEE_OFFICER';

/** Creating an account with a role inside an authority (null: an administrator, who has no authority). */
export const canCreateUser = (a: PolicyActor, role: Role, authorityId: number | null): boolean =>
  canAssignRole(a.role, role) && (isAdmin(a) || authorityId === a.authorityId);

/** A backup holds every record and account (password hashes included): the system administrator's alone. */
export const canDownloadBackup = (a: PolicyActor): boolean => isAdmin(a);

// ——— what the caller may start from the menus, whatever record is open ———
export const SESSION_ACTIONS = [
  'createUnit',
  'createPerson',
  'createCluster',
  'manageUsers',
  'editIssuerRules',
  'downloadBackup',
  'draftDecision',
] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];
export type SessionAbilities = Record<SessionAction, boolean>;

export function sessionAbilities(a: PolicyActor): SessionAbilities {
  const board = isAdmin(a) || (a.role === 'COMMITTEE_OFFICER' && a.authorityId !== null);
  return {
    createUnit: board,
    createPerson: board || (a.role === 'UNIT_OFFICER' && a.unitId !== null),
    createCluster: board,
    manageUsers: canListUsers(a),
    editIssuerRules: board,
    downloadBackup: canDownloadBackup(a),
    draftDecision: board || (a.role === 'UNIT_OFFICER' && a.unitId !== null),
  };
}

// ——— jobs (long work the caller started) ———
export const JOB_ACTIONS = ['cancel'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];
export type JobAbilities = Record<JobAction, boolean>;
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job is its owner's (and the administrator's): its result holds what the owner was allowed to see. */
export const canSeeJob = (a: PolicyActor, job: { ownerId: number | null }): boolean =>
  isAdmin(a) || (a.id !== undefined && job.ownerId === a.id);

export function jobAbilities(a: PolicyActor, job: { ownerId: number | null; state: JobState }): JobAbilities {
  const open = job.state === 'queued' || job.state === 'running';
  return { cancel: canSeeJob(a, job) && open };
}

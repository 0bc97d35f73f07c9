import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  authorityAbilities,
  canDraftDocument,
  canSeeDocument,
  canSeeJob,
  documentAbilities,
  jobAbilities,
  canCreateUser,
  canManageUser,
  clusterAbilities,
  canDraftCriteria,
  criteriaAbilities,
  personAbilities,
  sessionAbilities,
  unitAbilities,
  userAbilities,
  type PolicyActor,
} from './policies.ts';
import { ROLES } from './roles.ts';

// Thanh Hóa (1) with Lam Sơn (10, under it 11) in Cluster No. 18 (5); the Ministry of Industry and Trade (2) runs
// Cluster VI (7), whose members include Thanh Hóa's Department of Industry and Trade (12).
const TH = 1;
const MINISTRY = 2;
const admin: PolicyActor = { role: 'SYSTEM_ADMIN', authorityId: null, unitId: null, scope: { kind: 'all' } };
const committee: PolicyActor = {
  role: 'COMMITTEE_OFFICER',
  authorityId: TH,
  unitId: null,
  scope: { kind: 'authority', authorityId: TH, memberUnitIds: [] },
};
const ministry: PolicyActor = {
  role: 'COMMITTEE_OFFICER',
  authorityId: MINISTRY,
  unitId: null,
  scope: { kind: 'authority', authorityId: MINISTRY, memberUnitIds: [12] },
};
const unitOfficer: PolicyActor = {
  role: 'UNIT_OFFICER',
  authorityId: TH,
  unitId: 10,
  scope: { kind: 'units', authorityId: TH, unitIds: [10, 11], clusterIds: [5] },
};
const clusterOfficer: PolicyActor = {
  role: 'CLUSTER_OFFICER',
  authorityId: TH,
  unitId: null,
  scope: { kind: 'units', authorityId: TH, unitIds: [10, 13], clusterIds: [5] },
};
const council: PolicyActor = {
  role: 'COUNCIL_MEMBER',
  authorityId: TH,
  unitId: null,
  scope: { kind: 'authority', authorityId: TH, memberUnitIds: [] },
};
const viewer: PolicyActor = {
  role: 'VIEWER',
  authorityId: TH,
  unitId: null,
  scope: { kind: 'authority', authorityId: TH, memberUnitIds: [] },
};

const cluster18 = { id: 5, authorityId: TH };
const lamSon = { id: 10, authorityId: TH };
const lamSonBranch = { id: 11, authorityId: TH };
const otherThUnit = { id: 13, authorityId: TH };
const department = { id: 12, authorityId: TH };

describe('clusters: the founding authority keeps the registry', () => {
  it.each([
    ['administrator', admin, true],
    ['Thanh Hóa committee officer', committee, true],
    ['ministry committee officer (another authority)', ministry, false],
    ['unit officer of a member unit', unitOfficer, false],
    ['cluster officer', clusterOfficer, false],
    ['council member', council, false],
    ['viewer', viewer, false],
  ] as const)('%s → every action %s', (_, actor, expected) => {
    expect(Object.values(clusterAbilities(actor, cluster18))).toEqual([expected, expected, expected, expected, expected]);
  });
});

describe("a cluster's criteria table: the board keeps it, the year's cluster officer drafts it, scoring freezes it", () => {
  const officer2026: PolicyActor = { ...clusterOfficer, clusterId: 5, year: 2026 };
  const draft = { year: 2026, roundState: 'draft' } as const;
  it.each([
    ['administrator', admin, { update: true, open: true, newVersion: false }],
    ['committee officer of the founding province', committee, { update: true, open: true, newVersion: false }],
    ["the cluster's officer of that year", officer2026, { update: true, open: true, newVersion: false }],
    ['a cluster officer without its cluster and year', clusterOfficer, { update: false, open: false, newVersion: false }],
    ['ministry officer (does not see the cluster)', ministry, { update: false, open: false, newVersion: false }],
    ['unit officer of a member unit (reads it)', unitOfficer, { update: false, open: false, newVersion: false }],
    ['council member', council, { update: false, open: false, newVersion: false }],
    ['viewer', viewer, { update: false, open: false, newVersion: false }],
  ] as const)('a draft: %s → %o', (_, actor, expected) => {
    expect(criteriaAbilities(actor, cluster18, draft)).toEqual(expected);
  });

  it("the cluster officer drafts only its own cluster's table of its own year", () => {
    expect(criteriaAbilities(officer2026, cluster18, { year: 2025, roundState: 'draft' }).update).toBe(false);
    expect(criteriaAbilities({ ...officer2026, clusterId: 6 }, cluster18, draft).update).toBe(false);
    expect(canDraftCriteria(officer2026, cluster18, 2026)).toBe(true);
    expect(canDraftCriteria(officer2026, cluster18, 2027)).toBe(false);
  });

  it.each(['self', 'cross', 'review', 'closed'] as const)(
    'once the round is %s the table is frozen: only the board starts a new version',
    (state) => {
      const frozen = { year: 2026, roundState: state };
      expect(criteriaAbilities(committee, cluster18, frozen)).toEqual({ update: false, open: false, newVersion: true });
      expect(criteriaAbilities(admin, cluster18, frozen)).toEqual({ update: false, open: false, newVersion: true });
      expect(criteriaAbilities(officer2026, cluster18, frozen)).toEqual({ update: false, open: false, newVersion: false });
      expect(criteriaAbilities(viewer, cluster18, frozen)).toEqual({ update: false, open: false, newVersion: false });
      // whether frozen or not, who may draft the table stays the same
      expect(canDraftCriteria(officer2026, cluster18, 2026)).toBe(true);
    },
  );

  it('nothing of a criteria table is writable by one who does not see the cluster', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(admin, committee, ministry, unitOfficer, clusterOfficer, officer2026, council, viewer),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('draft', 'self', 'cross', 'review', 'closed' as const),
        (actor, id, authorityId, roundState) => {
          const c = { id, authorityId };
          const any = Object.values(criteriaAbilities(actor, c, { year: 2026, roundState })).some(Boolean);
          return !any || clusterAbilities(actor, c).update || (actor.scope.kind === 'units' && actor.scope.clusterIds.includes(id));
        },
      ),
    );
  });
});

describe('units and people: writes belong to the owner, not to whoever sees them', () => {
  it.each([
    ['administrator', admin, lamSon, true],
    ['committee officer, own province', committee, lamSon, true],
    ['ministry officer, guest department it sees', ministry, department, false],
    ['unit officer, own unit', unitOfficer, lamSon, true],
    ['unit officer, unit under it', unitOfficer, lamSonBranch, true],
    ['unit officer, another unit of the province', unitOfficer, otherThUnit, false],
    ['cluster officer, a member unit it sees', clusterOfficer, lamSon, false],
    ['council member', council, lamSon, false],
    ['viewer', viewer, lamSon, false],
  ] as const)('%s → %s', (_, actor, unit, expected) => {
    expect(unitAbilities(actor, unit).update).toBe(expected);
    expect(personAbilities(actor, { unitId: unit.id, authorityId: unit.authorityId }).editRecords).toBe(expected);
  });

  it('nothing is writable that is not visible', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(admin, committee, ministry, unitOfficer, clusterOfficer, council, viewer),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 3 }),
        (actor, id, authorityId) => {
          const u = { id, authorityId };
          const anyWrite = Object.values(unitAbilities(actor, u)).some(Boolean) || Object.values(clusterAbilities(actor, u)).some(Boolean);
          const sees =
            actor.scope.kind === 'all' ||
            (actor.scope.kind === 'authority'
              ? actor.scope.authorityId === authorityId || actor.scope.memberUnitIds.includes(id)
              : actor.scope.unitIds.includes(id) || actor.scope.clusterIds.includes(id));
          return !anyWrite || sees;
        },
      ),
    );
  });
});

describe('authorities', () => {
  it('only the authority’s own board sets its quotas and settings', () => {
    expect(authorityAbilities(committee, { id: TH }).setQuotas).toBe(true);
    expect(authorityAbilities(ministry, { id: TH }).setQuotas).toBe(false);
    expect(authorityAbilities(council, { id: TH }).setSettings).toBe(false);
    expect(authorityAbilities(admin, { id: MINISTRY }).update).toBe(true);
  });
});

describe('accounts', () => {
  it.each([
    [admin, { authorityId: TH, role: 'VIEWER' }, true],
    [admin, { authorityId: null, role: 'SYSTEM_ADMIN' }, true],
    [committee, { authorityId: TH, role: 'UNIT_OFFICER' }, true],
    [committee, { authorityId: MINISTRY, role: 'VIEWER' }, false],
    [committee, { authorityId: null, role: 'SYSTEM_ADMIN' }, false],
    [unitOfficer, { authorityId: TH, role: 'VIEWER' }, false],
    [viewer, { authorityId: TH, role: 'VIEWER' }, false],
  ] as const)('%#: manage → %s', (actor, target, expected) => expect(canManageUser(actor, target)).toBe(expected));

  it('a committee officer creates accounts in its own authority, never an administrator', () => {
    expect(canCreateUser(committee, 'UNIT_OFFICER', TH)).toBe(true);
    expect(canCreateUser(committee, 'UNIT_OFFICER', MINISTRY)).toBe(false);
    expect(canCreateUser(committee, 'SYSTEM_ADMIN', null)).toBe(false);
    expect(canCreateUser(admin, 'SYSTEM_ADMIN', null)).toBe(true);
    expect(canCreateUser(unitOfficer, 'VIEWER', TH)).toBe(false);
  });

  it('no one may disable their own account, nor reset their own password (they change it)', () => {
    expect(userAbilities(admin, { id: 1, authorityId: null, role: 'SYSTEM_ADMIN' }, 1)).toEqual({
      update: true,
      resetPassword: false,
      disable: false,
      revokeSessions: true,
    });
  });
});

describe('what the menus offer', () => {
  it.each(ROLES)('%s', (role) => {
    const actor = { admin, committee, unitOfficer, clusterOfficer, council, viewer }[
      (
        {
          SYSTEM_ADMIN: 'admin',
          COMMITTEE_OFFICER: 'committee',
          UNIT_OFFICER: 'unitOfficer',
          CLUSTER_OFFICER: 'clusterOfficer',
          COUNCIL_MEMBER: 'council',
          VIEWER: 'viewer',
        } as const
      )[role]
    ];
    const s = sessionAbilities(actor);
    const board = role === 'SYSTEM_ADMIN' || role === 'COMMITTEE_OFFICER';
    expect(s).toEqual({
      createUnit: board,
      createPerson: board || role === 'UNIT_OFFICER',
      createCluster: board,
      manageUsers: board,
      editIssuerRules: board,
      downloadBackup: role === 'SYSTEM_ADMIN',
      draftDecision: board || role === 'UNIT_OFFICER',
    });
  });
});

describe('award decisions of the register', () => {
  const ofAuthority = { authorityId: TH, issuerUnitId: null };
  const ofUnit = { authorityId: TH, issuerUnitId: 10 };
  it.each([
    [
      'the board drafts, issues and deletes its authority’s draft',
      committee,
      ofAuthority,
      'DRAFT',
      { update: true, issue: true, delete: true, cancel: false, replace: false },
    ],
    [
      'the board cancels or replaces an issued one, never edits it',
      committee,
      ofAuthority,
      'ISSUED',
      { update: false, issue: false, delete: false, cancel: true, replace: true },
    ],
    [
      'a cancelled decision is left as it is',
      committee,
      ofAuthority,
      'CANCELLED',
      { update: false, issue: false, delete: false, cancel: false, replace: false },
    ],
    [
      'the board acts for a unit of its authority',
      committee,
      ofUnit,
      'DRAFT',
      { update: true, issue: true, delete: true, cancel: false, replace: false },
    ],
    [
      'a unit officer keeps its own unit head’s decisions',
      unitOfficer,
      ofUnit,
      'ISSUED',
      { update: false, issue: false, delete: false, cancel: true, replace: true },
    ],
    [
      'a unit officer does not touch the authority’s',
      unitOfficer,
      ofAuthority,
      'DRAFT',
      { update: false, issue: false, delete: false, cancel: false, replace: false },
    ],
    [
      'a council member reads only',
      council,
      ofAuthority,
      'DRAFT',
      { update: false, issue: false, delete: false, cancel: false, replace: false },
    ],
  ] as const)('%s', (_label, actor, issuer, status, expected) => {
    expect(documentAbilities(actor, { ...issuer, status })).toEqual(expected);
  });

  it('a unit officer sees its unit’s register, not the authority’s; another authority sees neither', () => {
    expect(canSeeDocument(unitOfficer, ofUnit)).toBe(true);
    expect(canSeeDocument(unitOfficer, ofAuthority)).toBe(false);
    expect(canSeeDocument(committee, { authorityId: MINISTRY, issuerUnitId: null })).toBe(false);
    expect(canDraftDocument(unitOfficer, ofUnit)).toBe(true);
    expect(canDraftDocument(viewer, ofAuthority)).toBe(false);
  });
});

describe('jobs', () => {
  it('are their owner’s and the administrator’s; only open ones can be cancelled', () => {
    const owner = { ...committee, id: 7 };
    expect(jobAbilities(owner, { ownerId: 7, state: 'running' })).toEqual({ cancel: true });
    expect(jobAbilities(owner, { ownerId: 7, state: 'succeeded' })).toEqual({ cancel: false });
    expect(canSeeJob({ ...committee, id: 8 }, { ownerId: 7 })).toBe(false);
    expect(canSeeJob(committee, { ownerId: 7 })).toBe(false);
    expect(canSeeJob(admin, { ownerId: 7 })).toBe(true);
  });
});

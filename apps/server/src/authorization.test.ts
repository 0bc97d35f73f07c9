// The authorization matrix: every operation of the OpenAPI document, with a VALID request (so that authorization,
// not validation, is what answers), tried by an anonymous caller and by every demo account on a target inside and a
// target outside its scope. The expected status comes from the domain's policies (packages/domain/src/access/
// policies.ts), never from a hand-written table of roles.
//
// A new endpoint must add its row to OPERATIONS: the first test fails naming any operation of the OpenAPI document
// without a row (and any row whose operation no longer exists). A row lists its cases: a target, how to build a valid
// request for it (fresh records are made for writes that consume them), and the status the policy predicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorityAbilities,
  canCreateUser,
  canDownloadBackup,
  canListUsers,
  canManageUser,
  canSeeAuthority,
  canSeeCluster,
  canSeeJob,
  canSeePerson,
  canSeeUnit,
  canDraftDocument,
  canSeeDocument,
  clusterAbilities,
  criteriaAbilities,
  documentAbilities,
  personAbilities,
  sessionAbilities,
  unitAbilities,
  type PolicyActor,
  type RoundState,
  DEFAULT_ROUND_SETTINGS,
  roundAbilities,
  sheetAbilities,
  canSeeSheet,
  canSeeReview,
  canSeeRanking,
  canAnswerAdjustment,
  ballotAbilities,
  canCreateBallot,
  canSeeBallot,
} from '@thidua/domain';
import { toActor } from './access/actor.ts';
import { DEMO_PASSWORD } from './seeds/load-demo.ts';
import { createTestContext, idOf, signIn, type Client, type TestContext } from './test/harness.ts';

let t: TestContext;
const USERNAMES = ['demo-admin', 'demo-committee', 'demo-ministry', 'demo-cluster', 'demo-unit', 'demo-council', 'demo-viewer'] as const;
type Caller = { name: string; client: Client; actor: (PolicyActor & { id: number }) | null };
let callers: Caller[];

// targets
let year: number;
let th: number;
let cb: number;
let c18: number;
let cbBlock: number;
let lamSon: number;
let cbUnit: number;
let sct: number;
let thPerson: number;
let cbPerson: number;
let thUser: number;
let cbUser: number;
let adminId: number;
let seq = 0;
const fresh = (prefix: string) => `${prefix}-${++seq}`;

const db = () => t.database.db;
const auditLength = async () =>
  Number(
    (
      await db()
        .selectFrom('audit_event')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1, jobWorker: false });
  th = await idOf(t.database, 'authority', 'TH');
  cb = await idOf(t.database, 'authority', 'CB');
  c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
  cbBlock = await idOf(t.database, 'cluster', 'CB-KHOI-THTH');
  lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
  cbUnit = await idOf(t.database, 'unit', 'CB-SNV');
  sct = await idOf(t.database, 'unit', 'TH-SCT');
  thPerson = (await db().selectFrom('person').select('id').where('unit_id', '=', lamSon).executeTakeFirstOrThrow()).id;
  cbPerson = (await db().selectFrom('person').select('id').where('unit_id', '=', cbUnit).executeTakeFirstOrThrow()).id;
  year = (
    await db()
      .selectFrom('cluster_leadership')
      .select('year')
      .where('cluster_id', '=', c18)
      .orderBy('year', 'desc')
      .executeTakeFirstOrThrow()
  ).year;
  // accounts to manage, which are never callers (revoking a caller's sessions would end its session)
  const admin = await t.as('demo-admin');
  const mk = async (username: string, authorityId: number) =>
    (
      await admin.post('/api/v1/users', { username, displayName: username, password: 'matrix-password-1', role: 'VIEWER', authorityId })
    ).json().id as number;
  thUser = await mk('matrix-th', th);
  cbUser = await mk('matrix-cb', cb);
  adminId = (await db().selectFrom('app_user').select('id').where('username', '=', 'demo-admin').executeTakeFirstOrThrow()).id;
  callers = [{ name: 'anonymous', client: t.anonymous, actor: null }];
  for (const username of USERNAMES) {
    const row = await db().selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    callers.push({ name: username, client: await t.as(username), actor: await toActor(db(), row) });
  }
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Request {
  url: string;
  body?: unknown;
}
interface Case {
  target: string;
  /** a valid request on this target; called once per caller, so it may create what the request consumes */
  request: () => Promise<Request>;
  /** the status the policies predict for a signed-in actor */
  expect: (actor: PolicyActor & { id: number }) => number;
}
/** A row: the operation's cases. Anonymous callers always get 401, but on the public operations. */
type Row = { public?: true; cases: () => Case[] };

const seeUnit = (a: PolicyActor, id: number, authorityId: number) => canSeeUnit(a, { id, authorityId });
const unitTargets = () => [
  { target: 'Lam Sơn (Thanh Hóa)', id: lamSon, authorityId: th },
  { target: 'a Cao Bằng department', id: cbUnit, authorityId: cb },
  { target: "Thanh Hóa's Department of Industry and Trade (in the ministry's cluster)", id: sct, authorityId: th },
];
const personTargets = () => [
  { target: 'a Lam Sơn employee', id: thPerson, unitId: lamSon, authorityId: th },
  { target: 'a Cao Bằng employee', id: cbPerson, unitId: cbUnit, authorityId: cb },
];
const clusterTargets = () => [
  { target: 'Cluster No. 18 (Thanh Hóa)', id: c18, authorityId: th },
  { target: 'the Cao Bằng block', id: cbBlock, authorityId: cb },
];
const authorityTargets = () => [
  { target: 'Thanh Hóa', id: th },
  { target: 'Cao Bằng', id: cb },
];
const versionOf = async (table: 'unit' | 'person' | 'cluster' | 'authority', id: number) =>
  (await db().selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const sees = (visible: boolean, allowed: boolean, ok: number) => (!visible ? 404 : allowed ? ok : 403);

/** A unit made for one attempt (a member to add, a position to hold). */
async function newUnit(authorityId: number) {
  const code = fresh('MX-U');
  const row = await db()
    .insertInto('unit')
    .values({ authority_id: authorityId, code, name: code, unit_type: 'STATE_AGENCY', search_key: code.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const unitBody = (authorityId: number) => ({ authorityId, code: fresh('MX-NEW'), name: 'Đơn vị thử', unitType: 'STATE_AGENCY' });
const clusterBody = (authorityId: number) => ({
  authorityId,
  code: fresh('MX-C'),
  kind: 'CLUSTER',
  name: 'Cụm thử',
  activeFrom: `${year}-01-10`,
  decision: {
    number: `${++seq}/QĐ-UBND`,
    issuedOn: `${year}-01-05`,
    issuer: 'UBND tỉnh',
    signerName: 'A',
    signerTitle: 'CHỦ TỊCH',
    summary: 'Thành lập',
  },
});
const recordBodies: Record<string, () => unknown> = {
  ratings: () => ({ year: year - 1, rating: 'HTT' }),
  awards: () => ({ awardCode: 'GIAY_KHEN', year: year - 1, kind: 'CONG_TRANG' }),
  evidence: () => ({ evidenceType: 'INITIATIVE', title: fresh('Sáng kiến'), year: year - 1, scope: 'CO_SO' }),
  discipline: () => ({ form: 'KHIEN_TRACH', from: `${year - 3}-02-01`, to: `${year - 3}-03-01` }),
  leaves: () => ({ leaveType: 'SICK', from: `${year - 3}-04-01`, to: `${year - 3}-04-10` }),
  reviews: () => ({ reviewType: 'INSPECTION', from: `${year - 3}-05-01`, to: `${year - 3}-05-20` }),
};

/** A sound one-item criteria table of 100 points. */
const criteriaContent = () => ({
  maxTotal: 100,
  groups: [
    {
      code: 'I',
      title: 'Nhiệm vụ',
      items: [{ code: '1', text: 'Hoàn thành', maxPoints: 100, method: 'binary', evidenceRequired: false, kind: 'regular' }],
    },
  ],
  knockOuts: [],
});

/** The round's latest criteria table, made if missing, put in `state`; its row version. */
async function criteriaInState(x: { id: number; authorityId: number }, y: number, period: 'H1' | 'FY', state: RoundState) {
  const latest = await db()
    .selectFrom('criteria_set')
    .select(['id', 'row_version'])
    .where('cluster_id', '=', x.id)
    .where('year', '=', y)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!latest) {
    const row = await db()
      .insertInto('criteria_set')
      .values({
        authority_id: x.authorityId,
        cluster_id: x.id,
        year: y,
        period,
        version: 1,
        content: JSON.stringify(criteriaContent()),
        round_state: state,
      })
      .returning('row_version')
      .executeTakeFirstOrThrow();
    return row.row_version;
  }
  await db().updateTable('criteria_set').set({ round_state: state }).where('id', '=', latest.id).execute();
  return latest.row_version;
}

/** A member of the cluster in the matrix's year (Lam Sơn in Cluster No. 18). */
async function memberOf(x: { id: number }) {
  const rows = await db()
    .selectFrom('cluster_membership')
    .select('unit_id')
    .where('cluster_id', '=', x.id)
    .where('year', '=', year)
    .execute();
  return (rows.find((r) => r.unit_id === lamSon) ?? rows[0]!).unit_id;
}

/** The round (year-end table) put in `state`, with the member's self sheet cleared: its row id and row version. */
async function roundInState(x: { id: number; authorityId: number }, state: RoundState, unitId?: number) {
  const rowVersion = await criteriaInState(x, year, 'FY', state);
  const set = await db()
    .selectFrom('criteria_set')
    .select('id')
    .where('cluster_id', '=', x.id)
    .where('year', '=', year)
    .where('period', '=', 'FY')
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  if (unitId) {
    const sheets = db().selectFrom('score_sheet').select('id').where('criteria_set_id', '=', set.id).where('unit_id', '=', unitId);
    await db().deleteFrom('score_evidence').where('sheet_id', 'in', sheets).execute();
    await db().deleteFrom('score_sheet').where('criteria_set_id', '=', set.id).where('unit_id', '=', unitId).execute();
  }
  return { id: set.id, rowVersion };
}

/** A PDF small enough to write inline, whole enough to be recognised by its content. */
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A draft self sheet of the member in the round (state self) with one evidence file on item 1: the file's id. */
async function evidenceOn(x: { id: number; authorityId: number }, unitId: number) {
  const set = await roundInState(x, 'self', unitId);
  const sheet = await db()
    .insertInto('score_sheet')
    .values({
      criteria_set_id: set.id,
      authority_id: x.authorityId,
      unit_id: unitId,
      scorer_unit_id: unitId,
      stage: 'self',
      points: [null],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const file = await db()
    .insertInto('score_evidence')
    .values({
      sheet_id: sheet.id,
      item: '1',
      file_name: 'Báo cáo.pdf',
      media_type: 'application/pdf',
      size_bytes: MINIMAL_PDF.length,
      sha256: 'a'.repeat(64),
      content: MINIMAL_PDF,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return file.id;
}

/** A ballot of the cluster in `status`, with demo-unit as its one voter (not yet voted): its id. */
async function ballotIn(x: { id: number; authorityId: number }, status: 'draft' | 'open' | 'closed') {
  const unitUser = (await db().selectFrom('app_user').select('id').where('username', '=', 'demo-unit').executeTakeFirstOrThrow()).id;
  const b = await db()
    .insertInto('ballot')
    .values({
      authority_id: x.authorityId,
      cluster_id: x.id,
      year,
      kind: 'honouring',
      title: 'Suy tôn',
      max_choices: 1,
      rule: JSON.stringify({ quorumPercent: 0, approvalPercent: 50, denominator: 'valid', strictlyAbove: true }),
      status,
      result:
        status === 'closed'
          ? JSON.stringify({ eligible: 1, present: 1, cast: 0, valid: 0, invalid: 0, quorumMet: true, candidates: [] })
          : null,
      result_sha256: status === 'closed' ? 'c'.repeat(64) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db().insertInto('ballot_candidate').values({ ballot_id: b.id, position: 1, name: 'Đơn vị A', unit_id: null }).execute();
  await db().insertInto('ballot_voter').values({ ballot_id: b.id, user_id: unitUser }).execute();
  return b.id;
}
const ballotRef = (x: { id: number; authorityId: number }, status: 'draft' | 'open' | 'closed') => ({
  authorityId: x.authorityId,
  clusterId: x.id,
  year,
  status,
  chairUserId: null,
  secretaryUserId: null,
});
const isVoter = (a: PolicyActor) => a.role === 'UNIT_OFFICER' && a.unitId === lamSon;

const OPERATIONS: Record<string, Row> = {
  'GET /api/health': { public: true, cases: () => [{ target: '-', request: async () => ({ url: '/api/health' }), expect: () => 200 }] },
  'POST /api/v1/auth/login': {
    public: true,
    cases: () => [
      {
        target: '-',
        request: async () => ({ url: '/api/v1/auth/login', body: { username: 'demo-viewer', password: DEMO_PASSWORD } }),
        expect: () => 200,
      },
    ],
  },
  'GET /api/v1/auth/me': { cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/auth/me' }), expect: () => 200 }] },
  // signing out is tried on a session of its own (see `send`), so the caller's session survives
  'POST /api/v1/auth/logout': { cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/auth/logout' }), expect: () => 204 }] },
  // one's own password: every signed-in caller may change it (`send` puts the old one back afterwards)
  'POST /api/v1/auth/password': {
    cases: () => [
      {
        target: "the caller's own account",
        request: async () => ({ url: '/api/v1/auth/password', body: { currentPassword: DEMO_PASSWORD, newPassword: 'matrix-password-2' } }),
        expect: () => 204,
      },
    ],
  },
  // the owner of a reset account, with the code an account manager gave them: nobody needs to be signed in
  'POST /api/v1/auth/password-reset': {
    public: true,
    cases: () => [
      {
        target: 'a Thanh Hóa account with a fresh reset code',
        request: async () => {
          const admin = callers.find((c) => c.name === 'demo-admin')!.client;
          const { code } = (await admin.post(`/api/v1/users/${thUser}/password-reset`)).json() as { code: string };
          return { url: '/api/v1/auth/password-reset', body: { username: 'matrix-th', code, newPassword: 'matrix-password-3' } };
        },
        expect: () => 200,
      },
    ],
  },

  'GET /api/v1/authorities/': { cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/authorities/' }), expect: () => 200 }] },
  'GET /api/v1/authorities/{id}': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/authorities/${x.id}` }),
        expect: (a) => (canSeeAuthority(a, x) ? 200 : 404),
      })),
  },
  'GET /api/v1/authorities/{id}/overview': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/authorities/${x.id}/overview` }),
        expect: (a) => (canSeeAuthority(a, x) ? 200 : 404),
      })),
  },
  'PATCH /api/v1/authorities/{id}': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/authorities/${x.id}`, body: { version: await versionOf('authority', x.id), place: 'Thử' } }),
        expect: (a) => sees(canSeeAuthority(a, x), authorityAbilities(a, x).update, 200),
      })),
  },

  'GET /api/v1/units/': { cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/units/' }), expect: () => 200 }] },
  'POST /api/v1/units/': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: '/api/v1/units/', body: unitBody(x.id) }),
        expect: (a) => (!sessionAbilities(a).createUnit ? 403 : sees(canSeeAuthority(a, x), authorityAbilities(a, x).createUnit, 201)),
      })),
  },
  'GET /api/v1/units/{id}': {
    cases: () =>
      unitTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/units/${x.id}` }),
        expect: (a) => (seeUnit(a, x.id, x.authorityId) ? 200 : 404),
      })),
  },
  'GET /api/v1/units/{id}/clusters': {
    cases: () =>
      unitTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/units/${x.id}/clusters` }),
        expect: (a) => (seeUnit(a, x.id, x.authorityId) ? 200 : 404),
      })),
  },
  'PATCH /api/v1/units/{id}': {
    cases: () =>
      unitTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/units/${x.id}`, body: { version: await versionOf('unit', x.id), province: 'Thử' } }),
        expect: (a) => sees(seeUnit(a, x.id, x.authorityId), unitAbilities(a, x).update, 200),
      })),
  },

  'GET /api/v1/people/': { cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/people/' }), expect: () => 200 }] },
  'POST /api/v1/people/': {
    cases: () =>
      unitTargets().map((x) => ({
        target: x.target,
        request: async () => ({
          url: '/api/v1/people/',
          body: { unitId: x.id, code: fresh('MX-P'), fullName: 'Người thử', gender: 'female' },
        }),
        // a unit the caller cannot see is an unknown reference (400), not a leak
        expect: (a) =>
          !sessionAbilities(a).createPerson ? 403 : !seeUnit(a, x.id, x.authorityId) ? 400 : unitAbilities(a, x).addPerson ? 201 : 403,
      })),
  },
  'GET /api/v1/people/{id}': {
    cases: () =>
      personTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/people/${x.id}` }),
        expect: (a) => (canSeePerson(a, x) ? 200 : 404),
      })),
  },
  'PATCH /api/v1/people/{id}': {
    cases: () =>
      personTargets().map((x) => ({
        target: x.target,
        request: async () => ({
          url: `/api/v1/people/${x.id}`,
          body: { version: await versionOf('person', x.id), birthDate: '1980-01-02' },
        }),
        expect: (a) => sees(canSeePerson(a, x), personAbilities(a, x).update, 200),
      })),
  },
  'POST /api/v1/people/{id}/positions': {
    cases: () =>
      personTargets().map((x) => ({
        target: x.target,
        request: async () => ({
          url: `/api/v1/people/${x.id}/positions`,
          body: { unitId: x.unitId, title: 'Chuyên viên', from: `${year - 2}-01-01`, to: `${year - 2}-06-30` },
        }),
        expect: (a) => sees(canSeePerson(a, x), personAbilities(a, x).addPosition, 201),
      })),
  },
  'DELETE /api/v1/people/{id}/positions/{positionId}': {
    cases: () =>
      personTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const p = await db()
            .insertInto('person_position')
            .values({
              authority_id: x.authorityId,
              person_id: x.id,
              unit_id: x.unitId,
              title: 'Tạm',
              from_date: `${year - 4}-01-01`,
              to_date: `${year - 4}-02-01`,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { url: `/api/v1/people/${x.id}/positions/${p.id}` };
        },
        expect: (a) => sees(canSeePerson(a, x), personAbilities(a, x).removePosition, 200),
      })),
  },

  'GET /api/v1/clusters/': { cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/clusters/' }), expect: () => 200 }] },
  'POST /api/v1/clusters/': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: '/api/v1/clusters/', body: clusterBody(x.id) }),
        expect: (a) =>
          !sessionAbilities(a).createCluster ? 403 : sees(canSeeAuthority(a, x), authorityAbilities(a, x).createCluster, 201),
      })),
  },
  'GET /api/v1/clusters/{id}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/clusters/${x.id}` }),
        expect: (a) => (canSeeCluster(a, x) ? 200 : 404),
      })),
  },
  'PATCH /api/v1/clusters/{id}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const c = await db().selectFrom('cluster').select(['version', 'name']).where('id', '=', x.id).executeTakeFirstOrThrow();
          return { url: `/api/v1/clusters/${x.id}`, body: { version: c.version, name: c.name } };
        },
        expect: (a) => sees(canSeeCluster(a, x), clusterAbilities(a, x).update, 200),
      })),
  },
  'POST /api/v1/clusters/{id}/memberships': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/clusters/${x.id}/memberships`, body: { unitId: await newUnit(x.authorityId), year } }),
        expect: (a) => sees(canSeeCluster(a, x), clusterAbilities(a, x).addMember, 201),
      })),
  },
  'DELETE /api/v1/clusters/{id}/memberships/{membershipId}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const m = await db()
            .insertInto('cluster_membership')
            .values({
              authority_id: x.authorityId,
              cluster_id: x.id,
              unit_id: await newUnit(x.authorityId),
              year,
              from_date: null,
              to_date: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { url: `/api/v1/clusters/${x.id}/memberships/${m.id}` };
        },
        expect: (a) => sees(canSeeCluster(a, x), clusterAbilities(a, x).removeMember, 200),
      })),
  },
  'PUT /api/v1/clusters/{id}/leadership/{year}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const members = await db()
            .selectFrom('cluster_membership')
            .select('unit_id')
            .where('cluster_id', '=', x.id)
            .where('year', '=', year)
            .orderBy('id')
            .limit(2)
            .execute();
          const current = await db()
            .selectFrom('cluster_leadership')
            .select('version')
            .where('cluster_id', '=', x.id)
            .where('year', '=', year)
            .executeTakeFirst();
          return {
            url: `/api/v1/clusters/${x.id}/leadership/${year}`,
            body: { headUnitId: members[0]!.unit_id, deputyUnitId: members[1]?.unit_id ?? null, version: current?.version ?? 0 },
          };
        },
        expect: (a) => sees(canSeeCluster(a, x), clusterAbilities(a, x).setLeadership, 200),
      })),
  },
  'POST /api/v1/clusters/{id}/flag-custody': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const last = await db()
            .selectFrom('flag_custody')
            .select('from_date')
            .where('cluster_id', '=', x.id)
            .orderBy('from_date', 'desc')
            .executeTakeFirst();
          const members = await db()
            .selectFrom('cluster_membership')
            .select('unit_id')
            .where('cluster_id', '=', x.id)
            .where('year', '=', year)
            .orderBy('id')
            .execute();
          // a later hand-over each time, to a member that does not hold the flag now
          const holder = await db()
            .selectFrom('flag_custody')
            .select('unit_id')
            .where('cluster_id', '=', x.id)
            .where('to_date', 'is', null)
            .executeTakeFirst();
          const unitId = members.find((m) => m.unit_id !== holder?.unit_id)!.unit_id;
          const next = last ? new Date(Date.parse(`${last.from_date}T00:00:00Z`) + 86_400_000) : new Date(Date.UTC(year, 0, 2));
          const from = (next.getUTCFullYear() < year ? new Date(Date.UTC(year, 0, 2)) : next).toISOString().slice(0, 10);
          return { url: `/api/v1/clusters/${x.id}/flag-custody`, body: { unitId, from } };
        },
        expect: (a) => sees(canSeeCluster(a, x), clusterAbilities(a, x).handOverFlag, 201),
      })),
  },
  // a cluster's criteria tables (features/scoring): each request first puts the round's latest table in the state
  // the operation needs (a draft to edit or open, a frozen one to re-version), so every caller tries a valid request
  'GET /api/v1/clusters/{id}/years/{year}/criteria': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          await criteriaInState(x, year, 'FY', 'draft');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/criteria?period=FY` };
        },
        expect: (a) => (canSeeCluster(a, x) ? 200 : 404),
      })),
  },
  'PUT /api/v1/clusters/{id}/years/{year}/criteria': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const rowVersion = await criteriaInState(x, year, 'H1', 'draft');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/criteria`, body: { ...criteriaContent(), period: 'H1', rowVersion } };
        },
        expect: (a) => sees(canSeeCluster(a, x), criteriaAbilities(a, x, { year, roundState: 'draft' }).update, 200),
      })),
  },
  'POST /api/v1/clusters/{id}/years/{year}/criteria/copy': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          await criteriaInState(x, year - 1, 'H1', 'closed');
          await criteriaInState(x, year, 'H1', 'draft');
          return {
            url: `/api/v1/clusters/${x.id}/years/${year}/criteria/copy`,
            body: { fromClusterId: x.id, fromYear: year - 1, period: 'H1' },
          };
        },
        expect: (a) => sees(canSeeCluster(a, x), criteriaAbilities(a, x, { year, roundState: 'draft' }).update, 200),
      })),
  },
  'POST /api/v1/clusters/{id}/years/{year}/criteria/open': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const rowVersion = await criteriaInState(x, year, 'FY', 'draft');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/criteria/open`, body: { period: 'FY', rowVersion } };
        },
        expect: (a) => sees(canSeeCluster(a, x), criteriaAbilities(a, x, { year, roundState: 'draft' }).open, 200),
      })),
  },
  'POST /api/v1/clusters/{id}/years/{year}/criteria/new-version': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          await criteriaInState(x, year, 'FY', 'self');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/criteria/new-version`, body: { period: 'FY' } };
        },
        expect: (a) => sees(canSeeCluster(a, x), criteriaAbilities(a, x, { year, roundState: 'self' }).newVersion, 201),
      })),
  },

  // a round's scoring (features/scoring): each request first puts the round in the state the operation needs
  'GET /api/v1/clusters/{id}/years/{year}/round': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          await roundInState(x, 'self');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/round?period=FY` };
        },
        expect: (a) => (canSeeCluster(a, x) ? 200 : 404),
      })),
  },
  'PUT /api/v1/clusters/{id}/years/{year}/round/settings': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const { rowVersion } = await roundInState(x, 'self');
          return {
            url: `/api/v1/clusters/${x.id}/years/${year}/round/settings`,
            body: { ...DEFAULT_ROUND_SETTINGS, period: 'FY', rowVersion },
          };
        },
        expect: (a) => sees(canSeeCluster(a, x), roundAbilities(a, x, { year, roundState: 'self' }).configure, 200),
      })),
  },
  'POST /api/v1/clusters/{id}/years/{year}/round/advance': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const { rowVersion } = await roundInState(x, 'self');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/round/advance`, body: { period: 'FY', to: 'cross', rowVersion } };
        },
        expect: (a) => sees(canSeeCluster(a, x), roundAbilities(a, x, { year, roundState: 'self' }).advance, 200),
      })),
  },
  'GET /api/v1/clusters/{id}/years/{year}/sheets/{unitId}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          await roundInState(x, 'self');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/sheets/${unitId}?period=FY&stage=self` };
        },
        expect: (a) => {
          const unitId = x.id === c18 ? lamSon : -1;
          const visible = canSeeSheet(a, x, { year, roundState: 'self', stage: 'self', unitId, scorerUnitId: unitId });
          return sees(canSeeCluster(a, x), visible, 200);
        },
      })),
  },
  'PUT /api/v1/clusters/{id}/years/{year}/sheets/{unitId}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          await roundInState(x, 'self', unitId);
          return {
            url: `/api/v1/clusters/${x.id}/years/${year}/sheets/${unitId}`,
            body: { period: 'FY', stage: 'self', scorerUnitId: unitId, entries: [{ item: '1', points: 100 }], submit: false },
          };
        },
        expect: (a) => {
          const unitId = x.id === c18 ? lamSon : -1;
          const sheet = { year, roundState: 'self' as const, stage: 'self' as const, unitId, scorerUnitId: unitId, status: null };
          return sees(canSeeCluster(a, x), sheetAbilities(a, x, sheet).update, 200);
        },
      })),
  },
  'POST /api/v1/clusters/{id}/years/{year}/sheets/{unitId}/evidence': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          await roundInState(x, 'self', unitId);
          const query = `period=FY&stage=self&scorerUnitId=${unitId}&item=1&fileName=${encodeURIComponent('Báo cáo.pdf')}`;
          return { url: `/api/v1/clusters/${x.id}/years/${year}/sheets/${unitId}/evidence?${query}`, body: MINIMAL_PDF };
        },
        expect: (a) => {
          const unitId = x.id === c18 ? lamSon : -1;
          const sheet = { year, roundState: 'self' as const, stage: 'self' as const, unitId, scorerUnitId: unitId, status: null };
          return sees(canSeeCluster(a, x), sheetAbilities(a, x, sheet).update, 201);
        },
      })),
  },
  'GET /api/v1/clusters/{id}/years/{year}/sheets/{unitId}/evidence/{evidenceId}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          const evidenceId = await evidenceOn(x, unitId);
          return { url: `/api/v1/clusters/${x.id}/years/${year}/sheets/${unitId}/evidence/${evidenceId}?period=FY&stage=self` };
        },
        expect: (a) => {
          const unitId = x.id === c18 ? lamSon : -1;
          const visible = canSeeSheet(a, x, { year, roundState: 'self', stage: 'self', unitId, scorerUnitId: unitId });
          return sees(canSeeCluster(a, x), visible, 200);
        },
      })),
  },
  'DELETE /api/v1/clusters/{id}/years/{year}/sheets/{unitId}/evidence/{evidenceId}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          const evidenceId = await evidenceOn(x, unitId);
          return {
            url: `/api/v1/clusters/${x.id}/years/${year}/sheets/${unitId}/evidence/${evidenceId}?period=FY&stage=self&scorerUnitId=${unitId}`,
          };
        },
        expect: (a) => {
          const unitId = x.id === c18 ? lamSon : -1;
          const sheet = { year, roundState: 'self' as const, stage: 'self' as const, unitId, scorerUnitId: unitId, status: null };
          return sees(canSeeCluster(a, x), sheetAbilities(a, x, sheet).update, 200);
        },
      })),
  },
  'GET /api/v1/clusters/{id}/years/{year}/review/{unitId}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          await roundInState(x, 'review');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/review/${unitId}?period=FY` };
        },
        expect: (a) =>
          sees(canSeeCluster(a, x), canSeeReview(a, x, { year, roundState: 'review', unitId: x.id === c18 ? lamSon : -1 }), 200),
      })),
  },
  'POST /api/v1/clusters/{id}/years/{year}/adjustments': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          await roundInState(x, 'review');
          return {
            url: `/api/v1/clusters/${x.id}/years/${year}/adjustments`,
            body: { period: 'FY', unitId, item: '1', points: 100, reason: 'Đối chiếu báo cáo' },
          };
        },
        expect: (a) => sees(canSeeCluster(a, x), roundAbilities(a, x, { year, roundState: 'review' }).review, 201),
      })),
  },
  'POST /api/v1/clusters/{id}/years/{year}/adjustments/{adjustmentId}/answer': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          const set = await roundInState(x, 'review');
          const adj = await db()
            .insertInto('score_adjustment')
            .values({
              criteria_set_id: set.id,
              unit_id: unitId,
              item: '1',
              old_points: 0,
              points: 100,
              reason: 'Đối chiếu',
              created_by: adminId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { url: `/api/v1/clusters/${x.id}/years/${year}/adjustments/${adj.id}/answer`, body: { answer: 'Đồng ý' } };
        },
        expect: (a) =>
          sees(
            canSeeCluster(a, x),
            canAnswerAdjustment(a, x, { unitId: x.id === c18 ? lamSon : -1, roundState: 'review', answered: false }),
            200,
          ),
      })),
  },
  'PUT /api/v1/clusters/{id}/years/{year}/knock-outs/{unitId}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const unitId = await memberOf(x);
          await roundInState(x, 'review');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/knock-outs/${unitId}`, body: { period: 'FY', codes: [], reason: '' } };
        },
        expect: (a) => sees(canSeeCluster(a, x), roundAbilities(a, x, { year, roundState: 'review' }).review, 200),
      })),
  },
  'GET /api/v1/clusters/{id}/years/{year}/ranking': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          await roundInState(x, 'review');
          return { url: `/api/v1/clusters/${x.id}/years/${year}/ranking?round=final` };
        },
        expect: (a) => sees(canSeeCluster(a, x), canSeeRanking(a, x, { year, roundState: 'review' }), 200),
      })),
  },

  'GET /api/v1/ballots/': {
    cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/ballots/?status=open' }), expect: () => 200 }],
  },
  'POST /api/v1/ballots/': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({
          url: '/api/v1/ballots/',
          body: {
            authorityId: x.authorityId,
            clusterId: x.id,
            year,
            kind: 'honouring',
            title: 'Suy tôn đơn vị dẫn đầu',
            maxChoices: 1,
            candidates: [{ name: 'Đơn vị A' }],
            voterUserIds: [adminId],
          },
        }),
        expect: (a) => sees(canSeeCluster(a, x), canCreateBallot(a, { authorityId: x.authorityId, clusterId: x.id, year }), 201),
      })),
  },
  'GET /api/v1/ballots/{id}': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/ballots/${await ballotIn(x, 'open')}` }),
        expect: (a) => (canSeeBallot(a, ballotRef(x, 'open'), { eligible: isVoter(a) }) ? 200 : 404),
      })),
  },
  'POST /api/v1/ballots/{id}/open': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/ballots/${await ballotIn(x, 'draft')}/open`, body: {} }),
        expect: (a) =>
          sees(
            canSeeBallot(a, ballotRef(x, 'draft'), { eligible: isVoter(a) }),
            ballotAbilities(a, ballotRef(x, 'draft'), { eligible: isVoter(a), voted: false }).open,
            200,
          ),
      })),
  },
  'POST /api/v1/ballots/{id}/votes': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const id = await ballotIn(x, 'open');
          const candidate = (await db().selectFrom('ballot_candidate').select('id').where('ballot_id', '=', id).executeTakeFirstOrThrow())
            .id;
          return { url: `/api/v1/ballots/${id}/votes`, body: { choices: [candidate] } };
        },
        expect: (a) => sees(canSeeBallot(a, ballotRef(x, 'open'), { eligible: isVoter(a) }), isVoter(a), 201),
      })),
  },
  'POST /api/v1/ballots/{id}/close': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/ballots/${await ballotIn(x, 'open')}/close` }),
        expect: (a) =>
          sees(
            canSeeBallot(a, ballotRef(x, 'open'), { eligible: isVoter(a) }),
            ballotAbilities(a, ballotRef(x, 'open'), { eligible: isVoter(a), voted: false }).close,
            200,
          ),
      })),
  },
  'GET /api/v1/ballots/{id}/results': {
    cases: () =>
      clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/ballots/${await ballotIn(x, 'closed')}/results` }),
        expect: (a) => (canSeeBallot(a, ballotRef(x, 'closed'), { eligible: isVoter(a) }) ? 200 : 404),
      })),
  },
  'GET /api/v1/audit/': {
    cases: () => [
      ...clusterTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/audit/?entityType=cluster&entityId=${x.id}` }),
        expect: (a: PolicyActor) => (canSeeCluster(a, x) ? 200 : 404),
      })),
      ...personTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/audit/?entityType=person&entityId=${x.id}` }),
        expect: (a: PolicyActor) => (canSeePerson(a, x) ? 200 : 404),
      })),
    ],
  },

  'GET /api/v1/records/{subjectType}/{id}': {
    cases: () =>
      personTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/records/person/${x.id}` }),
        expect: (a) => (canSeePerson(a, x) ? 200 : 404),
      })),
  },
  ...Object.fromEntries(
    Object.entries(recordBodies).map(([kind, body]) => [
      `POST /api/v1/records/{subjectType}/{id}/${kind}`,
      {
        cases: () =>
          personTargets().map((x) => ({
            target: x.target,
            request: async () => ({ url: `/api/v1/records/person/${x.id}/${kind}`, body: body() }),
            expect: (a: PolicyActor) => sees(canSeePerson(a, x), personAbilities(a, x).editRecords, 201),
          })),
      } satisfies Row,
    ]),
  ),
  'POST /api/v1/records/{subjectType}/{id}/figures': {
    cases: () =>
      unitTargets().map((x) => ({
        target: x.target,
        request: async () => ({
          url: `/api/v1/records/unit/${x.id}/figures`,
          body: { year: year - 1, total: 10, advancedWorkers: 8, completedTasks: 9, grassrootsFighters: 1, disciplinedWarningOrAbove: 0 },
        }),
        expect: (a) => sees(seeUnit(a, x.id, x.authorityId), unitAbilities(a, x).editRecords, 201),
      })),
  },
  'DELETE /api/v1/records/{subjectType}/{id}/{kind}/{recordId}': {
    cases: () =>
      personTargets().map((x) => ({
        target: x.target,
        request: async () => {
          const r = await db()
            .insertInto('leave_record')
            .values({
              authority_id: x.authorityId,
              person_id: x.id,
              leave_type: 'STUDY',
              from_date: `${year - 5}-01-01`,
              to_date: `${year - 5}-01-05`,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { url: `/api/v1/records/person/${x.id}/leaves/${r.id}` };
        },
        expect: (a) => sees(canSeePerson(a, x), personAbilities(a, x).editRecords, 200),
      })),
  },

  'POST /api/v1/eligibility/check': {
    cases: () => [
      {
        target: '-',
        request: async () => ({
          url: '/api/v1/eligibility/check',
          body: {
            format: 'thidua.eligibility-cases/1',
            cases: [
              {
                id: 'a',
                proposal: { award: 'LAO_DONG_TIEN_TIEN', year: 2025 },
                subject: { type: 'individual', gender: 'female', ratings: { '2025': 'HTT' } },
              },
            ],
          },
        }),
        expect: () => 200,
      },
    ],
  },
  'GET /api/v1/eligibility/subjects/{subjectType}/{id}': {
    cases: () =>
      personTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/eligibility/subjects/person/${x.id}?year=${year}` }),
        expect: (a) => (canSeePerson(a, x) ? 200 : 404),
      })),
  },
  'GET /api/v1/eligibility/batch': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: `/api/v1/eligibility/batch?award=LAO_DONG_TIEN_TIEN&year=${year}&authorityId=${x.id}` }),
        expect: (a) => (canSeeAuthority(a, x) ? 200 : 404),
      })),
  },
  'POST /api/v1/eligibility/batch-jobs': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: '/api/v1/eligibility/batch-jobs', body: { award: 'LAO_DONG_TIEN_TIEN', year, authorityId: x.id } }),
        expect: (a) => (canSeeAuthority(a, x) ? 202 : 404),
      })),
  },
  'GET /api/v1/eligibility/batch-jobs/{id}/result': {
    // the administrator's job, never run here: its owner learns it has not finished (409), others that it does not exist
    cases: () => [
      {
        target: "the administrator's job",
        request: async () => ({ url: `/api/v1/eligibility/batch-jobs/${await newJob()}/result` }),
        expect: (a) => (canSeeJob(a, { ownerId: adminId }) ? 409 : 404),
      },
    ],
  },
  ...Object.fromEntries(
    (['quotas', 'settings'] as const).flatMap((area) => [
      [
        `GET /api/v1/eligibility/${area}/{authorityId}`,
        {
          cases: () =>
            authorityTargets().map((x) => ({
              target: x.target,
              request: async () => ({ url: `/api/v1/eligibility/${area}/${x.id}` }),
              expect: (a: PolicyActor) => (canSeeAuthority(a, x) ? 200 : 404),
            })),
        } satisfies Row,
      ],
      [
        `PUT /api/v1/eligibility/${area}/{authorityId}`,
        {
          cases: () =>
            authorityTargets().map((x) => ({
              target: x.target,
              request: async () => ({
                url: `/api/v1/eligibility/${area}/${x.id}`,
                body:
                  area === 'quotas'
                    ? { awardCode: 'GIAY_KHEN', year, ratePercent: 10, rounding: 'floor' }
                    : { year, overrides: { provincialFighterCycleYears: 3 } },
              }),
              expect: (a: PolicyActor) =>
                sees(canSeeAuthority(a, x), authorityAbilities(a, x)[area === 'quotas' ? 'setQuotas' : 'setSettings'], 200),
            })),
        } satisfies Row,
      ],
    ]),
  ),

  'GET /api/v1/users/': {
    cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/users/' }), expect: (a) => (canListUsers(a) ? 200 : 403) }],
  },
  'POST /api/v1/users/': {
    cases: () =>
      authorityTargets().map((x) => ({
        target: x.target,
        request: async () => ({
          url: '/api/v1/users/',
          body: { username: fresh('mx-user'), displayName: 'Thử', password: 'matrix-password-1', role: 'VIEWER', authorityId: x.id },
        }),
        expect: (a) => (canListUsers(a) && canCreateUser(a, 'VIEWER', x.id) ? 201 : 403),
      })),
  },
  ...Object.fromEntries(
    (
      [
        ['GET /api/v1/users/{id}', (id: number) => ({ url: `/api/v1/users/${id}` }), 200],
        ['PATCH /api/v1/users/{id}', (id: number) => ({ url: `/api/v1/users/${id}`, body: { displayName: 'Người xem (thử)' } }), 200],
        ['POST /api/v1/users/{id}/revoke-sessions', (id: number) => ({ url: `/api/v1/users/${id}/revoke-sessions` }), 204],
        ['POST /api/v1/users/{id}/password-reset', (id: number) => ({ url: `/api/v1/users/${id}/password-reset` }), 201],
      ] as const
    ).map(([op, build, ok]) => [
      op,
      {
        cases: () =>
          [
            { target: 'a Thanh Hóa account', id: thUser, authorityId: th },
            { target: 'a Cao Bằng account', id: cbUser, authorityId: cb },
          ].map((x) => ({
            target: x.target,
            request: async () => build(x.id),
            expect: (a: PolicyActor) =>
              !canListUsers(a) ? 403 : canManageUser(a, { authorityId: x.authorityId, role: 'VIEWER' }) ? ok : 404,
          })),
      } satisfies Row,
    ]),
  ),

  'GET /api/v1/jobs/{id}': {
    cases: () => [
      {
        target: "the administrator's job",
        request: async () => ({ url: `/api/v1/jobs/${await newJob()}` }),
        expect: (a) => (canSeeJob(a, { ownerId: adminId }) ? 200 : 404),
      },
    ],
  },
  'POST /api/v1/jobs/{id}/cancel': {
    cases: () => [
      {
        target: "the administrator's job",
        request: async () => ({ url: `/api/v1/jobs/${await newJob()}/cancel` }),
        expect: (a) => (canSeeJob(a, { ownerId: adminId }) ? 200 : 404),
      },
    ],
  },

  'GET /api/v1/admin/backup': {
    cases: () => [
      { target: '-', request: async () => ({ url: '/api/v1/admin/backup' }), expect: (a) => (canDownloadBackup(a) ? 200 : 403) },
    ],
  },

  'GET /api/v1/decisions/': { cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/decisions/' }), expect: () => 200 }] },
  'POST /api/v1/decisions/': {
    cases: () =>
      issuerTargets().map((x) => ({
        target: x.target,
        request: async () => ({ url: '/api/v1/decisions/', body: draftBody(x) }),
        expect: (a) => (!sessionAbilities(a).draftDecision ? 403 : sees(canSeeDocument(a, x), canDraftDocument(a, x), 201)),
      })),
  },
  ...Object.fromEntries(
    (
      [
        ['GET', '', 'read', 200],
        ['GET', '/checks', 'read', 200],
        ['GET', '/document.pdf', 'read', 200],
        ['GET', '/document.docx', 'read', 200],
        ['PATCH', '', 'update', 200],
        ['DELETE', '', 'delete', 204],
        ['POST', '/issue', 'issue', 200],
      ] as const
    ).map(([method, suffix, action, ok]) => [
      `${method} /api/v1/decisions/{id}${suffix}`,
      {
        cases: () =>
          issuerTargets().map((x) => ({
            target: `a draft of ${x.target}`,
            request: async () => {
              const id = await newDraft(x);
              const body =
                method === 'PATCH'
                  ? { ...draftBody(x), authorityId: undefined, issuerUnitId: undefined, version: 1 }
                  : method === 'POST'
                    ? { version: 1, issueDate: `${year}-01-15`, overrideReason: 'Thử nghiệm' }
                    : undefined;
              return { url: `/api/v1/decisions/${id}${suffix}`, ...(body ? { body } : {}) };
            },
            expect: (a) =>
              action === 'read'
                ? canSeeDocument(a, x)
                  ? 200
                  : 404
                : sees(canSeeDocument(a, x), documentAbilities(a, { ...x, status: 'DRAFT' })[action], ok),
          })),
      },
    ]),
  ),
  'POST /api/v1/decisions/{id}/cancel': {
    cases: () =>
      issuerTargets().map((x) => ({
        target: `an issued decision of ${x.target}`,
        request: async () => {
          const id = await newDraft(x, true);
          return { url: `/api/v1/decisions/${id}/cancel`, body: { version: 1, reason: 'Thử nghiệm' } };
        },
        expect: (a) => sees(canSeeDocument(a, x), documentAbilities(a, { ...x, status: 'ISSUED' }).cancel, 200),
      })),
  },
  'GET /api/v1/public/verify/{code}': {
    public: true,
    cases: () => [{ target: '-', request: async () => ({ url: '/api/v1/public/verify/ABCDE-FGHJK' }), expect: () => 200 }],
  },
};

/** Who issues a decision: Thanh Hóa itself, one of its units, another province. */
const issuerTargets = () => [
  { target: 'Thanh Hóa', authorityId: th, issuerUnitId: null, recipient: thPerson },
  { target: 'Lam Sơn', authorityId: th, issuerUnitId: lamSon, recipient: thPerson },
  { target: 'Cao Bằng', authorityId: cb, issuerUnitId: null, recipient: cbPerson },
];
type IssuerTarget = ReturnType<typeof issuerTargets>[number];

const draftBody = (x: IssuerTarget) => ({
  authorityId: x.authorityId,
  issuerUnitId: x.issuerUnitId,
  symbol: 'QĐ-UBND',
  issuerName: 'ỦY BAN NHÂN DÂN TỈNH',
  place: 'Thanh Hóa',
  authorityLine: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
  signer: { delegation: null, onBehalfOf: null, title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' },
  awardCode: x.issuerUnitId === null ? 'BANG_KHEN_BO_TINH' : 'GIAY_KHEN',
  kind: 'CONG_TRANG',
  year: year - 1,
  achievement: 'đã có thành tích xuất sắc',
  recipients: [{ subjectType: 'person', subjectId: x.recipient }],
});

/** A draft (or an issued decision) of an issuer, written directly, for one attempt. */
async function newDraft(x: IssuerTarget, issued = false): Promise<number> {
  const b = draftBody(x);
  const row = await db()
    .insertInto('document')
    .values({
      authority_id: x.authorityId,
      kind: 'AWARD_DECISION',
      status: issued ? 'ISSUED' : 'DRAFT',
      issuer_unit_id: x.issuerUnitId,
      issuer_key: `MX${++seq}`,
      symbol: b.symbol,
      number: issued ? 1 : null,
      issue_year: issued ? year : null,
      issue_date: issued ? `${year}-01-15` : null,
      award_code: b.awardCode as 'GIAY_KHEN',
      award_kind: 'CONG_TRANG',
      year: b.year,
      summary: 'Về việc tặng',
      content: JSON.stringify({ ...b, issuerParent: null, copiesTo: [], proposal: null, regulation: null }),
      override_reason: null,
      verification_code: null,
      pdf_sha256: null,
      pdf: null,
      replaces_id: null,
      cancel_reason: null,
      cancelled_at: null,
      created_by: null,
      issued_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('document_recipient')
    .values({ document_id: row.id, position: 0, subject_type: 'person', subject_id: x.recipient, reward_vnd: null })
    .execute();
  return row.id;
}

/** A queued batch job of the administrator's, made for one attempt. */
async function newJob(): Promise<number> {
  const row = await db()
    .insertInto('job')
    .values({
      kind: 'eligibility.batch',
      input: JSON.stringify({ award: 'LAO_DONG_TIEN_TIEN', year, population: { authorityId: th }, lang: 'vi' }),
      owner_id: adminId,
      authority_id: th,
      run_after: new Date(),
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const passwordOf = async (id: number) =>
  (await db().selectFrom('app_user').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

async function send(caller: Caller, method: Method, request: Request) {
  let c = caller.client;
  // signing out ends the session it is sent on: use a session of its own
  if (request.url === '/api/v1/auth/logout' && caller.actor) c = await signIn(t.app, caller.name);
  const headers: Record<string, string> = c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {};
  if (request.body !== undefined) headers['content-type'] = Buffer.isBuffer(request.body) ? 'application/octet-stream' : 'application/json';
  // a caller who changes its password gets the demo password back, so later sign-ins work
  const own = request.url === '/api/v1/auth/password' && caller.actor ? await passwordOf(caller.actor.id) : undefined;
  const res = await t.app.inject({
    method,
    url: request.url,
    cookies: c.cookies,
    headers,
    ...(request.body !== undefined ? { payload: Buffer.isBuffer(request.body) ? request.body : JSON.stringify(request.body) } : {}),
  });
  if (own !== undefined) await db().updateTable('app_user').set({ password_hash: own }).where('id', '=', caller.actor!.id).execute();
  return res;
}

describe('the authorization matrix', () => {
  it('has a row for every operation of the OpenAPI document, and none for operations that do not exist', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(
      documented.filter((op) => !(op in OPERATIONS)),
      'operations without a row',
    ).toEqual([]);
    expect(
      Object.keys(OPERATIONS).filter((op) => !documented.includes(op)),
      'rows without an operation',
    ).toEqual([]);
  });

  it('answers every caller, in and out of scope, as the policies say, and refused writes leave no trace', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const [op, row] of Object.entries(OPERATIONS)) {
      const method = op.split(' ')[0] as Method;
      for (const kase of row.cases()) {
        for (const caller of callers) {
          const request = await kase.request();
          const before = method === 'GET' ? 0 : await auditLength();
          const res = await send(caller, method, request);
          tried++;
          const expected = caller.actor
            ? kase.expect(caller.actor)
            : row.public
              ? kase.expect({ role: 'VIEWER', authorityId: null, unitId: null, scope: { kind: 'all' }, id: 0 })
              : 401;
          if (res.statusCode !== expected)
            wrong.push(
              `${op} on ${kase.target} as ${caller.name}: ${res.statusCode}, the policy says ${expected} (${res.body.slice(0, 160)})`,
            );
          if (method !== 'GET' && res.statusCode >= 400 && (await auditLength()) !== before)
            wrong.push(`${op} on ${kase.target} as ${caller.name}: refused but audited`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(500);
  });
});

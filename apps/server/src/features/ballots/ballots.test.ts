import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotSchema, resultsSchema } from '@thidua/contracts/ballots.ts';
import { createTestContext, idOf, signIn, type Client, type TestContext } from '../../test/harness.ts';

// A cluster's secret ballot: delegates vote once each from their devices, results exist only after closing, and
// nothing stored links a voter to a choice.
let t: TestContext;
let th: number;
let c18: number;
let year: number;
let members: Array<{ id: number; name: string }>;
let delegates: Client[];
let delegateIds: number[];

beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1, jobWorker: false });
  th = await idOf(t.database, 'authority', 'TH');
  c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
  year = (await t.database.db.selectFrom('app_user').select('year').where('username', '=', 'demo-cluster').executeTakeFirstOrThrow()).year!;
  members = await t.database.db
    .selectFrom('cluster_membership')
    .innerJoin('unit', 'unit.id', 'cluster_membership.unit_id')
    .select(['unit.id', 'unit.name'])
    .where('cluster_id', '=', c18)
    .where('year', '=', year)
    .orderBy('unit.code')
    .execute();
  // a delegate account per member unit
  const admin = await t.as('demo-admin');
  delegates = [];
  delegateIds = [];
  for (const [i, m] of members.entries()) {
    const username = `delegate-${i + 1}`;
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: `Đại biểu ${i + 1}`,
      password: 'delegate-password-1',
      role: 'UNIT_OFFICER',
      authorityId: th,
      unitId: m.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    delegateIds.push(res.json().id);
    delegates.push(await signIn(t.app, username, 'delegate-password-1'));
  }
});
afterAll(() => t.close());

async function honouringBallot(maxChoices = 3) {
  const officer = await t.as('demo-cluster');
  const res = await officer.post('/api/v1/ballots', {
    authorityId: th,
    clusterId: c18,
    year,
    kind: 'honouring',
    title: `Suy tôn đơn vị dẫn đầu năm ${year}`,
    maxChoices,
    candidates: members.map((m) => ({ name: m.name, unitId: m.id })),
    voterUserIds: delegateIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('a secret ballot', () => {
  it('is created as a draft by the head of the year, opened, voted in once per delegate, closed and tallied', async () => {
    const ballot = await honouringBallot();
    expect(ballotSchema.safeParse(ballot).success).toBe(true);
    expect(ballot).toMatchObject({ kind: 'honouring', status: 'draft', maxChoices: 3, eligible: members.length, cast: 0 });
    const [a, b, c] = ballot.candidates.map((x: { id: number }) => x.id);
    const early = await delegates[0]!.post(`/api/v1/ballots/${ballot.id}/votes`, { choices: [a] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('BALLOT_NOT_OPEN');
    expect((await delegates[0]!.post(`/api/v1/ballots/${ballot.id}/open`, {})).statusCode).toBe(403);
    const officer = await t.as('demo-cluster');
    expect((await officer.post(`/api/v1/ballots/${ballot.id}/open`, {})).statusCode).toBe(200);
    const list = (await delegates[0]!.get('/api/v1/ballots?status=open')).json();
    expect(list.items.map((x: { id: number }) => x.id)).toContain(ballot.id);

    // too many choices, an unknown candidate: refused, nothing written
    const tooMany = await delegates[0]!.post(`/api/v1/ballots/${ballot.id}/votes`, {
      choices: ballot.candidates.map((x: { id: number }) => x.id),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe('BALLOT_CHOICES_INVALID');
    expect((await delegates[0]!.post(`/api/v1/ballots/${ballot.id}/votes`, { choices: [999_999] })).json().error.code).toBe(
      'BALLOT_CHOICES_INVALID',
    );
    // a non-delegate cannot vote; results are refused before closing
    expect((await (await t.as('demo-unit')).post(`/api/v1/ballots/${ballot.id}/votes`, { choices: [a] })).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/ballots/${ballot.id}/results`)).json().error.code).toBe('RESULTS_NOT_READY');

    // the same delegate twice at the same moment: one vote counts
    const [first, second] = await Promise.all([
      delegates[0]!.post(`/api/v1/ballots/${ballot.id}/votes`, { choices: [a, b] }),
      delegates[0]!.post(`/api/v1/ballots/${ballot.id}/votes`, { choices: [a, c] }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect([first, second].find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_VOTED');
    const receipts = [[first, second].find((r) => r.statusCode === 201)!.json().receipt as string];
    // everyone else, all at once
    const rest = await Promise.all(
      delegates.slice(1).map((d, i) => d.post(`/api/v1/ballots/${ballot.id}/votes`, { choices: i % 2 ? [a, c] : [a, b] })),
    );
    for (const r of rest) expect(r.statusCode, r.body).toBe(201);
    receipts.push(...rest.map((r) => r.json().receipt));
    expect((await officer.get(`/api/v1/ballots/${ballot.id}`)).json().cast).toBe(members.length);

    const closed = await officer.post(`/api/v1/ballots/${ballot.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const results = (await delegates[3]!.get(`/api/v1/ballots/${ballot.id}/results`)).json();
    expect(resultsSchema.safeParse(results).success).toBe(true);
    expect(results).toMatchObject({ eligible: members.length, cast: members.length, valid: members.length, invalid: 0, quorumMet: true });
    expect(results.candidates.find((x: { id: number }) => x.id === a)).toMatchObject({ votes: members.length, passed: true });
    // every voter finds their receipt, and the tally is recomputable from the published ballots
    expect(results.ballots.map((x: { receipt: string }) => x.receipt).sort()).toEqual([...receipts].sort());
    const recount = new Map<number, number>();
    for (const x of results.ballots) for (const id of x.choices as number[]) recount.set(id, (recount.get(id) ?? 0) + 1);
    for (const cand of results.candidates) expect(cand.votes).toBe(recount.get(cand.id) ?? 0);

    // a closed ballot is never reopened nor voted in
    expect((await officer.post(`/api/v1/ballots/${ballot.id}/open`, {})).json().error.code).toBe('BALLOT_CLOSED');
    expect((await officer.post(`/api/v1/ballots/${ballot.id}/close`)).json().error.code).toBe('BALLOT_CLOSED');
    expect((await delegates[1]!.post(`/api/v1/ballots/${ballot.id}/votes`, { choices: [a] })).statusCode).toBe(409);
    const audit = await t.database.db.selectFrom('audit_event').select(['type', 'data']).where('type', '=', 'BALLOT_CLOSED').execute();
    expect(audit.some((e) => (e.data as { ballotId: number }).ballotId === ballot.id)).toBe(true);
  });

  it('keeps nothing that links a voter to a choice, in any table or in the audit chain', async () => {
    const ballot = await honouringBallot(1);
    const officer = await t.as('demo-cluster');
    await officer.post(`/api/v1/ballots/${ballot.id}/open`, {});
    const target = ballot.candidates[2].id;
    const r = await delegates[4]!.post(`/api/v1/ballots/${ballot.id}/votes`, { choices: [target] });
    expect(r.statusCode).toBe(201);
    const me = String(delegateIds[4]);
    const voteRows = await t.database.db.selectFrom('ballot_vote').selectAll().where('ballot_id', '=', ballot.id).execute();
    expect(voteRows).toHaveLength(1);
    // the vote row holds no voter, no time
    expect(Object.keys(voteRows[0]!).sort()).toEqual(['ballot_id', 'id', 'receipt', 'vote']);
    expect(JSON.stringify(voteRows[0])).not.toContain(`"${me}"`);
    // the voter row holds no choice, no receipt, no time
    const voterRow = await t.database.db
      .selectFrom('ballot_voter')
      .selectAll()
      .where('ballot_id', '=', ballot.id)
      .where('user_id', '=', delegateIds[4]!)
      .executeTakeFirstOrThrow();
    expect(Object.keys(voterRow).sort()).toEqual(['ballot_id', 'user_id', 'voted']);
    // no event of the audit chain names the receipt or the choice with the voter
    const events = await t.database.db.selectFrom('audit_event').select(['actor_id', 'data', 'type']).execute();
    for (const e of events) {
      const text = JSON.stringify(e.data);
      expect(text).not.toContain(voteRows[0]!.receipt);
      if (e.actor_id === delegateIds[4]) expect(e.type).not.toMatch(/VOTE/);
    }
  });
});

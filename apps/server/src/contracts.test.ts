import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '@thidua/contracts/auth.ts';
import { clusterDetail, clusterItem } from '@thidua/contracts/clusters.ts';
import { page } from '@thidua/contracts/shared.ts';
import { personSchema } from '@thidua/contracts/people.ts';
import { unitClustersSchema, unitSchema } from '@thidua/contracts/units.ts';
import { authorityOverviewSchema } from '@thidua/contracts/authorities.ts';
import { createTestContext, idOf, type TestContext } from './test/harness.ts';

// The server answers exactly what the shared contracts say, so the web app's parsing of every answer holds.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1, jobWorker: false });
});
afterAll(() => t.close());

describe('answers match the shared contracts', () => {
  it('the session, lists and records parse with their contract schemas', async () => {
    const committee = await t.as('demo-committee');
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const person = (await t.database.db.selectFrom('person').select('id').where('unit_id', '=', lamSon).executeTakeFirstOrThrow()).id;
    const answers: Array<[string, { safeParse(v: unknown): { success: boolean } }]> = [
      ['/api/v1/auth/me', sessionSchema],
      ['/api/v1/clusters', page(clusterItem)],
      [`/api/v1/clusters/${c18}`, clusterDetail],
      [`/api/v1/units/${lamSon}`, unitSchema],
      [`/api/v1/units/${lamSon}/clusters`, unitClustersSchema],
      [`/api/v1/authorities/${await idOf(t.database, 'authority', 'TH')}/overview`, authorityOverviewSchema],
      [`/api/v1/people/${person}`, personSchema],
    ];
    for (const [url, schema] of answers) {
      const res = await committee.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(schema.safeParse(res.json()).success, url).toBe(true);
    }
  });

  it('an answer with a renamed field would not parse', async () => {
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    const body = (await (await t.as('demo-committee')).get(`/api/v1/clusters/${c18}`)).json();
    const { decision, ...rest } = body;
    expect(clusterDetail.safeParse({ ...rest, establishingDecision: decision }).success).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '@thidua/i18n';
import { fieldLabel, fieldLabelKey, routeArea } from './field-labels.ts';
import { createTestContext, idOf, type TestContext } from '../test/harness.ts';

// The newcomer's report: "…code: mã TH-LAMSON-NV999 đã tồn tại" named the field by its name in the API.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1 });
});
afterAll(() => t.close());

/**
 * Fields only programs send: the row versions the forms carry unseen (`rowVersion`: a criteria table's row), the switches and settings whose own screen
 * names each one (`overrides.*`), the fields of the eligibility-cases contract, and the account actions' toggles.
 */
const API_ONLY = new Set([
  'version',
  'rowVersion',
  'disabled',
  'decision',
  'overrides',
  'currentPassword',
  'award',
  'evidence',
  'subjectType',
]);

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Every field of every request body, with the API area its route belongs to. */
function requestFields(openapi: {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}) {
  const found = new Set<string>();
  const walk = (area: string | undefined, schema: JsonSchema | undefined, prefix: string) => {
    if (!schema) return;
    for (const nested of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(area, nested, prefix);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const path = prefix + name;
      if (API_ONLY.has(path.split('.')[0]!) && !path.startsWith('decision.')) continue;
      found.add(`${area ?? ''} ${path}`);
      walk(area, property, `${path}.`);
    }
    walk(area, schema.items, prefix);
  };
  for (const [url, operations] of Object.entries(openapi.paths)) {
    if (url.startsWith('/api/v1/eligibility/check')) continue; // the eligibility-cases contract: programs only
    for (const operation of Object.values(operations))
      for (const content of Object.values(operation.requestBody?.content ?? {})) walk(routeArea(url), content.schema, '');
  }
  return [...found].map((entry) => entry.split(' ') as [string, string]);
}

describe('field labels', () => {
  it('every field a form sends has the label its screen shows, in every language', () => {
    const fields = requestFields(t.app.swagger() as never);
    expect(fields.length).toBeGreaterThan(50);
    const unlabelled = fields.filter(([area, path]) => !fieldLabelKey(area || undefined, path)).map(([area, path]) => `${area} ${path}`);
    expect(unlabelled).toEqual([]);
    for (const language of LANGUAGES) {
      const tr = translator(language);
      for (const [area, path] of fields) {
        const key = fieldLabelKey(area || undefined, path)!;
        expect(tr(key), `${language} ${key}`).not.toBe(key.split(':')[1]);
        expect(tr(key), `${language} ${key}`).not.toBe(key);
      }
    }
  });

  it('names a field by its area’s own label where the screen words it differently', () => {
    const vi = translator('vi');
    expect(fieldLabel(vi, 'clusters', 'unitId')).toBe(vi('registry:clusters.flagReceiver'));
    expect(fieldLabel(vi, 'units', 'unitId')).toBe(vi('registry:fields.unit'));
    expect(fieldLabel(vi, 'units', 'predecessorIds.2')).toBe(vi('registry:units.predecessors'));
    expect(fieldLabel(vi, undefined, 'query.unknownThing')).toBe('query.unknownThing');
    expect(routeArea('/api/v1/clusters/:id/flag')).toBe('clusters');
  });

  it('a taken staff code is reported under the code field’s label, in the caller’s language', async () => {
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const officer = await t.as('demo-committee');
    const first = await officer.post('/api/v1/people', { unitId: lamSon, code: 'TH-LAMSON-NV999', fullName: 'Lê Văn A', gender: 'male' });
    expect(first.statusCode).toBe(201);
    const body = { unitId: lamSon, code: 'TH-LAMSON-NV999', fullName: 'Lê Văn B', gender: 'male' };
    const vi = await officer.post('/api/v1/people', body, { 'accept-language': 'vi' });
    expect(vi.statusCode).toBe(409);
    expect(vi.json().error.fields).toEqual([{ path: 'code', message: 'mã TH-LAMSON-NV999 đã tồn tại' }]);
    expect(vi.json().error.message).toContain('Mã: mã TH-LAMSON-NV999 đã tồn tại');
    expect(vi.json().error.message).not.toContain('code:');
    const en = await officer.post('/api/v1/people', body, { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/Code: /);
  });

  it('a validation error names the flag hand-over’s receiving unit as the form does', async () => {
    const cluster = await idOf(t.database, 'cluster', 'TH-CUM18');
    const res = await (await t.as('demo-committee')).post(`/api/v1/clusters/${cluster}/flag-custody`, { from: '2026-01-20' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(`${translator('vi')('registry:clusters.flagReceiver')}: `);
  });
});

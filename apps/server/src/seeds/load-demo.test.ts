import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { verifyChain } from '../audit/verify.ts';
import { openTestDatabase } from '../test/harness.ts';
import { DEMO_ACCOUNTS, loadDemoData } from './load-demo.ts';
import { generateRecords } from './demo-records.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const count = async (table: 'person' | 'annual_rating' | 'award_received' | 'evidence_item' | 'unit_year_figures' | 'app_user') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo data', () => {
  it('loads once into an empty database, with histories, one account per role and an intact audit chain', async () => {
    expect(await loadDemoData(database.db, { peoplePerUnit: 30, year: 2026 })).toBe(true);
    expect(await loadDemoData(database.db, { peoplePerUnit: 30, year: 2026 })).toBe(false);
    const people = await count('person');
    expect(people).toBeGreaterThan(200);
    expect(await count('annual_rating')).toBeGreaterThanOrEqual(people * 8);
    expect(await count('award_received')).toBeGreaterThan(people);
    expect(await count('unit_year_figures')).toBeGreaterThan(0);
    // one account per role, and the delegates of the demo conferences (10 of Cluster No. 17, 7 of Cluster No. 18)
    expect(await count('app_user')).toBe(DEMO_ACCOUNTS.length + 10 + 7);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(6);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true });
    // every initiative that earned a title is marked used by exactly that title
    const used = await database.db
      .selectFrom('evidence_item')
      .innerJoin('award_received', 'award_received.id', 'evidence_item.used_for_award_id')
      .select(['award_received.award_code', 'award_received.subject_id as a', 'evidence_item.subject_id as e'])
      .execute();
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((u) => u.award_code === 'CHIEN_SI_THI_DUA_CO_SO' && u.a === u.e)).toBe(true);
  }, 120_000);

  it('holds the register’s decisions after the seeds: the 2022 flag to Hatuba, Lam Sơn’s titles, and one draft', async () => {
    const docs = await database.db
      .selectFrom('document')
      .select([
        'id',
        'status',
        'number',
        'symbol',
        'award_code',
        'year',
        'issue_date',
        'pdf_sha256',
        'verification_code',
        'override_reason',
      ])
      .orderBy('id')
      .execute();
    expect(docs.map((d) => [d.status, d.award_code, d.year])).toEqual([
      ['ISSUED', 'CO_THI_DUA_BO_TINH', 2022],
      ['ISSUED', 'BANG_KHEN_BO_TINH', 2022],
      ['ISSUED', 'LAO_DONG_TIEN_TIEN', 2025],
      ['ISSUED', 'CHIEN_SI_THI_DUA_CO_SO', 2025],
      ['DRAFT', 'TAP_THE_LAO_DONG_XUAT_SAC', 2025],
    ]);
    // the province's series of 2023 and Lam Sơn's of 2026, each from 1
    expect(docs.slice(0, 4).map((d) => `${d.number}/${d.symbol}`)).toEqual(['1/QĐ-UBND', '2/QĐ-UBND', '1/QĐ-LS', '2/QĐ-LS']);
    expect(docs.slice(0, 4).every((d) => d.pdf_sha256?.length === 64 && d.verification_code)).toBe(true);
    // the earlier regime's decisions were registered afterwards, with the reason; Lam Sơn's Advanced Workers meet the criteria
    expect(docs.slice(0, 3).map((d) => d.override_reason !== null)).toEqual([true, true, false]);
    const hatuba = await database.db.selectFrom('unit').select('id').where('code', '=', 'TH-HATUBA').executeTakeFirstOrThrow();
    const flag = await database.db
      .selectFrom('award_received')
      .select(['award_code', 'year', 'decision_number', 'document_id'])
      .where('subject_type', '=', 'unit')
      .where('subject_id', '=', hatuba.id)
      .where('document_id', '=', docs[0]!.id)
      .execute();
    expect(flag).toEqual([{ award_code: 'CO_THI_DUA_BO_TINH', year: 2022, decision_number: '01/QĐ-UBND', document_id: docs[0]!.id }]);
    // Lam Sơn's Advanced Workers of 2025 come from its decision alone, once each
    const workers = await database.db
      .selectFrom('award_received')
      .select(['subject_id', 'document_id'])
      .where('award_code', '=', 'LAO_DONG_TIEN_TIEN')
      .where('year', '=', 2025)
      .where('document_id', '=', docs[2]!.id)
      .execute();
    expect(workers.length).toBeGreaterThan(0);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true });
  });

  it('gives every demo record its history, as if entered through the application', async () => {
    const history = async (entityType: string, code: string, table: 'cluster' | 'unit' | 'authority' | 'person') => {
      const id = (await database.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
      return (
        await database.db
          .selectFrom('audit_event')
          .select('type')
          .where('entity_type', '=', entityType)
          .where('entity_id', '=', id)
          .orderBy('seq')
          .execute()
      ).map((e) => e.type);
    };
    const cluster18 = await history('cluster', 'TH-CUM18', 'cluster');
    expect(cluster18[0]).toBe('CLUSTER_CREATED');
    expect(cluster18.filter((t) => t === 'CLUSTER_MEMBER_ADDED').length).toBeGreaterThanOrEqual(7);
    expect(cluster18).toContain('CLUSTER_LEADERSHIP_SET');
    expect(cluster18).toContain('CLUSTER_FLAG_HANDED_OVER');
    expect(await history('unit', 'TH-LAMSON', 'unit')).toEqual(['UNIT_CREATED']);
    expect(await history('authority', 'TH', 'authority')).toEqual(['AUTHORITY_CREATED']);
    const person = (await database.db.selectFrom('person').select('code').orderBy('id').executeTakeFirstOrThrow()).code;
    expect((await history('person', person, 'person')).slice(0, 2)).toEqual(['PERSON_CREATED', 'PERSON_POSITION_ADDED']);
    expect(await verifyChain(database.db)).toMatchObject({ ok: true });
  });

  it('generates the same history for the same person, and none for an undecided year', () => {
    const a = generateRecords({ code: 'TH-LAMSON-001', gender: 'female' }, 2019, 2026);
    expect(generateRecords({ code: 'TH-LAMSON-001', gender: 'female' }, 2019, 2026)).toEqual(a);
    expect(a.ratings.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(a.titles.every((t) => t.year < 2026)).toBe(true);
  });
});

import type { Db } from '../db/client.ts';
import { SYSTEM } from '../access/actor.ts';
import { withTransaction } from '../db/transaction.ts';
import { systemClock } from '../lib/clock.ts';
import { createUser } from '../access/users.ts';
import { searchKey } from '../lib/search-key.ts';
import { currentYear } from '../lib/clock.ts';
import { demoAuthorities, demoClusters, demoUnits, generatePeople } from './demo-data.ts';
import { insertDemoRecords } from './insert-demo-records.ts';
import { loadDemoScoring } from './demo-scoring.ts';
import { loadDemoBallots } from './demo-ballots.ts';
import { loadDemoDecisions } from './demo-decisions.ts';

export const DEMO_PASSWORD = 'thidua-demo';

/** One account per role, documented in the README. */
export const DEMO_ACCOUNTS = [
  { username: 'demo-admin', displayName: 'Quản trị hệ thống', role: 'SYSTEM_ADMIN' },
  { username: 'demo-committee', displayName: 'Ban Thi đua – Khen thưởng tỉnh Thanh Hóa', role: 'COMMITTEE_OFFICER', authority: 'TH' },
  { username: 'demo-ministry', displayName: 'Vụ Thi đua – Khen thưởng, Bộ Công Thương', role: 'COMMITTEE_OFFICER', authority: 'BCT' },
  { username: 'demo-cluster', displayName: 'Văn phòng Cụm thi đua số 18', role: 'CLUSTER_OFFICER', authority: 'TH', cluster: 'TH-CUM18' },
  { username: 'demo-unit', displayName: 'Cán bộ TĐKT Công ty Lam Sơn', role: 'UNIT_OFFICER', authority: 'TH', unit: 'TH-LAMSON' },
  { username: 'demo-council', displayName: 'Ủy viên Hội đồng TĐKT tỉnh Thanh Hóa', role: 'COUNCIL_MEMBER', authority: 'TH' },
  { username: 'demo-viewer', displayName: 'Người xem, tỉnh Cao Bằng', role: 'VIEWER', authority: 'CB' },
] as const;

async function insertInBatches<T>(items: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

/** records: generate ratings, titles, initiatives and member figures (tests start from empty histories). */
export interface DemoOptions {
  peoplePerUnit?: number;
  year?: number;
  records?: boolean;
  /** the address printed on the demo decisions for their verification */
  publicUrl?: string;
}

/** Loads the demo data set into an empty database, in one transaction. Returns false if data already exists. */
export async function loadDemoData(db: Db, options: DemoOptions = {}): Promise<boolean> {
  const existing = await db.selectFrom('authority').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const year = options.year ?? currentYear(systemClock.now());
  await withTransaction({ db, clock: systemClock }, SYSTEM, async (ctx) => {
    const { tx } = ctx;
    const authorityId = new Map<string, number>();
    for (const a of demoAuthorities) {
      const row = await tx
        .insertInto('authority')
        .values({
          code: a.code,
          kind: a.kind,
          name: a.name,
          short_name: a.shortName,
          place: a.place,
          parent_id: a.parentCode ? authorityId.get(a.parentCode)! : null,
          search_key: searchKey(a.name, a.shortName, a.code),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      authorityId.set(a.code, row.id);
      ctx.audit({ type: 'AUTHORITY_CREATED', entityType: 'authority', entityId: row.id, data: { code: a.code, name: a.name } }, row.id);
    }
    const unitId = new Map<string, number>();
    // parents first: a unit may only point at a unit already inserted
    const pending = [...demoUnits];
    while (pending.length) {
      const index = pending.findIndex((u) => !u.parentCode || unitId.has(u.parentCode));
      const [u] = pending.splice(index === -1 ? 0 : index, 1);
      const row = await tx
        .insertInto('unit')
        .values({
          authority_id: authorityId.get(u!.authorityCode)!,
          code: u!.code,
          name: u!.name,
          short_name: u!.shortName ?? null,
          unit_type: u!.unitType,
          legal_entity: u!.legalEntity,
          state_capital_pct: u!.stateCapitalPct ?? null,
          parent_id: u!.parentCode ? (unitId.get(u!.parentCode) ?? null) : null,
          province: u!.province ?? null,
          tax_code: u!.taxCode ?? null,
          founded_on: u!.foundedOn ?? null,
          dissolved_on: u!.dissolvedOn ?? null,
          search_key: searchKey(u!.name, u!.shortName, u!.code),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitId.set(u!.code, row.id);
      ctx.audit(
        { type: 'UNIT_CREATED', entityType: 'unit', entityId: row.id, data: { code: u!.code, name: u!.name } },
        authorityId.get(u!.authorityCode)!,
      );
    }
    for (const u of demoUnits) {
      for (const p of u.predecessorCodes ?? []) {
        await tx
          .insertInto('unit_succession')
          .values({
            authority_id: authorityId.get(u.authorityCode)!,
            predecessor_id: unitId.get(p)!,
            successor_id: unitId.get(u.code)!,
            effective_on: u.foundedOn ?? null,
          })
          .execute();
      }
    }
    const clusterId = new Map<string, number>();
    for (const c of demoClusters) {
      const aid = authorityId.get(c.authorityCode)!;
      const decision = await tx
        .insertInto('decision')
        .values({
          authority_id: aid,
          number: c.decision.number,
          issued_on: c.decision.issuedOn,
          issue_year: Number(c.decision.issuedOn.slice(0, 4)),
          issuer: c.decision.issuer,
          signer_name: c.decision.signerName,
          signer_title: c.decision.signerTitle,
          summary: c.decision.summary,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const cluster = await tx
        .insertInto('cluster')
        .values({
          authority_id: aid,
          code: c.code,
          kind: c.kind,
          name: c.name,
          decision_id: decision.id,
          active_from: c.activeFrom,
          active_to: c.activeTo ?? null,
          search_key: searchKey(c.name, c.code, c.decision.number),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      clusterId.set(c.code, cluster.id);
      // every demo record has its history, as if entered through the application
      ctx.audit(
        {
          type: 'CLUSTER_CREATED',
          entityType: 'cluster',
          entityId: cluster.id,
          data: { code: c.code, name: c.name, decisionNumber: c.decision.number },
        },
        aid,
      );
      for (const m of c.members)
        ctx.audit(
          {
            type: 'CLUSTER_MEMBER_ADDED',
            entityType: 'cluster',
            entityId: cluster.id,
            data: { unitId: unitId.get(m.unitCode)!, year: m.year, from: m.from ?? null, to: m.to ?? null },
          },
          aid,
        );
      await insertInBatches(c.members, 500, (batch) =>
        tx
          .insertInto('cluster_membership')
          .values(
            batch.map((m) => ({
              authority_id: aid,
              cluster_id: cluster.id,
              unit_id: unitId.get(m.unitCode)!,
              year: m.year,
              from_date: m.from ?? null,
              to_date: m.to ?? null,
            })),
          )
          .execute(),
      );
      for (const l of c.leadership) {
        await tx
          .insertInto('cluster_leadership')
          .values({
            authority_id: aid,
            cluster_id: cluster.id,
            year: l.year,
            head_unit_id: unitId.get(l.headUnitCode)!,
            deputy_unit_id: l.deputyUnitCode ? unitId.get(l.deputyUnitCode)! : null,
          })
          .execute();
        ctx.audit(
          {
            type: 'CLUSTER_LEADERSHIP_SET',
            entityType: 'cluster',
            entityId: cluster.id,
            data: {
              year: l.year,
              headUnitId: unitId.get(l.headUnitCode)!,
              deputyUnitId: l.deputyUnitCode ? unitId.get(l.deputyUnitCode)! : null,
            },
          },
          aid,
        );
      }
      for (const f of c.flagCustody) {
        await tx
          .insertInto('flag_custody')
          .values({
            authority_id: aid,
            cluster_id: cluster.id,
            unit_id: unitId.get(f.unitCode)!,
            from_date: f.from,
            to_date: f.to ?? null,
            note: f.note ?? null,
          })
          .execute();
        ctx.audit(
          {
            type: 'CLUSTER_FLAG_HANDED_OVER',
            entityType: 'cluster',
            entityId: cluster.id,
            data: { unitId: unitId.get(f.unitCode)!, from: f.from, note: f.note ?? null, previousClosedOn: null },
          },
          aid,
        );
      }
    }
    const people = generatePeople({ seed: 2024, perUnit: options.peoplePerUnit ?? 30, units: demoUnits });
    const personIds = new Map<string, number>();
    const unitAuthority = new Map(demoUnits.map((u) => [u.code, authorityId.get(u.authorityCode)!]));
    await insertInBatches(people, 400, async (batch) => {
      const rows = await tx
        .insertInto('person')
        .values(
          batch.map((p) => {
            const current = p.positions.find((pos) => !pos.to) ?? p.positions[p.positions.length - 1]!;
            return {
              authority_id: unitAuthority.get(current.unitCode)!,
              code: p.code,
              full_name: p.fullName,
              gender: p.gender,
              birth_date: p.birthDate,
              unit_id: unitId.get(current.unitCode)!,
              search_key: searchKey(p.fullName, p.code),
            };
          }),
        )
        .returning(['id', 'code'])
        .execute();
      const idByCode = new Map(rows.map((r) => [r.code, r.id]));
      for (const r of rows) personIds.set(r.code, r.id);
      const positions = batch.flatMap((p) =>
        p.positions.map((pos) => ({
          authority_id: unitAuthority.get(pos.unitCode)!,
          person_id: idByCode.get(p.code)!,
          unit_id: unitId.get(pos.unitCode)!,
          title: pos.title,
          from_date: pos.from,
          to_date: pos.to ?? null,
        })),
      );
      for (const p of batch) {
        const id = idByCode.get(p.code)!;
        const current = p.positions.find((pos) => !pos.to) ?? p.positions[p.positions.length - 1]!;
        ctx.audit(
          {
            type: 'PERSON_CREATED',
            entityType: 'person',
            entityId: id,
            data: { code: p.code, fullName: p.fullName, unitId: unitId.get(current.unitCode)! },
          },
          unitAuthority.get(current.unitCode)!,
        );
      }
      if (positions.length) {
        const inserted = await tx
          .insertInto('person_position')
          .values(positions)
          .returning(['id', 'person_id', 'unit_id', 'title', 'from_date', 'to_date', 'authority_id'])
          .execute();
        for (const pos of inserted)
          ctx.audit(
            {
              type: 'PERSON_POSITION_ADDED',
              entityType: 'person',
              entityId: pos.person_id,
              data: { positionId: pos.id, unitId: pos.unit_id, title: pos.title, from: pos.from_date, to: pos.to_date },
            },
            pos.authority_id,
          );
      }
    });
    if (options.records ?? true) {
      await insertDemoRecords(
        tx,
        people.map((p) => {
          const current = p.positions.find((pos) => !pos.to) ?? p.positions[p.positions.length - 1]!;
          return {
            id: personIds.get(p.code)!,
            code: p.code,
            gender: p.gender,
            unitId: unitId.get(current.unitCode)!,
            authorityId: unitAuthority.get(current.unitCode)!,
          };
        }),
        demoUnits
          .filter((u) => !u.dissolvedOn)
          .map((u) => ({ id: unitId.get(u.code)!, code: u.code, authorityId: authorityId.get(u.authorityCode)! })),
        year,
      );
    }
    // Thanh Hóa's caps (set before the demo decisions, which respect them): Grassroots Fighters ≤ 15 % of Advanced Workers, Excellent Collectives ≤ 20 % of Advanced Collectives
    const th = authorityId.get('TH')!;
    await tx
      .insertInto('quota_policy')
      .values([
        {
          authority_id: th,
          award_code: 'CHIEN_SI_THI_DUA_CO_SO',
          year: 2024,
          rate_percent: 15,
          rounding: 'floor',
          min_one: true,
          base_award_code: 'LAO_DONG_TIEN_TIEN',
        },
        {
          authority_id: th,
          award_code: 'TAP_THE_LAO_DONG_XUAT_SAC',
          year: 2024,
          rate_percent: 20,
          rounding: 'floor',
          min_one: true,
          base_award_code: 'TAP_THE_LAO_DONG_TIEN_TIEN',
        },
      ])
      .execute();
    if (options.records ?? true)
      await loadDemoDecisions(ctx, { th, unit: (code) => unitId.get(code)! }, year, options.publicUrl ?? 'http://localhost:3000');
    if (options.records ?? true)
      await loadDemoScoring(ctx, { th, unit: (code) => unitId.get(code)!, cluster: (code) => clusterId.get(code)! });
    for (const account of DEMO_ACCOUNTS) {
      const a = account as { username: string; displayName: string; role: string; authority?: string; cluster?: string; unit?: string };
      await createUser(ctx, {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        role: a.role as never,
        authorityId: a.authority ? authorityId.get(a.authority)! : null,
        clusterId: a.cluster ? clusterId.get(a.cluster)! : null,
        unitId: a.unit ? unitId.get(a.unit)! : null,
        year: a.cluster ? year : null,
      });
    }
    if (options.records ?? true) {
      const chair = (await tx.selectFrom('app_user').select('id').where('username', '=', 'demo-cluster').executeTakeFirstOrThrow()).id;
      await loadDemoBallots(
        ctx,
        { th: authorityId.get('TH')!, unit: (code) => unitId.get(code)!, cluster: (code) => clusterId.get(code)!, chairUserId: chair },
        DEMO_PASSWORD,
      );
    }
    ctx.audit({
      type: 'DEMO_DATA_LOADED',
      entityType: null,
      entityId: null,
      data: { authorities: demoAuthorities.length, units: demoUnits.length, clusters: demoClusters.length, people: people.length },
    });
  });
  return true;
}

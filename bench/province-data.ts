// A province-scale data set for the API benchmarks, written straight into a migrated database with
// multi-row INSERTs (about 1,000 rows a statement, one transaction per table or per chunk of people).
// Deterministic: the same sizes give the same rows. Sizes come from the environment so a smaller run
// is possible: BENCH_PEOPLE (150,000), BENCH_UNITS (people / 50), BENCH_CLUSTERS (units / 10),
// BENCH_YEARS (8 years of ratings), BENCH_LAST_YEAR (2025, the year proposals are checked for).
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type Database, type Db, type Tx } from '../apps/server/src/db/client.ts';
import { dropSchema, migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { createUser } from '../apps/server/src/access/users.ts';
import { SYSTEM } from '../apps/server/src/access/actor.ts';
import { withTransaction } from '../apps/server/src/db/transaction.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import { searchKey } from '../apps/server/src/lib/search-key.ts';

export interface ProvinceSizes {
  people: number;
  units: number;
  clusters: number;
  /** Years of annual ratings per person, ending at lastYear. */
  years: number;
  lastYear: number;
}

export function sizesFromEnv(env: NodeJS.ProcessEnv = process.env): ProvinceSizes {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${v}"`);
    return n;
  };
  const people = num('BENCH_PEOPLE', 150_000);
  const units = num('BENCH_UNITS', Math.max(10, Math.round(people / 50)));
  const clusters = num('BENCH_CLUSTERS', Math.max(1, Math.round(units / 10)));
  return { people, units, clusters, years: num('BENCH_YEARS', 8), lastYear: num('BENCH_LAST_YEAR', 2025) };
}

export interface ProvinceData {
  sizes: ProvinceSizes;
  authorityId: number;
  unitIds: number[];
  clusterIds: number[];
  /** The committee officer of the province (COMMITTEE_OFFICER), to sign in with. */
  username: string;
  password: string;
  rows: Record<string, number>;
  seconds: number;
}

/** mulberry32: a small seeded generator. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trịnh',
  'Đinh',
  'Lương',
  'Mai',
];
const MIDDLE = {
  male: ['Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Công', 'Xuân', 'Thanh', 'Bá', 'Đình'],
  female: ['Thị', 'Ngọc', 'Thu', 'Minh', 'Thanh', 'Kim', 'Thùy', 'Hồng', 'Phương', 'Diệu'],
};
const GIVEN = {
  male: [
    'Anh',
    'Bình',
    'Cường',
    'Dũng',
    'Hải',
    'Hùng',
    'Khoa',
    'Long',
    'Nam',
    'Phong',
    'Quân',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Việt',
    'Trung',
    'Đạt',
    'Hiếu',
    'Lâm',
    'Tú',
  ],
  female: [
    'Anh',
    'Châu',
    'Dung',
    'Hà',
    'Hạnh',
    'Hoa',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Ngọc',
    'Nhung',
    'Phương',
    'Thảo',
    'Trang',
    'Vân',
    'Yến',
    'Huyền',
    'Loan',
    'My',
  ],
};
const PLACES = [
  'Bình Minh',
  'An Phú',
  'Hòa Lạc',
  'Tân Lập',
  'Quảng Xương',
  'Đông Sơn',
  'Hoằng Hóa',
  'Nga Sơn',
  'Vĩnh Lộc',
  'Thạch Thành',
  'Yên Định',
  'Thọ Xuân',
  'Ngọc Lặc',
  'Cẩm Thủy',
  'Bá Thước',
  'Như Thanh',
  'Nông Cống',
  'Triệu Sơn',
  'Thiệu Hóa',
  'Hậu Lộc',
];
const UNIT_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['COMMUNE_WARD', 'Ủy ban nhân dân xã'],
  ['PUBLIC_SERVICE_UNIT', 'Trường Trung học cơ sở'],
  ['PUBLIC_SERVICE_UNIT', 'Trạm Y tế xã'],
  ['STATE_AGENCY', 'Phòng Tài chính – Kế hoạch huyện'],
  ['STATE_AGENCY', 'Chi cục Thuế khu vực'],
  ['JOINT_STOCK_COMPANY', 'Công ty Cổ phần Xây dựng'],
  ['SOE_ONE_MEMBER_LLC', 'Công ty TNHH MTV Thủy lợi'],
  ['MASS_ORGANISATION', 'Hội Nông dân xã'],
  ['PARTY_AGENCY', 'Đảng ủy xã'],
];
const TITLES = ['Chuyên viên', 'Giáo viên', 'Kế toán', 'Cán sự', 'Kỹ sư', 'Bác sĩ', 'Nhân viên'];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

type Value = string | number | boolean | null;

/** A SQL literal for generated values (numbers, booleans, null, text without control characters). */
function literal(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return `'${v.replace(/'/g, "''")}'`;
}

const BATCH = 1000;

/**
 * INSERT … VALUES of up to BATCH rows a statement; the values are literals (no parameters to bind), which is the
 * cheapest path through both drivers. Returns the rows of `returning` when asked, in insertion order.
 */
async function insertRows<R = never>(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly Value[][],
  returning?: string,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows
      .slice(i, i + BATCH)
      .map((r) => `(${r.map(literal).join(',')})`)
      .join(',\n');
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}${returning ? ` RETURNING ${returning}` : ''}`;
    const result = await sql.raw<R>(text).execute(tx);
    if (returning) out.push(...result.rows);
  }
  return out;
}

const RATING_COLUMNS = ['authority_id', 'subject_type', 'subject_id', 'year', 'rating'] as const;
const AWARD_COLUMNS = [
  'authority_id',
  'subject_type',
  'subject_id',
  'award_code',
  'year',
  'kind',
  'decision_number',
  'decision_date',
] as const;
const EVIDENCE_COLUMNS = [
  'authority_id',
  'subject_type',
  'subject_id',
  'evidence_type',
  'title',
  'year',
  'scope',
  'used_for_award_id',
] as const;

/** Generates the province into an empty, migrated database. */
export async function generateProvince(db: Db, sizes: ProvinceSizes, log: (line: string) => void = () => {}): Promise<ProvinceData> {
  const started = process.hrtime.bigint();
  const rand = seeded(20_250_601);
  const { people, units, clusters, years, lastYear } = sizes;
  const firstYear = lastYear - years + 1;
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t = process.hrtime.bigint();
    const result = await fn();
    log(`  generate: ${label} (${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s)`);
    return result;
  };

  const authorityId = await step('authority', async () => {
    const name = 'Tỉnh Bình An';
    const r = await sql<{
      id: number;
    }>`insert into authority (code, kind, name, short_name, place, search_key) values ('BA', 'PROVINCE', ${name}, 'Bình An', 'Bình An', ${searchKey(name, 'BA')}) returning id`.execute(
      db,
    );
    count('authority', 1);
    return r.rows[0]!.id;
  });

  // Units: flat, each in one cluster (unit i in cluster i mod clusters).
  const unitIds = await step(`${units.toLocaleString('en-US')} units`, () =>
    db.transaction().execute(async (tx) => {
      const list: Value[][] = [];
      for (let i = 1; i <= units; i++) {
        const [type, prefix] = pick(rand, UNIT_KINDS);
        const name = `${prefix} ${pick(rand, PLACES)} ${i}`;
        const code = `BA-U${pad(i, 5)}`;
        list.push([authorityId, code, name, type, `${2000 + Math.floor(rand() * 20)}-01-01`, searchKey(name, code)]);
      }
      const ids = await insertRows<{ id: number }>(
        tx,
        'unit',
        ['authority_id', 'code', 'name', 'unit_type', 'founded_on', 'search_key'],
        list,
        'id',
      );
      count('unit', ids.length);
      return ids.map((r) => r.id);
    }),
  );

  const membershipYears = [lastYear - 2, lastYear - 1, lastYear];
  const clusterIds = await step(`${clusters} clusters with decisions, members and leadership`, () =>
    db.transaction().execute(async (tx) => {
      const decisions: Value[][] = [];
      for (let c = 1; c <= clusters; c++) {
        decisions.push([
          authorityId,
          `${c}/QĐ-UBND`,
          `${lastYear - 2}-01-15`,
          lastYear - 2,
          'Ủy ban nhân dân tỉnh Bình An',
          'Nguyễn Văn An',
          'Chủ tịch',
          `Thành lập Cụm thi đua số ${c}`,
        ]);
      }
      const decisionIds = await insertRows<{ id: number }>(
        tx,
        'decision',
        ['authority_id', 'number', 'issued_on', 'issue_year', 'issuer', 'signer_name', 'signer_title', 'summary'],
        decisions,
        'id',
      );
      const list: Value[][] = decisionIds.map((d, i) => {
        const name = `Cụm thi đua số ${i + 1}`;
        const code = `BA-CUM${pad(i + 1, 3)}`;
        return [
          authorityId,
          code,
          i % 10 === 9 ? 'BLOCK' : 'CLUSTER',
          name,
          d.id,
          `${lastYear - 2}-01-15`,
          searchKey(name, code, `${i + 1}/QĐ-UBND`),
        ];
      });
      const ids = (
        await insertRows<{ id: number }>(
          tx,
          'cluster',
          ['authority_id', 'code', 'kind', 'name', 'decision_id', 'active_from', 'search_key'],
          list,
          'id',
        )
      ).map((r) => r.id);
      const members: Value[][] = [];
      const leaders: Value[][] = [];
      const byCluster = ids.map(() => [] as number[]);
      unitIds.forEach((u, i) => byCluster[i % ids.length]!.push(u));
      ids.forEach((clusterId, c) => {
        const m = byCluster[c]!;
        membershipYears.forEach((year, k) => {
          for (const unitId of m) members.push([authorityId, clusterId, unitId, year]);
          // rotation: a different head each year, the next member as deputy
          if (m.length) leaders.push([authorityId, clusterId, year, m[k % m.length]!, m.length > 1 ? m[(k + 1) % m.length]! : null]);
        });
      });
      count('decision', decisionIds.length);
      count('cluster', ids.length);
      count(
        'cluster_membership',
        (await insertRows(tx, 'cluster_membership', ['authority_id', 'cluster_id', 'unit_id', 'year'], members), members.length),
      );
      count(
        'cluster_leadership',
        (await insertRows(tx, 'cluster_leadership', ['authority_id', 'cluster_id', 'year', 'head_unit_id', 'deputy_unit_id'], leaders),
        leaders.length),
      );
      return ids;
    }),
  );

  // People and their records, in chunks of 10,000 people (one transaction each); member figures per unit and year are
  // counted on the way.
  interface Figures {
    total: number;
    advanced: number;
    completed: number;
    fighters: number;
    warned: number;
    women: number;
  }
  const figures = new Map<number, Figures>(); // key unitIndex * 10000 + year offset
  const fig = (unitIndex: number, year: number) => {
    const key = unitIndex * 10_000 + (year - firstYear);
    let f = figures.get(key);
    if (!f) figures.set(key, (f = { total: 0, advanced: 0, completed: 0, fighters: 0, warned: 0, women: 0 }));
    return f;
  };
  const PEOPLE_CHUNK = 10_000;
  await step(`${people.toLocaleString('en-US')} people with ${years} years of ratings, titles, initiatives, discipline`, async () => {
    for (let start = 0; start < people; start += PEOPLE_CHUNK) {
      const size = Math.min(PEOPLE_CHUNK, people - start);
      await db.transaction().execute(async (tx) => {
        const personRows: Value[][] = [];
        const meta: { unitIndex: number; female: boolean }[] = [];
        for (let k = 0; k < size; k++) {
          const n = start + k + 1;
          const female = rand() < 0.52;
          const g = female ? 'female' : 'male';
          const fullName = `${pick(rand, SURNAMES)} ${pick(rand, MIDDLE[g])} ${pick(rand, GIVEN[g])}`;
          const code = `BA-${pad(n, 7)}`;
          // people spread evenly over units, a little unevenly within
          const unitIndex = Math.min(units - 1, Math.floor(((n - 1) / people) * units + rand() * 0.5));
          personRows.push([
            authorityId,
            code,
            fullName,
            g,
            `${1965 + Math.floor(rand() * 35)}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`,
            unitIds[unitIndex]!,
            searchKey(fullName, code),
          ]);
          meta.push({ unitIndex, female });
        }
        const personIds = (
          await insertRows<{ id: number }>(
            tx,
            'person',
            ['authority_id', 'code', 'full_name', 'gender', 'birth_date', 'unit_id', 'search_key'],
            personRows,
            'id',
          )
        ).map((r) => r.id);
        count('person', personIds.length);
        const positions: Value[][] = [];
        const ratings: Value[][] = [];
        const advanced: Value[][] = [];
        const fighters: Value[][] = [];
        const free: Value[][] = [];
        const discipline: Value[][] = [];
        const leaves: Value[][] = [];
        personIds.forEach((id, k) => {
          const { unitIndex, female } = meta[k]!;
          const unitId = unitIds[unitIndex]!;
          const skill = rand();
          // one in ten joined during the period
          const joined = rand() < 0.1 ? firstYear + 1 + Math.floor(rand() * (years - 1)) : firstYear;
          positions.push([authorityId, id, unitId, pick(rand, TITLES), `${joined}-01-01`]);
          for (let y = joined; y <= lastYear; y++) {
            const r = rand();
            const rating = r < 0.015 ? 'KHT' : r < 0.07 ? 'HT' : r < 0.17 + skill * 0.25 ? 'HTXS' : 'HTT';
            ratings.push([authorityId, 'person', id, y, rating]);
            const f = fig(unitIndex, y);
            f.total++;
            if (female) f.women++;
            if (rating !== 'KHT') f.completed++;
            // titles are conferred for past years; the last year is the one under consideration
            if (y < lastYear && (rating === 'HTT' || rating === 'HTXS') && rand() < 0.95) {
              advanced.push([
                authorityId,
                'person',
                id,
                'LAO_DONG_TIEN_TIEN',
                y,
                'CONG_TRANG',
                `${100 + (y % 100)}/QĐ-UBND`,
                `${y + 1}-01-20`,
              ]);
              f.advanced++;
              if (rating === 'HTXS' && rand() < 0.35) {
                fighters.push([
                  authorityId,
                  'person',
                  id,
                  'CHIEN_SI_THI_DUA_CO_SO',
                  y,
                  'CONG_TRANG',
                  `${200 + (y % 100)}/QĐ-UBND`,
                  `${y + 1}-01-20`,
                ]);
                f.fighters++;
              }
            }
          }
          if (rand() < 0.12) {
            // an initiative recognised recently and not yet used: evidence for this year's Grassroots Fighter
            free.push([
              authorityId,
              'person',
              id,
              'INITIATIVE',
              `Sáng kiến cải tiến quy trình số ${id}`,
              lastYear - Math.floor(rand() * 2),
              rand() < 0.9 ? 'CO_SO' : 'BO_TINH',
              null,
            ]);
          }
          if (rand() < 0.004) {
            const y = lastYear - Math.floor(rand() * 3);
            const form = rand() < 0.7 ? 'KHIEN_TRACH' : 'CANH_CAO';
            discipline.push([authorityId, 'person', id, form, `${y}-03-01`, `${y + 1}-02-28`]);
            if (form === 'CANH_CAO') fig(unitIndex, y).warned++;
          }
          if (female && rand() < 0.01) leaves.push([authorityId, id, 'MATERNITY', `${lastYear}-02-01`, `${lastYear}-07-31`]);
        });
        await insertRows(tx, 'person_position', ['authority_id', 'person_id', 'unit_id', 'title', 'from_date'], positions);
        await insertRows(tx, 'annual_rating', RATING_COLUMNS, ratings);
        await insertRows(tx, 'award_received', AWARD_COLUMNS, advanced);
        const fighterIds = await insertRows<{ id: number; subject_id: number; year: number }>(
          tx,
          'award_received',
          AWARD_COLUMNS,
          fighters,
          'id, subject_id, year',
        );
        // every Grassroots Fighter title used one initiative of its year
        const used: Value[][] = fighterIds.map((a) => [
          authorityId,
          'person',
          a.subject_id,
          'INITIATIVE',
          `Sáng kiến năm ${a.year} của ${a.subject_id}`,
          a.year,
          'CO_SO',
          a.id,
        ]);
        await insertRows(tx, 'evidence_item', EVIDENCE_COLUMNS, [...used, ...free]);
        await insertRows(
          tx,
          'discipline_record',
          ['authority_id', 'subject_type', 'subject_id', 'form', 'from_date', 'to_date'],
          discipline,
        );
        await insertRows(tx, 'leave_record', ['authority_id', 'person_id', 'leave_type', 'from_date', 'to_date'], leaves);
        count('person_position', positions.length);
        count('annual_rating', ratings.length);
        count('award_received', advanced.length + fighters.length);
        count('evidence_item', used.length + free.length);
        count('discipline_record', discipline.length);
        count('leave_record', leaves.length);
      });
      if ((start / PEOPLE_CHUNK) % 5 === 4) log(`  generate: ${(start + size).toLocaleString('en-US')} people`);
    }
  });

  await step('unit ratings and member figures', () =>
    db.transaction().execute(async (tx) => {
      const figureRows: Value[][] = [];
      const unitRatings: Value[][] = [];
      unitIds.forEach((unitId, unitIndex) => {
        for (let y = firstYear; y <= lastYear; y++) {
          const f = figures.get(unitIndex * 10_000 + (y - firstYear));
          if (!f) continue;
          // the year under consideration has no titles yet: count those whose rating would earn one
          const adv = y < lastYear ? f.advanced : Math.round(f.completed * 0.9);
          figureRows.push([authorityId, unitId, y, f.total, Math.min(adv, f.total), f.completed, f.fighters, f.warned, f.women]);
          unitRatings.push([authorityId, 'unit', unitId, y, rand() < 0.4 ? 'HTXS' : 'HTT']);
        }
      });
      count(
        'unit_year_figures',
        (await insertRows(
          tx,
          'unit_year_figures',
          [
            'authority_id',
            'unit_id',
            'year',
            'total',
            'advanced_workers',
            'completed_tasks',
            'grassroots_fighters',
            'disciplined_warning_or_above',
            'women',
          ],
          figureRows,
        ),
        figureRows.length),
      );
      count('annual_rating', (await insertRows(tx, 'annual_rating', RATING_COLUMNS, unitRatings), unitRatings.length));
    }),
  );

  const username = 'bench-committee';
  const password = 'bench-committee-password';
  await step('committee officer', () =>
    withTransaction({ db, clock: systemClock }, SYSTEM, (ctx) =>
      createUser(ctx, {
        username,
        displayName: 'Ban Thi đua – Khen thưởng tỉnh Bình An',
        password,
        role: 'COMMITTEE_OFFICER',
        authorityId,
      }),
    ),
  );
  count('app_user', 1);
  await step('analyze', () => sql`analyze`.execute(db));

  return { sizes, authorityId, unitIds, clusterIds, username, password, rows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The benchmark's database: PGlite in memory, or a fresh schema on BENCH_DATABASE_URL's PostgreSQL server. */
export async function openBenchDatabase(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return database;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, schema });
  await migrateToLatest(database.db, schema);
  return {
    ...database,
    async close() {
      if (process.env.BENCH_KEEP_SCHEMA) process.stdout.write(`  kept schema ${schema}\n`);
      else await dropSchema(database.db, schema);
      await database.close();
    },
  };
}

/**
 * Demo data: real emulation clusters/blocks described in the news reports in
 * shared/seeds (Thanh Hóa clusters No. 17 and No. 18, Cluster VI of the
 * Departments of Industry and Trade of the North-Central provinces, the block
 * of provincial advisory agencies of Cao Bằng), plus a deterministic generator
 * of staff.
 *
 * Pure data and pure functions: no I/O, no database, no clock, no Math.random.
 *
 * Provenance markers used in comments:
 *   [seed]         stated in a news report in shared/seeds
 *   [background]   general public knowledge (administrative reforms, legal
 *                  forms), not in the seeds; reasonably certain but unverified
 *   [illustrative] invented for the demo; plausible but NOT a real fact
 */

export type AuthorityKind = 'PROVINCE' | 'MINISTRY' | 'CENTRAL_COUNCIL';

export type UnitType =
  | 'STATE_AGENCY'
  | 'PUBLIC_SERVICE_UNIT'
  | 'SOE_ONE_MEMBER_LLC'
  | 'JOINT_STOCK_COMPANY'
  | 'OTHER_ENTERPRISE'
  | 'COMMUNE_WARD'
  | 'VILLAGE'
  | 'MASS_ORGANISATION'
  | 'ARMED_FORCES_UNIT'
  | 'PARTY_AGENCY';

export interface DemoAuthority {
  code: string;
  kind: AuthorityKind;
  name: string;
  shortName: string;
  /** Place name used in document dates, e.g. "Thanh Hóa, ngày 27 tháng 3 năm 2024". */
  place: string;
  parentCode?: string;
  /** First day the authority exists (only set when it was created inside the demo window). */
  activeFrom?: string;
  /** Last day the authority exists (set for authorities abolished by mergers). */
  activeTo?: string;
  predecessorCodes?: string[];
}

export interface DemoUnit {
  code: string;
  authorityCode: string;
  name: string;
  shortName?: string;
  unitType: UnitType;
  legalEntity: boolean;
  stateCapitalPct?: number;
  /** Known range of the state's share when the exact percentage is not known. */
  stateCapitalPctRange?: { min: number; max: number };
  parentCode?: string;
  province?: string;
  taxCode?: string;
  /** YYYY-MM-DD */
  foundedOn?: string;
  /** YYYY-MM-DD, last day of existence */
  dissolvedOn?: string;
  /** Units merged into / renamed as this unit. */
  predecessorCodes?: string[];
}

export interface DemoDecision {
  /** e.g. '1197/QĐ-UBND' */
  number: string;
  issuedOn: string;
  /** e.g. 'UBND tỉnh Thanh Hóa' — equals the shortName of an authority */
  issuer: string;
  signerName: string;
  signerTitle: string;
  summary: string;
  /** true when the decision (number, date, signer) is invented for the demo */
  illustrative?: boolean;
}

export interface DemoCluster {
  code: string;
  authorityCode: string;
  kind: 'CLUSTER' | 'BLOCK';
  name: string;
  decision: DemoDecision;
  activeFrom: string;
  activeTo?: string;
  members: Array<{ unitCode: string; year: number; from?: string; to?: string }>;
  leadership: Array<{ year: number; headUnitCode: string; deputyUnitCode?: string; illustrative?: boolean }>;
  flagCustody: Array<{ unitCode: string; from: string; to?: string; note?: string }>;
}

export interface DemoPerson {
  code: string;
  fullName: string;
  gender: 'female' | 'male';
  birthDate: string;
  positions: Array<{ unitCode: string; title: string; from: string; to?: string }>;
}

// ---------------------------------------------------------------------------
// Date helpers (pure, UTC, ISO YYYY-MM-DD)
// ---------------------------------------------------------------------------

function toDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Same day `years` later (29 February falls back to 28 February). */
function addYears(iso: string, years: number): string {
  const next = `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
  return next.endsWith('-02-29') && !isLeapYear(Number(next.slice(0, 4))) ? next.replace('-02-29', '-02-28') : next;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

// ---------------------------------------------------------------------------
// Authorities
// ---------------------------------------------------------------------------

export const demoAuthorities: DemoAuthority[] = [
  {
    code: 'HDTDKT-TW',
    kind: 'CENTRAL_COUNCIL',
    name: 'Hội đồng Thi đua – Khen thưởng Trung ương',
    shortName: 'Hội đồng TĐKT Trung ương',
    place: 'Hà Nội',
  },
  { code: 'BCT', kind: 'MINISTRY', name: 'Bộ Công Thương', shortName: 'Bộ Công Thương', place: 'Hà Nội' },
  { code: 'TH', kind: 'PROVINCE', name: 'Ủy ban nhân dân tỉnh Thanh Hóa', shortName: 'UBND tỉnh Thanh Hóa', place: 'Thanh Hóa' },
  { code: 'CB', kind: 'PROVINCE', name: 'Ủy ban nhân dân tỉnh Cao Bằng', shortName: 'UBND tỉnh Cao Bằng', place: 'Cao Bằng' },
  // North-Central provinces (Bắc Trung Bộ) whose Departments of Industry and Trade form Cluster VI.
  { code: 'NA', kind: 'PROVINCE', name: 'Ủy ban nhân dân tỉnh Nghệ An', shortName: 'UBND tỉnh Nghệ An', place: 'Nghệ An' },
  { code: 'HT', kind: 'PROVINCE', name: 'Ủy ban nhân dân tỉnh Hà Tĩnh', shortName: 'UBND tỉnh Hà Tĩnh', place: 'Hà Tĩnh' },
  // [background] Quảng Bình was merged into Quảng Trị on 01/07/2025 (NA Resolution 202/2025/QH15);
  // the merged province keeps the name Quảng Trị.
  {
    code: 'QB',
    kind: 'PROVINCE',
    name: 'Ủy ban nhân dân tỉnh Quảng Bình',
    shortName: 'UBND tỉnh Quảng Bình',
    place: 'Quảng Bình',
    activeTo: '2025-06-30',
  },
  { code: 'QT', kind: 'PROVINCE', name: 'Ủy ban nhân dân tỉnh Quảng Trị', shortName: 'UBND tỉnh Quảng Trị', place: 'Quảng Trị' },
  // [background] Thừa Thiên Huế became the centrally-run city of Huế on 01/01/2025 (NA Resolution 175/2024/QH15).
  {
    code: 'TTH',
    kind: 'PROVINCE',
    name: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế',
    shortName: 'UBND tỉnh Thừa Thiên Huế',
    place: 'Thừa Thiên Huế',
    activeTo: '2024-12-31',
  },
  {
    code: 'HUE',
    kind: 'PROVINCE',
    name: 'Ủy ban nhân dân thành phố Huế',
    shortName: 'UBND thành phố Huế',
    place: 'Huế',
    activeFrom: '2025-01-01',
    predecessorCodes: ['TTH'],
  },
];

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

const THANH_HOA = 'Thanh Hóa';
const CAO_BANG = 'Cao Bằng';

/** Thanh Hóa Emulation Cluster No. 17 — all 10 names [seed] (report of 11/02/2023). */
const cluster17Units: DemoUnit[] = [
  {
    code: 'TH-HOPLUC',
    authorityCode: 'TH',
    name: 'Tổng Công ty Cổ phần Hợp Lực',
    shortName: 'Tổng Công ty CP Hợp Lực',
    unitType: 'JOINT_STOCK_COMPANY',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'TH-TBVTYT',
    authorityCode: 'TH',
    name: 'Công ty Cổ phần Thiết bị vật tư y tế Thanh Hóa',
    shortName: 'Công ty CP Thiết bị vật tư y tế Thanh Hóa',
    unitType: 'JOINT_STOCK_COMPANY',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'TH-DALAN',
    authorityCode: 'TH',
    name: 'Công ty Cổ phần Dạ Lan',
    shortName: 'Công ty CP Dạ Lan',
    unitType: 'JOINT_STOCK_COMPANY',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'TH-MAILINH',
    authorityCode: 'TH',
    name: 'Công ty TNHH Mai Linh Thanh Hóa',
    unitType: 'OTHER_ENTERPRISE',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'TH-G8',
    authorityCode: 'TH',
    name: 'Công ty TNHH Thương mại Công nghệ điện tử tin học G8',
    shortName: 'Công ty TNHH G8',
    unitType: 'OTHER_ENTERPRISE',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'TH-THIENXUAN',
    authorityCode: 'TH',
    name: 'Công ty Cổ phần Thiện Xuân – Lam Sơn',
    shortName: 'Công ty CP Thiện Xuân – Lam Sơn',
    unitType: 'JOINT_STOCK_COMPANY',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    // [background] a wholly-owned subsidiary of Petrolimex (Tập đoàn Xăng dầu Việt Nam); the state's share
    // is indirect, so no percentage is given. Classified as a one-member LLC of the state sector.
    code: 'TH-XANGDAU',
    authorityCode: 'TH',
    name: 'Công ty Xăng dầu Thanh Hóa',
    unitType: 'SOE_ONE_MEMBER_LLC',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'TH-PVOIL',
    authorityCode: 'TH',
    name: 'Công ty Cổ phần Xăng dầu – Dầu khí Thanh Hóa',
    shortName: 'Công ty CP Xăng dầu – Dầu khí Thanh Hóa',
    unitType: 'JOINT_STOCK_COMPANY',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    // [background] a subsidiary of the Vietnam Rubber Group; indirect state capital, no percentage given.
    code: 'TH-CAOSU',
    authorityCode: 'TH',
    name: 'Công ty TNHH MTV Cao su Thanh Hóa',
    shortName: 'Cao su Thanh Hóa',
    unitType: 'SOE_ONE_MEMBER_LLC',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'TH-HATUBA',
    authorityCode: 'TH',
    name: 'Công ty TNHH Hatuba',
    unitType: 'OTHER_ENTERPRISE',
    legalEntity: true,
    province: THANH_HOA,
  },
];

/**
 * Thanh Hóa Emulation Cluster No. 18 — 7 members [seed] (report of 24/07/2024, available only in
 * machine translation; Vietnamese names restored). The seed says the members are one-member LLCs and
 * JSCs with 50–100 % state capital. One-member LLCs owned by the province are 100 % state-owned by their
 * legal form; the two JSCs only carry the seed's 50–100 % range.
 */
const cluster18Units: DemoUnit[] = [
  {
    code: 'TH-TLNAMSONGMA',
    authorityCode: 'TH',
    name: 'Công ty TNHH MTV Thủy lợi Nam Sông Mã',
    shortName: 'Thủy lợi Nam Sông Mã',
    unitType: 'SOE_ONE_MEMBER_LLC',
    legalEntity: true,
    stateCapitalPct: 100,
    province: THANH_HOA,
  },
  {
    code: 'TH-MTCTDT',
    authorityCode: 'TH',
    name: 'Công ty Cổ phần Môi trường và Công trình đô thị Thanh Hóa',
    shortName: 'Công ty CP Môi trường và Công trình đô thị Thanh Hóa',
    unitType: 'JOINT_STOCK_COMPANY',
    legalEntity: true,
    stateCapitalPctRange: { min: 50, max: 100 },
    province: THANH_HOA,
  },
  {
    code: 'TH-CAPNUOC',
    authorityCode: 'TH',
    name: 'Công ty Cổ phần Cấp nước Thanh Hóa',
    shortName: 'Công ty CP Cấp nước Thanh Hóa',
    unitType: 'JOINT_STOCK_COMPANY',
    legalEntity: true,
    stateCapitalPctRange: { min: 50, max: 100 },
    province: THANH_HOA,
  },
  {
    code: 'TH-SONGCHU',
    authorityCode: 'TH',
    name: 'Công ty TNHH MTV Sông Chu',
    shortName: 'Sông Chu',
    unitType: 'SOE_ONE_MEMBER_LLC',
    legalEntity: true,
    stateCapitalPct: 100,
    province: THANH_HOA,
  },
  {
    code: 'TH-TLBACSONGMA',
    authorityCode: 'TH',
    name: 'Công ty TNHH MTV Thủy lợi Bắc Sông Mã',
    shortName: 'Thủy lợi Bắc Sông Mã',
    unitType: 'SOE_ONE_MEMBER_LLC',
    legalEntity: true,
    stateCapitalPct: 100,
    province: THANH_HOA,
  },
  {
    // [seed] rendered "Lam Son Company Limited – Thanh Hoa" in the translations; the cluster head.
    // The full registered name may carry a suffix (e.g. "– Sao Vàng"); not confirmed by the seed.
    code: 'TH-LAMSON',
    authorityCode: 'TH',
    name: 'Công ty TNHH MTV Lam Sơn',
    shortName: 'Lam Sơn',
    unitType: 'SOE_ONE_MEMBER_LLC',
    legalEntity: true,
    stateCapitalPct: 100,
    province: THANH_HOA,
  },
  {
    // [seed] listed as a member. The seed says every member is a one-member LLC or a JSC with state
    // capital, but MEDLATEC is generally known as a private group; the state share is therefore left
    // unknown and the unit classified as an "other enterprise".
    code: 'TH-MEDLATEC',
    authorityCode: 'TH',
    name: 'Công ty TNHH MEDLATEC Thanh Hóa',
    shortName: 'MEDLATEC Thanh Hóa',
    unitType: 'OTHER_ENTERPRISE',
    legalEntity: true,
    province: THANH_HOA,
  },
];

/**
 * Cluster VI — Departments of Industry and Trade of the North-Central provinces [seed: the cluster, its
 * organisation under the Ministry of Industry and Trade, Quảng Bình's department as 2024 head, the
 * 15/01/2025 conference in Đồng Hới]. The member list is NOT in the seed: the six Bắc Trung Bộ provinces
 * are assumed [illustrative]. Mergers of 2025 are [background].
 */
const clusterVIUnits: DemoUnit[] = [
  {
    code: 'TH-SCT',
    authorityCode: 'TH',
    name: 'Sở Công Thương tỉnh Thanh Hóa',
    shortName: 'Sở Công Thương Thanh Hóa',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: THANH_HOA,
  },
  {
    code: 'NA-SCT',
    authorityCode: 'NA',
    name: 'Sở Công Thương tỉnh Nghệ An',
    shortName: 'Sở Công Thương Nghệ An',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: 'Nghệ An',
  },
  {
    code: 'HT-SCT',
    authorityCode: 'HT',
    name: 'Sở Công Thương tỉnh Hà Tĩnh',
    shortName: 'Sở Công Thương Hà Tĩnh',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: 'Hà Tĩnh',
  },
  {
    code: 'QB-SCT',
    authorityCode: 'QB',
    name: 'Sở Công Thương tỉnh Quảng Bình',
    shortName: 'Sở Công Thương Quảng Bình',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: 'Quảng Bình',
    dissolvedOn: '2025-06-30',
  },
  {
    code: 'QT-SCT',
    authorityCode: 'QT',
    name: 'Sở Công Thương tỉnh Quảng Trị',
    shortName: 'Sở Công Thương Quảng Trị',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: 'Quảng Trị',
    dissolvedOn: '2025-06-30',
  },
  {
    // Department of the merged province of Quảng Trị (Quảng Bình + Quảng Trị), from 01/07/2025.
    code: 'QT-SCT-2025',
    authorityCode: 'QT',
    name: 'Sở Công Thương tỉnh Quảng Trị',
    shortName: 'Sở Công Thương Quảng Trị',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: 'Quảng Trị',
    foundedOn: '2025-07-01',
    predecessorCodes: ['QB-SCT', 'QT-SCT'],
  },
  {
    code: 'TTH-SCT',
    authorityCode: 'TTH',
    name: 'Sở Công Thương tỉnh Thừa Thiên Huế',
    shortName: 'Sở Công Thương Thừa Thiên Huế',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: 'Thừa Thiên Huế',
    dissolvedOn: '2024-12-31',
  },
  {
    code: 'HUE-SCT',
    authorityCode: 'HUE',
    name: 'Sở Công Thương thành phố Huế',
    shortName: 'Sở Công Thương Huế',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: 'Huế',
    foundedOn: '2025-01-01',
    predecessorCodes: ['TTH-SCT'],
  },
];

/**
 * Block of provincial advisory agencies of Cao Bằng ("Khối thi đua các cơ quan tham mưu tổng hợp")
 * [seed: the block and its 2023 mid-year review; the report was published by the Department of Foreign
 * Affairs of Cao Bằng]. The seed names no members: the list below is [illustrative], chosen among agencies
 * that usually form such a block. The merger of the Department of Planning and Investment into the
 * Department of Finance on 01/03/2025 is [background].
 */
const caoBangUnits: DemoUnit[] = [
  {
    code: 'CB-VPUBND',
    authorityCode: 'CB',
    name: 'Văn phòng Ủy ban nhân dân tỉnh Cao Bằng',
    shortName: 'Văn phòng UBND tỉnh',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
  },
  {
    code: 'CB-VPDDBQH',
    authorityCode: 'CB',
    name: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Cao Bằng',
    shortName: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
  },
  {
    code: 'CB-SNV',
    authorityCode: 'CB',
    name: 'Sở Nội vụ tỉnh Cao Bằng',
    shortName: 'Sở Nội vụ',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
  },
  {
    code: 'CB-SKHDT',
    authorityCode: 'CB',
    name: 'Sở Kế hoạch và Đầu tư tỉnh Cao Bằng',
    shortName: 'Sở Kế hoạch và Đầu tư',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
    dissolvedOn: '2025-02-28',
  },
  {
    code: 'CB-STC',
    authorityCode: 'CB',
    name: 'Sở Tài chính tỉnh Cao Bằng',
    shortName: 'Sở Tài chính',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
    // absorbed the Department of Planning and Investment on 01/03/2025
    predecessorCodes: ['CB-SKHDT'],
  },
  {
    code: 'CB-STP',
    authorityCode: 'CB',
    name: 'Sở Tư pháp tỉnh Cao Bằng',
    shortName: 'Sở Tư pháp',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
  },
  {
    code: 'CB-SNGV',
    authorityCode: 'CB',
    name: 'Sở Ngoại vụ tỉnh Cao Bằng',
    shortName: 'Sở Ngoại vụ',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
  },
  {
    code: 'CB-TTR',
    authorityCode: 'CB',
    name: 'Thanh tra tỉnh Cao Bằng',
    shortName: 'Thanh tra tỉnh',
    unitType: 'STATE_AGENCY',
    legalEntity: true,
    province: CAO_BANG,
  },
];

export const demoUnits: DemoUnit[] = [...cluster17Units, ...cluster18Units, ...clusterVIUnits, ...caoBangUnits];

// ---------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------

const unitByCode = new Map(demoUnits.map((u) => [u.code, u]));

/**
 * One membership row per unit per year, clipped to the cluster's lifetime and to the unit's existence.
 * `from`/`to` are set only when the membership does not cover the whole calendar year.
 */
function yearlyMemberships(activeFrom: string, years: number[], unitCodes: string[]): DemoCluster['members'] {
  const rows: DemoCluster['members'] = [];
  for (const year of years) {
    const yearStart = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    for (const unitCode of unitCodes) {
      const unit = unitByCode.get(unitCode);
      if (!unit) throw new Error(`unknown unit ${unitCode}`);
      const from = maxDate(maxDate(yearStart, activeFrom), unit.foundedOn ?? yearStart);
      const to = minDate(yearEnd, unit.dissolvedOn ?? yearEnd);
      if (from > to) continue;
      rows.push({
        unitCode,
        year,
        ...(from !== yearStart ? { from } : {}),
        ...(to !== yearEnd ? { to } : {}),
      });
    }
  }
  return rows;
}

const DEMO_YEARS = [2024, 2025, 2026];

const cluster17: DemoCluster = {
  code: 'TH-CUM17',
  authorityCode: 'TH',
  kind: 'CLUSTER',
  name: 'Cụm thi đua số 17 (khối doanh nghiệp) tỉnh Thanh Hóa',
  decision: {
    // [seed] number, date, issuer. Signer [background, unverified]: the Provincial Chairman at the time;
    // the seed does not say who signed. Summary [illustrative].
    number: '598/QĐ-UBND',
    issuedOn: '2022-02-11',
    issuer: 'UBND tỉnh Thanh Hóa',
    signerName: 'Đỗ Minh Tuấn',
    signerTitle: 'CHỦ TỊCH',
    summary: 'Về việc thành lập các cụm, khối thi đua thuộc tỉnh Thanh Hóa',
  },
  activeFrom: '2022-02-11',
  // 2022–2023 are included because the seed's facts (head in 2022, conference of 11/02/2023) date from
  // then. Membership after 2023 is assumed unchanged [illustrative].
  members: yearlyMemberships(
    '2022-02-11',
    [2022, 2023, ...DEMO_YEARS],
    cluster17Units.map((u) => u.code),
  ),
  leadership: [
    // [seed] Hợp Lực is head (report on the 2022 summary); ranked 1st, Hatuba 2nd, Dạ Lan 3rd for 2022.
    { year: 2022, headUnitCode: 'TH-HOPLUC', deputyUnitCode: 'TH-HATUBA' },
    // [illustrative] rotation after 2022 (the seed says a head/deputy for 2023 was elected, not which).
    { year: 2023, headUnitCode: 'TH-HATUBA', deputyUnitCode: 'TH-DALAN', illustrative: true },
    { year: 2024, headUnitCode: 'TH-DALAN', deputyUnitCode: 'TH-CAOSU', illustrative: true },
    { year: 2025, headUnitCode: 'TH-CAOSU', deputyUnitCode: 'TH-PVOIL', illustrative: true },
    { year: 2026, headUnitCode: 'TH-PVOIL', deputyUnitCode: 'TH-THIENXUAN', illustrative: true },
  ],
  flagCustody: [
    { unitCode: 'TH-HOPLUC', from: '2022-02-11', to: '2023-02-10', note: 'Cụm trưởng năm 2022 giữ cờ luân lưu' },
    // [seed] the 2022 summary conference took place on 11/02/2023 in Bá Thước; handover [illustrative].
    { unitCode: 'TH-HATUBA', from: '2023-02-11', to: '2024-01-25', note: 'Bàn giao tại hội nghị tổng kết năm 2022 (huyện Bá Thước)' },
    { unitCode: 'TH-DALAN', from: '2024-01-26', to: '2025-01-17', note: 'Bàn giao tại hội nghị tổng kết năm 2023' },
    { unitCode: 'TH-CAOSU', from: '2025-01-18', to: '2026-01-23', note: 'Bàn giao tại hội nghị tổng kết năm 2024' },
    { unitCode: 'TH-PVOIL', from: '2026-01-24', note: 'Bàn giao tại hội nghị tổng kết năm 2025' },
  ],
};

const cluster18: DemoCluster = {
  code: 'TH-CUM18',
  authorityCode: 'TH',
  kind: 'CLUSTER',
  name: 'Cụm thi đua số 18 (doanh nghiệp nhà nước) tỉnh Thanh Hóa',
  decision: {
    // [seed] number, date and that it is the Provincial Chairman's decision. Signer name [background,
    // unverified]: the Chairman at the time. Summary [illustrative].
    number: '1197/QĐ-UBND',
    issuedOn: '2024-03-27',
    issuer: 'UBND tỉnh Thanh Hóa',
    signerName: 'Đỗ Minh Tuấn',
    signerTitle: 'CHỦ TỊCH',
    summary: 'Về việc thành lập Cụm thi đua số 18 gồm các doanh nghiệp nhà nước thuộc tỉnh Thanh Hóa',
  },
  activeFrom: '2024-03-27',
  members: yearlyMemberships(
    '2024-03-27',
    DEMO_YEARS,
    cluster18Units.map((u) => u.code),
  ),
  leadership: [
    // [seed] head Lam Sơn (Phan Quốc Tùng, General Director), deputy Bắc Sông Mã (Nguyễn Ngọc Tuấn, Deputy Director).
    { year: 2024, headUnitCode: 'TH-LAMSON', deputyUnitCode: 'TH-TLBACSONGMA' },
    // [illustrative] the deputy becomes the next head.
    { year: 2025, headUnitCode: 'TH-TLBACSONGMA', deputyUnitCode: 'TH-CAPNUOC', illustrative: true },
    { year: 2026, headUnitCode: 'TH-CAPNUOC', deputyUnitCode: 'TH-SONGCHU', illustrative: true },
  ],
  flagCustody: [
    // [illustrative] the seed does not mention a rotating flag for this cluster.
    { unitCode: 'TH-LAMSON', from: '2024-03-27', to: '2025-01-16', note: 'Cụm trưởng năm 2024 nhận cờ khi thành lập cụm' },
    { unitCode: 'TH-TLBACSONGMA', from: '2025-01-17', to: '2026-01-15', note: 'Bàn giao tại hội nghị tổng kết năm 2024' },
    { unitCode: 'TH-CAPNUOC', from: '2026-01-16', note: 'Bàn giao tại hội nghị tổng kết năm 2025' },
  ],
};

const clusterVI: DemoCluster = {
  code: 'BCT-CUM6',
  authorityCode: 'BCT',
  kind: 'CLUSTER',
  name: 'Cụm thi đua số VI – Sở Công Thương các tỉnh Bắc Trung Bộ',
  decision: {
    // [illustrative] the seed gives no decision for Cluster VI: number, date, signer (a fictitious person)
    // and summary are invented.
    number: '2156/QĐ-BCT',
    issuedOn: '2023-08-15',
    issuer: 'Bộ Công Thương',
    signerName: 'Trần Văn Hòa',
    signerTitle: 'KT. BỘ TRƯỞNG / THỨ TRƯỞNG',
    summary: 'Về việc kiện toàn các cụm thi đua Sở Công Thương các tỉnh, thành phố trực thuộc Trung ương',
    illustrative: true,
  },
  activeFrom: '2023-08-15',
  members: yearlyMemberships(
    '2023-08-15',
    DEMO_YEARS,
    clusterVIUnits.map((u) => u.code),
  ),
  leadership: [
    // [seed] Quảng Bình's department was head for 2024; the deputy is [illustrative].
    { year: 2024, headUnitCode: 'QB-SCT', deputyUnitCode: 'HT-SCT' },
    { year: 2025, headUnitCode: 'HT-SCT', deputyUnitCode: 'NA-SCT', illustrative: true },
    { year: 2026, headUnitCode: 'NA-SCT', deputyUnitCode: 'HUE-SCT', illustrative: true },
  ],
  flagCustody: [
    { unitCode: 'QB-SCT', from: '2024-01-01', to: '2025-01-14', note: 'Trưởng cụm năm 2024' },
    // [seed] 2024 summary conference on 15/01/2025 in Đồng Hới; handover to Hà Tĩnh [illustrative].
    { unitCode: 'HT-SCT', from: '2025-01-15', to: '2026-01-20', note: 'Bàn giao tại hội nghị tổng kết năm 2024 (Đồng Hới, Quảng Bình)' },
    { unitCode: 'NA-SCT', from: '2026-01-21', note: 'Bàn giao tại hội nghị tổng kết năm 2025' },
  ],
};

const caoBangBlock: DemoCluster = {
  code: 'CB-KHOI-THTH',
  authorityCode: 'CB',
  kind: 'BLOCK',
  name: 'Khối thi đua các cơ quan tham mưu tổng hợp tỉnh Cao Bằng',
  decision: {
    // [illustrative] the seed gives no decision for the block: number, date, signer (a fictitious person)
    // and summary are invented.
    number: '318/QĐ-UBND',
    issuedOn: '2023-03-06',
    issuer: 'UBND tỉnh Cao Bằng',
    signerName: 'Nông Văn Thắng',
    signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    summary: 'Về việc chia cụm, khối thi đua thuộc tỉnh Cao Bằng',
    illustrative: true,
  },
  activeFrom: '2023-03-06',
  // 2023 is included because the seed reports the block's 2023 mid-year review.
  members: yearlyMemberships(
    '2023-03-06',
    [2023, ...DEMO_YEARS],
    caoBangUnits.map((u) => u.code),
  ),
  leadership: [
    // [illustrative] all years.
    { year: 2023, headUnitCode: 'CB-VPUBND', deputyUnitCode: 'CB-SNV', illustrative: true },
    { year: 2024, headUnitCode: 'CB-SNV', deputyUnitCode: 'CB-SNGV', illustrative: true },
    { year: 2025, headUnitCode: 'CB-SNGV', deputyUnitCode: 'CB-STP', illustrative: true },
    { year: 2026, headUnitCode: 'CB-STP', deputyUnitCode: 'CB-STC', illustrative: true },
  ],
  flagCustody: [
    // [illustrative]
    { unitCode: 'CB-VPUBND', from: '2023-03-06', to: '2024-01-11', note: 'Khối trưởng năm 2023' },
    { unitCode: 'CB-SNV', from: '2024-01-12', to: '2025-01-09', note: 'Bàn giao tại hội nghị tổng kết năm 2023' },
    { unitCode: 'CB-SNGV', from: '2025-01-10', to: '2026-01-08', note: 'Bàn giao tại hội nghị tổng kết năm 2024' },
    { unitCode: 'CB-STP', from: '2026-01-09', note: 'Bàn giao tại hội nghị tổng kết năm 2025' },
  ],
};

export const demoClusters: DemoCluster[] = [cluster17, cluster18, clusterVI, caoBangBlock];

// ---------------------------------------------------------------------------
// Staff generator
// ---------------------------------------------------------------------------

/** mulberry32: tiny deterministic 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a hash of a string, so each unit gets its own stream independent of list order. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Weighted = ReadonlyArray<readonly [string, number]>;

function pickWeighted(rand: () => number, items: Weighted): string {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rand() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r < 0) return value;
  }
  return items[items.length - 1]![0];
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function intBetween(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** Approximate national shares of family names (percent). */
const FAMILY_NAMES: Weighted = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Vũ', 4],
  ['Phan', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Hồ', 1.5],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Trịnh', 1],
  ['Đinh', 1],
  ['Lương', 0.5],
  ['Mai', 0.5],
  ['Cao', 0.5],
  ['Hà', 0.5],
  ['Tạ', 0.3],
];

/** Extra weight for Tày/Nùng family names frequent in Cao Bằng. */
const CAO_BANG_FAMILY_NAMES: Weighted = [
  ['Nông', 9],
  ['Hoàng', 8],
  ['Bế', 5],
  ['Đàm', 4],
  ['Lục', 3],
  ['Lương', 3],
  ['Triệu', 3],
  ['Mã', 2],
  ['Lâm', 2],
];

const MALE_MIDDLE: Weighted = [
  ['Văn', 30],
  ['Đức', 8],
  ['Minh', 8],
  ['Quốc', 6],
  ['Hữu', 6],
  ['Công', 5],
  ['Thanh', 5],
  ['Xuân', 4],
  ['Ngọc', 4],
  ['Quang', 4],
  ['Đình', 5],
  ['Tiến', 3],
  ['Mạnh', 3],
  ['Trọng', 3],
  ['Anh', 2],
];

const FEMALE_MIDDLE: Weighted = [
  ['Thị', 50],
  ['Thu', 6],
  ['Thanh', 5],
  ['Ngọc', 5],
  ['Minh', 4],
  ['Hồng', 4],
  ['Phương', 3],
  ['Thùy', 3],
  ['Kim', 3],
  ['Diệu', 2],
  ['Mai', 2],
  ['Bích', 2],
];

const MALE_GIVEN = [
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Huy',
  'Hưng',
  'Khánh',
  'Kiên',
  'Long',
  'Lộc',
  'Minh',
  'Nam',
  'Phong',
  'Phúc',
  'Quân',
  'Sơn',
  'Thắng',
  'Thành',
  'Toàn',
  'Trung',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Lâm',
  'Hoàng',
  'Khoa',
  'Nghĩa',
  'Thịnh',
  'Tiến',
  'Duy',
] as const;

const FEMALE_GIVEN = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hiền',
  'Hoa',
  'Hồng',
  'Huyền',
  'Hương',
  'Lan',
  'Linh',
  'Loan',
  'Mai',
  'Ngọc',
  'Nga',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Thảo',
  'Thủy',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
  'Lý',
  'Trâm',
  'Thơ',
  'Ngân',
  'Xuân',
  'Duyên',
  'Thư',
] as const;

function makeName(rand: () => number, gender: 'female' | 'male', province: string | undefined): string {
  const family = province === CAO_BANG && rand() < 0.55 ? pickWeighted(rand, CAO_BANG_FAMILY_NAMES) : pickWeighted(rand, FAMILY_NAMES);
  const middle = pickWeighted(rand, gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
  let given: string = pick(rand, gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  // avoid "Minh Minh", "Ngọc Ngọc"
  for (let i = 0; given === middle && i < 5; i++) given = pick(rand, gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  if (given === middle) given = gender === 'male' ? 'Tuấn' : 'Lan';
  return `${family} ${middle} ${given}`.normalize('NFC');
}

interface TitleSet {
  head: string;
  deputy: string;
  chiefAccountant: string;
  manager: string;
  deputyManager: string;
  staff: Weighted;
}

function isEnterprise(t: UnitType): boolean {
  return t === 'SOE_ONE_MEMBER_LLC' || t === 'JOINT_STOCK_COMPANY' || t === 'OTHER_ENTERPRISE';
}

function titlesFor(unit: DemoUnit): TitleSet {
  if (isEnterprise(unit.unitType)) {
    const corp = unit.name.startsWith('Tổng Công ty');
    return {
      head: corp ? 'Tổng Giám đốc' : 'Giám đốc',
      deputy: corp ? 'Phó Tổng Giám đốc' : 'Phó Giám đốc',
      chiefAccountant: 'Kế toán trưởng',
      manager: 'Trưởng phòng',
      deputyManager: 'Phó Trưởng phòng',
      staff: [
        ['Công nhân', 50],
        ['Nhân viên', 20],
        ['Chuyên viên', 15],
        ['Kỹ sư', 10],
        ['Kế toán viên', 5],
      ],
    };
  }
  const office = unit.name.startsWith('Văn phòng');
  const inspectorate = unit.name.startsWith('Thanh tra');
  return {
    head: office ? 'Chánh Văn phòng' : inspectorate ? 'Chánh Thanh tra' : 'Giám đốc',
    deputy: office ? 'Phó Chánh Văn phòng' : inspectorate ? 'Phó Chánh Thanh tra' : 'Phó Giám đốc',
    chiefAccountant: 'Kế toán trưởng',
    manager: inspectorate ? 'Trưởng phòng nghiệp vụ' : 'Trưởng phòng',
    deputyManager: inspectorate ? 'Phó Trưởng phòng nghiệp vụ' : 'Phó Trưởng phòng',
    staff: inspectorate
      ? [
          ['Thanh tra viên', 50],
          ['Thanh tra viên chính', 25],
          ['Chuyên viên', 20],
          ['Văn thư', 5],
        ]
      : [
          ['Chuyên viên', 60],
          ['Chuyên viên chính', 25],
          ['Kế toán viên', 5],
          ['Văn thư', 5],
          ['Nhân viên', 5],
        ],
  };
}

/** Default date for units whose foundation date is unknown (they existed long before the demo window). */
const DEFAULT_UNIT_START = '2000-01-01';
/** Leading posts held today were mostly taken from this date on. */
const RECENT_PROMOTION_FROM = '2012-01-01';
/** Latest start date of a generated position. */
const LATEST_POSITION_START = '2026-06-30';

function randomDateBetween(rand: () => number, from: string, to: string): string {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b <= a) return from;
  return fromDayNumber(a + Math.floor(rand() * (b - a + 1)));
}

function randomBirthDate(rand: () => number, minYear: number, maxYear: number): string {
  const year = intBetween(rand, minYear, maxYear);
  const month = intBetween(rand, 1, 12);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = intBetween(rand, 1, daysInMonth);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Generate `perUnit` people for every unit. Deterministic: the same seed and unit give the same people,
 * independently of the order or number of other units. Slot 0 is the head, slots 1–2 deputies, slot 3 the
 * chief accountant, then heads/deputies of divisions, then staff. Staff of a unit dissolved by a merger
 * continue in the successor unit (the head of a merged unit becomes a deputy).
 */
export function generatePeople(options: { seed: number; perUnit: number; units: DemoUnit[] }): DemoPerson[] {
  const { seed, perUnit, units } = options;
  if (!Number.isInteger(perUnit) || perUnit < 0) throw new RangeError('perUnit must be a non-negative integer');

  const successorOf = new Map<string, DemoUnit>();
  for (const u of units) for (const p of u.predecessorCodes ?? []) successorOf.set(p, u);

  const people: DemoPerson[] = [];
  for (const unit of units) {
    const rand = mulberry32((seed ^ hashString(unit.code)) >>> 0);
    const titles = titlesFor(unit);
    const unitStart = unit.foundedOn ?? DEFAULT_UNIT_START;
    const unitEnd = unit.dissolvedOn;
    const successor = unitEnd ? successorOf.get(unit.code) : undefined;
    const managers = Math.max(1, Math.round(perUnit * 0.1));

    for (let i = 0; i < perUnit; i++) {
      const gender: 'female' | 'male' = rand() < 0.5 ? 'female' : 'male';
      let title: string;
      let senior: boolean;
      if (i === 0) [title, senior] = [titles.head, true];
      else if (i <= 2) [title, senior] = [titles.deputy, true];
      else if (i === 3) [title, senior] = [titles.chiefAccountant, true];
      else if (i < 4 + managers) [title, senior] = [titles.manager, true];
      else if (i < 4 + 2 * managers) [title, senior] = [titles.deputyManager, false];
      else [title, senior] = [pickWeighted(rand, titles.staff), false];

      const birthDate = senior ? randomBirthDate(rand, 1966, 1985) : randomBirthDate(rand, 1968, 2002);
      const fullName = makeName(rand, gender, unit.province);

      // Earliest start: 22nd birthday (older for leading posts), not before the unit existed.
      const minAge = i <= 2 ? 32 : senior ? 27 : 22;
      const earliest = maxDate(addYears(birthDate, 22), unitStart);
      const earliestInTitle = maxDate(addYears(birthDate, minAge), unitStart);
      const latest = unitEnd ? addDays(unitEnd, -1) : LATEST_POSITION_START;
      const positions: DemoPerson['positions'] = [];

      if (earliestInTitle > latest) {
        // Too young for this unit's lifetime: take the post on the unit's last possible day.
        positions.push({ unitCode: unit.code, title, from: latest, ...(unitEnd ? { to: unitEnd } : {}) });
      } else if (senior) {
        // Current post taken fairly recently; most seniors were promoted inside the unit.
        const promoted = randomDateBetween(rand, minDate(maxDate(earliestInTitle, RECENT_PROMOTION_FROM), latest), latest);
        const joined = rand() < 0.7 ? randomDateBetween(rand, earliest, promoted) : promoted;
        if (joined < promoted) {
          const earlierTitle = i === 0 ? titles.deputy : i <= 3 ? titles.manager : titles.deputyManager;
          positions.push({ unitCode: unit.code, title: earlierTitle, from: joined, to: addDays(promoted, -1) });
        }
        positions.push({ unitCode: unit.code, title, from: promoted, ...(unitEnd ? { to: unitEnd } : {}) });
      } else {
        positions.push({
          unitCode: unit.code,
          title,
          from: randomDateBetween(rand, earliestInTitle, latest),
          ...(unitEnd ? { to: unitEnd } : {}),
        });
      }

      if (unitEnd && successor) {
        const successorTitle = i === 0 ? titlesFor(successor).deputy : title;
        positions.push({ unitCode: successor.code, title: successorTitle, from: addDays(unitEnd, 1) });
      }

      people.push({
        code: `${unit.code}-NV${String(i + 1).padStart(3, '0')}`,
        fullName,
        gender,
        birthDate,
        positions,
      });
    }
  }
  return people;
}

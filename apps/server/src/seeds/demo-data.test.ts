import { describe, expect, it } from 'vitest';
import { demoAuthorities, demoClusters, demoUnits, generatePeople, type DemoCluster, type DemoUnit } from './demo-data.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

const unitByCode = new Map(demoUnits.map((u) => [u.code, u]));
const authorityCodes = new Set(demoAuthorities.map((a) => a.code));

function cluster(code: string): DemoCluster {
  const c = demoClusters.find((x) => x.code === code);
  if (!c) throw new Error(`missing cluster ${code}`);
  return c;
}

function membersOf(c: DemoCluster, year: number): string[] {
  return c.members.filter((m) => m.year === year).map((m) => m.unitCode);
}

function memberOn(c: DemoCluster, unitCode: string, date: string): boolean {
  const year = Number(date.slice(0, 4));
  return c.members.some(
    (m) => m.unitCode === unitCode && m.year === year && (m.from ?? `${year}-01-01`) <= date && date <= (m.to ?? `${year}-12-31`),
  );
}

function unitAlive(u: DemoUnit, date: string): boolean {
  return (!u.foundedOn || u.foundedOn <= date) && (!u.dissolvedOn || date <= u.dissolvedOn);
}

describe('demo data: codes and references', () => {
  it('has unique codes for authorities, units, clusters', () => {
    for (const codes of [demoAuthorities.map((a) => a.code), demoUnits.map((u) => u.code), demoClusters.map((c) => c.code)]) {
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('contains the required authorities', () => {
    const byKind = (k: string) => demoAuthorities.filter((a) => a.kind === k).map((a) => a.shortName);
    expect(byKind('PROVINCE')).toEqual(expect.arrayContaining(['UBND tỉnh Thanh Hóa', 'UBND tỉnh Cao Bằng', 'UBND tỉnh Quảng Bình']));
    expect(byKind('MINISTRY')).toContain('Bộ Công Thương');
    expect(demoAuthorities.find((a) => a.kind === 'CENTRAL_COUNCIL')?.name).toBe('Hội đồng Thi đua – Khen thưởng Trung ương');
    expect(demoAuthorities.find((a) => a.code === 'TH')?.place).toBe('Thanh Hóa');
  });

  it('resolves every reference', () => {
    for (const a of demoAuthorities) {
      if (a.parentCode) expect(authorityCodes).toContain(a.parentCode);
      for (const p of a.predecessorCodes ?? []) expect(authorityCodes).toContain(p);
    }
    for (const u of demoUnits) {
      expect(authorityCodes, u.code).toContain(u.authorityCode);
      if (u.parentCode) expect(unitByCode.has(u.parentCode), u.code).toBe(true);
      for (const p of u.predecessorCodes ?? []) {
        const pred = unitByCode.get(p);
        expect(pred, `${u.code} predecessor ${p}`).toBeDefined();
        expect(pred?.dissolvedOn, `${p} must be dissolved`).toBeDefined();
        if (u.foundedOn && pred?.dissolvedOn) expect(pred.dissolvedOn < u.foundedOn).toBe(true);
      }
    }
    const issuers = new Set(demoAuthorities.map((a) => a.shortName));
    for (const c of demoClusters) {
      expect(authorityCodes).toContain(c.authorityCode);
      expect(issuers, c.code).toContain(c.decision.issuer);
      for (const m of c.members) expect(unitByCode.has(m.unitCode), `${c.code} member ${m.unitCode}`).toBe(true);
      for (const l of c.leadership) {
        expect(unitByCode.has(l.headUnitCode)).toBe(true);
        if (l.deputyUnitCode) expect(unitByCode.has(l.deputyUnitCode)).toBe(true);
      }
      for (const f of c.flagCustody) expect(unitByCode.has(f.unitCode)).toBe(true);
    }
  });

  it('uses valid dates everywhere', () => {
    const dates: string[] = [];
    for (const a of demoAuthorities) dates.push(...[a.activeFrom, a.activeTo].filter((d): d is string => !!d));
    for (const u of demoUnits) dates.push(...[u.foundedOn, u.dissolvedOn].filter((d): d is string => !!d));
    for (const c of demoClusters) {
      dates.push(c.decision.issuedOn, c.activeFrom, ...(c.activeTo ? [c.activeTo] : []));
      for (const m of c.members) dates.push(...[m.from, m.to].filter((d): d is string => !!d));
      for (const f of c.flagCustody) dates.push(f.from, ...(f.to ? [f.to] : []));
    }
    for (const d of dates) expect(isValidDate(d), d).toBe(true);
  });

  it('gives enterprises consistent types and state capital', () => {
    for (const u of demoUnits) {
      if (u.stateCapitalPct !== undefined) {
        expect(u.stateCapitalPct).toBeGreaterThanOrEqual(0);
        expect(u.stateCapitalPct).toBeLessThanOrEqual(100);
      }
      if (u.unitType === 'SOE_ONE_MEMBER_LLC' && u.stateCapitalPct !== undefined) expect(u.stateCapitalPct).toBe(100);
      if (u.name.includes('TNHH MTV')) expect(u.unitType).toBe('SOE_ONE_MEMBER_LLC');
      if (u.name.includes('Cổ phần')) expect(u.unitType).toBe('JOINT_STOCK_COMPANY');
      if (u.name.startsWith('Sở ')) expect(u.unitType).toBe('STATE_AGENCY');
    }
  });
});

describe('demo data: clusters', () => {
  it('has the four seeded clusters/blocks with their decisions', () => {
    expect(cluster('TH-CUM17').decision).toMatchObject({ number: '598/QĐ-UBND', issuedOn: '2022-02-11', issuer: 'UBND tỉnh Thanh Hóa' });
    expect(cluster('TH-CUM18').decision).toMatchObject({ number: '1197/QĐ-UBND', issuedOn: '2024-03-27', issuer: 'UBND tỉnh Thanh Hóa' });
    expect(cluster('BCT-CUM6').authorityCode).toBe('BCT');
    expect(cluster('CB-KHOI-THTH').kind).toBe('BLOCK');
  });

  it('keeps decision numbers unique per issuer and year, in the "N/QĐ-XXX" form', () => {
    const keys = demoClusters.map((c) => `${c.decision.issuer}|${c.decision.issuedOn.slice(0, 4)}|${c.decision.number.split('/')[0]}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of demoClusters) expect(c.decision.number).toMatch(/^\d+\/QĐ-[A-ZĐ]+$/u);
  });

  it('starts each cluster no earlier than its decision', () => {
    for (const c of demoClusters) {
      expect(c.activeFrom >= c.decision.issuedOn, c.code).toBe(true);
      if (c.activeTo) expect(c.activeTo >= c.activeFrom).toBe(true);
    }
  });

  it('has memberships for 2024, 2025 and 2026 within the cluster lifetime and the unit lifetime', () => {
    for (const c of demoClusters) {
      for (const year of [2024, 2025, 2026]) expect(membersOf(c, year).length, `${c.code} ${year}`).toBeGreaterThan(0);
      const seen = new Set<string>();
      for (const m of c.members) {
        const key = `${m.unitCode}|${m.year}`;
        expect(seen.has(key), `duplicate ${key}`).toBe(false);
        seen.add(key);
        const from = m.from ?? `${m.year}-01-01`;
        const to = m.to ?? `${m.year}-12-31`;
        expect(from.slice(0, 4)).toBe(String(m.year));
        expect(to.slice(0, 4)).toBe(String(m.year));
        expect(from <= to).toBe(true);
        expect(from >= c.activeFrom, `${c.code} ${key} before activeFrom`).toBe(true);
        if (c.activeTo) expect(to <= c.activeTo).toBe(true);
        const unit = unitByCode.get(m.unitCode)!;
        expect(unitAlive(unit, from) && unitAlive(unit, to), `${key} outside unit lifetime`).toBe(true);
      }
    }
  });

  it('cluster 17 has 10 members and cluster 18 has 7 each year', () => {
    for (const year of [2024, 2025, 2026]) {
      expect(membersOf(cluster('TH-CUM17'), year)).toHaveLength(10);
      expect(membersOf(cluster('TH-CUM18'), year)).toHaveLength(7);
    }
  });

  it('records the seeded heads and deputies', () => {
    expect(cluster('TH-CUM17').leadership.find((l) => l.year === 2022)?.headUnitCode).toBe('TH-HOPLUC');
    expect(unitByCode.get('TH-HOPLUC')?.name).toBe('Tổng Công ty Cổ phần Hợp Lực');
    expect(cluster('TH-CUM18').leadership.find((l) => l.year === 2024)).toMatchObject({
      headUnitCode: 'TH-LAMSON',
      deputyUnitCode: 'TH-TLBACSONGMA',
    });
    expect(cluster('BCT-CUM6').leadership.find((l) => l.year === 2024)?.headUnitCode).toBe('QB-SCT');
  });

  it('has one head per membership year; head and deputy are members that year and differ', () => {
    for (const c of demoClusters) {
      const memberYears = [...new Set(c.members.map((m) => m.year))].sort();
      const leaderYears = c.leadership.map((l) => l.year).sort();
      expect(leaderYears, c.code).toEqual(memberYears);
      for (const l of c.leadership) {
        const members = membersOf(c, l.year);
        expect(members, `${c.code} ${l.year} head`).toContain(l.headUnitCode);
        if (l.deputyUnitCode) {
          expect(members, `${c.code} ${l.year} deputy`).toContain(l.deputyUnitCode);
          expect(l.deputyUnitCode).not.toBe(l.headUnitCode);
        }
        // the head serves the whole year (not a unit dissolved mid-year)
        const m = c.members.find((x) => x.unitCode === l.headUnitCode && x.year === l.year)!;
        expect(m.to, `${c.code} ${l.year} head leaves mid-year`).toBeUndefined();
      }
      for (let i = 1; i < c.leadership.length; i++) {
        expect(c.leadership[i]!.headUnitCode, `${c.code}: same head two years running`).not.toBe(c.leadership[i - 1]!.headUnitCode);
      }
    }
  });

  it('has a contiguous flag custody history held by members', () => {
    for (const c of demoClusters) {
      const f = c.flagCustody;
      expect(f.length).toBeGreaterThan(0);
      expect(f[0]!.from >= c.activeFrom).toBe(true);
      for (let i = 0; i < f.length; i++) {
        const cur = f[i]!;
        if (cur.to) expect(cur.from <= cur.to).toBe(true);
        expect(memberOn(c, cur.unitCode, cur.from), `${c.code} flag holder ${cur.unitCode} on ${cur.from}`).toBe(true);
        const next = f[i + 1];
        if (next) {
          expect(cur.to, `${c.code} custody ${i} open before the next`).toBeDefined();
          const dayAfter = new Date(Date.parse(`${cur.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(next.from).toBe(dayAfter);
        } else {
          expect(cur.to).toBeUndefined();
        }
      }
    }
  });
});

describe('generatePeople', () => {
  const people = generatePeople({ seed: 20240327, perUnit: 30, units: demoUnits });

  it('generates perUnit people per unit with unique codes', () => {
    expect(people).toHaveLength(30 * demoUnits.length);
    expect(new Set(people.map((p) => p.code)).size).toBe(people.length);
    expect(generatePeople({ seed: 1, perUnit: 0, units: demoUnits })).toEqual([]);
  });

  it('is deterministic and depends on the seed', () => {
    expect(generatePeople({ seed: 20240327, perUnit: 30, units: demoUnits })).toEqual(people);
    const other = generatePeople({ seed: 7, perUnit: 30, units: demoUnits });
    expect(other.map((p) => p.fullName)).not.toEqual(people.map((p) => p.fullName));
  });

  it('gives a unit the same people whatever the other units are', () => {
    const unit = demoUnits.find((u) => u.code === 'TH-LAMSON')!;
    const alone = generatePeople({ seed: 20240327, perUnit: 30, units: [unit] });
    expect(alone).toEqual(people.filter((p) => p.code.startsWith('TH-LAMSON-')));
  });

  it('gives both genders roughly half', () => {
    const female = people.filter((p) => p.gender === 'female').length;
    expect(female / people.length).toBeGreaterThan(0.4);
    expect(female / people.length).toBeLessThan(0.6);
    const fNames = people.filter((p) => p.gender === 'female').map((p) => p.fullName.split(' ')[1]);
    const mNames = people.filter((p) => p.gender === 'male').map((p) => p.fullName.split(' ')[1]);
    expect(fNames.filter((m) => m === 'Thị').length).toBeGreaterThan(fNames.length * 0.3);
    expect(mNames).not.toContain('Thị');
  });

  it('uses Vietnamese names with diacritics in NFC', () => {
    const vnLetter = /^[A-ZÀ-ỹĐđa-z]+$/u;
    for (const p of people) {
      expect(p.fullName).toBe(p.fullName.normalize('NFC'));
      const parts = p.fullName.split(' ');
      expect(parts.length).toBe(3);
      for (const part of parts) {
        expect(part, p.fullName).toMatch(vnLetter);
        expect(part[0], p.fullName).toBe(part[0]!.toLocaleUpperCase('vi'));
      }
      expect(parts[1]).not.toBe(parts[2]);
    }
    const withDiacritics = people.filter((p) => /[^\u0000-\u007f]/u.test(p.fullName)).length;
    expect(withDiacritics / people.length).toBeGreaterThan(0.7);
    expect(people.some((p) => p.fullName.startsWith('Nguyễn '))).toBe(true);
  });

  it('has valid birth dates and positions within the unit lifetime', () => {
    for (const p of people) {
      expect(isValidDate(p.birthDate), p.birthDate).toBe(true);
      expect(p.birthDate >= '1960-01-01' && p.birthDate <= '2005-12-31').toBe(true);
      expect(p.positions.length).toBeGreaterThan(0);
      let prevEnd: string | undefined;
      for (const pos of p.positions) {
        const unit = unitByCode.get(pos.unitCode);
        expect(unit, pos.unitCode).toBeDefined();
        expect(isValidDate(pos.from)).toBe(true);
        expect(pos.from > p.birthDate).toBe(true);
        if (pos.to) {
          expect(isValidDate(pos.to)).toBe(true);
          expect(pos.from <= pos.to).toBe(true);
        }
        expect(unitAlive(unit!, pos.from), `${p.code} ${pos.unitCode} ${pos.from}`).toBe(true);
        if (unit!.dissolvedOn) expect(pos.to).toBeDefined();
        if (prevEnd) expect(pos.from > prevEnd).toBe(true);
        prevEnd = pos.to;
      }
      // only the last position may be open-ended
      for (const pos of p.positions.slice(0, -1)) expect(pos.to).toBeDefined();
    }
  });

  it('uses the expected positions', () => {
    const titles = new Set(people.flatMap((p) => p.positions.map((x) => x.title)));
    for (const t of ['Giám đốc', 'Phó Giám đốc', 'Trưởng phòng', 'Chuyên viên', 'Kế toán trưởng', 'Công nhân', 'Tổng Giám đốc']) {
      expect(titles, t).toContain(t);
    }
    for (const unit of demoUnits) {
      const head = people.find((p) => p.code === `${unit.code}-NV001`)!;
      const post = head.positions.filter((x) => x.unitCode === unit.code).at(-1)!;
      // the head is the first generated person and takes the post as an experienced adult (or on the unit's last day)
      const ageAtPost = Number(post.from.slice(0, 4)) - Number(head.birthDate.slice(0, 4));
      expect(ageAtPost, `${head.code} ${head.birthDate} ${post.from}`).toBeGreaterThanOrEqual(31);
    }
  });

  it('moves staff of merged units to the successor', () => {
    const qb = people.filter((p) => p.code.startsWith('QB-SCT-'));
    for (const p of qb) {
      const last = p.positions.at(-1)!;
      expect(last.unitCode).toBe('QT-SCT-2025');
      expect(last.from).toBe('2025-07-01');
    }
  });
});

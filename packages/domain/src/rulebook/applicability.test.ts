import { describe, expect, it } from 'vitest';
import { appliesTo, UNIT_TYPES, type AwardSubject, type UnitType } from './applicability.ts';
import { formatRuleId, parseRuleId } from './criteria.ts';
import { RULEBOOKS } from './rulebooks.ts';
import { AWARD_CODES, type AwardCode } from './vocabulary.ts';

const person = (unitType: UnitType | null): AwardSubject => ({ type: 'individual', unitType });
const unit = (unitType: UnitType | null): AwardSubject => ({ type: 'collective', unitType });
const household: AwardSubject = { type: 'household' };

/** The titles and forms that apply to each subject, in vocabulary order. */
const applying = (subject: AwardSubject) => AWARD_CODES.filter((a) => appliesTo(a, subject));

describe('which titles and forms apply to a subject', () => {
  it.each<[string, AwardSubject, AwardCode[]]>([
    [
      'the director of a company: civilian titles, no armed-forces title',
      person('JOINT_STOCK_COMPANY'),
      [
        'LAO_DONG_TIEN_TIEN',
        'CHIEN_SI_THI_DUA_CO_SO',
        'CHIEN_SI_THI_DUA_BO_TINH',
        'CHIEN_SI_THI_DUA_TOAN_QUOC',
        'GIAY_KHEN',
        'BANG_KHEN_BO_TINH',
        'BANG_KHEN_THU_TUONG',
        'KY_NIEM_CHUONG',
        'HUAN_CHUONG_LAO_DONG_HANG_BA',
        'HUAN_CHUONG_LAO_DONG_HANG_NHI',
        'HUAN_CHUONG_LAO_DONG_HANG_NHAT',
      ],
    ],
    [
      'an officer of an armed-forces unit: "Chiến sĩ tiên tiến" instead of the Advanced Worker',
      person('ARMED_FORCES_UNIT'),
      [
        'CHIEN_SI_TIEN_TIEN',
        'CHIEN_SI_THI_DUA_CO_SO',
        'CHIEN_SI_THI_DUA_BO_TINH',
        'CHIEN_SI_THI_DUA_TOAN_QUOC',
        'GIAY_KHEN',
        'BANG_KHEN_BO_TINH',
        'BANG_KHEN_THU_TUONG',
        'KY_NIEM_CHUONG',
        'HUAN_CHUONG_LAO_DONG_HANG_BA',
        'HUAN_CHUONG_LAO_DONG_HANG_NHI',
        'HUAN_CHUONG_LAO_DONG_HANG_NHAT',
      ],
    ],
    [
      'a company: labour collective titles and flags, no commune or village title',
      unit('SOE_ONE_MEMBER_LLC'),
      [
        'TAP_THE_LAO_DONG_TIEN_TIEN',
        'TAP_THE_LAO_DONG_XUAT_SAC',
        'CO_THI_DUA_BO_TINH',
        'CO_THI_DUA_CHINH_PHU',
        'GIAY_KHEN',
        'BANG_KHEN_BO_TINH',
        'BANG_KHEN_THU_TUONG',
        'HUAN_CHUONG_LAO_DONG_HANG_BA',
        'HUAN_CHUONG_LAO_DONG_HANG_NHI',
        'HUAN_CHUONG_LAO_DONG_HANG_NHAT',
      ],
    ],
    [
      'a commune or ward: also "Xã, phường, đặc khu tiêu biểu"',
      unit('COMMUNE_WARD'),
      [
        'TAP_THE_LAO_DONG_TIEN_TIEN',
        'TAP_THE_LAO_DONG_XUAT_SAC',
        'CO_THI_DUA_BO_TINH',
        'CO_THI_DUA_CHINH_PHU',
        'XA_PHUONG_TIEU_BIEU',
        'GIAY_KHEN',
        'BANG_KHEN_BO_TINH',
        'BANG_KHEN_THU_TUONG',
        'HUAN_CHUONG_LAO_DONG_HANG_BA',
        'HUAN_CHUONG_LAO_DONG_HANG_NHI',
        'HUAN_CHUONG_LAO_DONG_HANG_NHAT',
      ],
    ],
    [
      'a village: "Thôn, tổ dân phố văn hóa" and the forms, not the labour collective titles',
      unit('VILLAGE'),
      [
        'THON_TO_DAN_PHO_VAN_HOA',
        'GIAY_KHEN',
        'BANG_KHEN_BO_TINH',
        'BANG_KHEN_THU_TUONG',
        'HUAN_CHUONG_LAO_DONG_HANG_BA',
        'HUAN_CHUONG_LAO_DONG_HANG_NHI',
        'HUAN_CHUONG_LAO_DONG_HANG_NHAT',
      ],
    ],
    [
      'a household: the cultural family and the forms for anyone',
      household,
      [
        'GIA_DINH_VAN_HOA',
        'GIAY_KHEN',
        'BANG_KHEN_BO_TINH',
        'BANG_KHEN_THU_TUONG',
        'HUAN_CHUONG_LAO_DONG_HANG_BA',
        'HUAN_CHUONG_LAO_DONG_HANG_NHI',
        'HUAN_CHUONG_LAO_DONG_HANG_NHAT',
      ],
    ],
  ])('%s', (_name, subject, expected) => {
    expect(applying(subject)).toEqual(expected);
  });

  it('an unknown unit type hides no title of the subject type', () => {
    expect(applying(person(null))).toEqual(AWARD_CODES.filter((a) => appliesTo(a, { type: 'individual' })));
    expect(applying(person(null))).toContain('CHIEN_SI_TIEN_TIEN');
    expect(applying(person(null))).toContain('LAO_DONG_TIEN_TIEN');
    expect(applying(unit(null))).toContain('XA_PHUONG_TIEU_BIEU');
  });

  it('every person gets exactly one of the two advanced titles; every kind of unit some title', () => {
    for (const type of UNIT_TYPES) {
      const titles = applying(person(type)).filter((a) => a === 'LAO_DONG_TIEN_TIEN' || a === 'CHIEN_SI_TIEN_TIEN');
      expect(titles, type).toHaveLength(1);
      expect(applying(unit(type)).length, type).toBeGreaterThan(0);
    }
  });

  // What applies must be judged by each rulebook: criteria for that subject type, or delegated to the council.
  describe.each(RULEBOOKS.map((b) => [b.id, b] as const))('%s', (_id, book) => {
    it.each(['individual', 'collective'] as const)(
      'every title and form that applies to a %s has criteria for it or is delegated',
      (type) => {
        for (const unitType of UNIT_TYPES) {
          for (const award of applying({ type, unitType })) {
            const rules = book.awards[award];
            expect('delegated' in rules || rules.bySubject[type] !== undefined, `${award} for ${type} in ${unitType}`).toBe(true);
          }
        }
      },
    );
  });
});

describe('legal bases as structured codes', () => {
  it.each([
    ['law-06-2022/art-24', { document: 'law-06-2022', article: 24 }],
    ['decree-98-2023/art-4', { document: 'decree-98-2023', article: 4 }],
    ['law-06-2022/art-74/cl-1/pt-d', { document: 'law-06-2022', article: 74, clause: 1, point: 'd' }],
    ['law-06-2022/art-28/cl-1', { document: 'law-06-2022', article: 28, clause: 1 }],
    ['decree-73-2024', { document: 'decree-73-2024' }],
  ])('%s', (code, basis) => {
    expect(parseRuleId(code)).toEqual(basis);
    expect(formatRuleId(basis)).toBe(code);
  });

  it.each(['', 'law', 'law-06-2022/article-24', 'law-06-2022/art-x', 'law-06-2022/pt-d', 'LAW-06-2022/art-1'])(
    '%j is not a legal basis',
    (code) => {
      expect(parseRuleId(code)).toBeUndefined();
    },
  );

  it.each(RULEBOOKS.map((b) => [b.id, b] as const))('every legal basis of %s parses and formats back', (_id, book) => {
    const rules = new Set<string>([book.disciplineRule]);
    JSON.stringify(book, (key, value: unknown) => {
      if ((key === 'rule' || key === 'basis' || key === 'seedRule') && typeof value === 'string') rules.add(value);
      return value;
    });
    expect(rules.size).toBeGreaterThan(10);
    for (const rule of rules) expect(formatRuleId(parseRuleId(rule)!), rule).toBe(rule);
  });
});

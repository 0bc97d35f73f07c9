/**
 * The legal instruments a generated document cites (căn cứ), with what a Decree 30 citation needs. Certainty marks
 * follow the domain notes (documents-and-forms.md §2.1): `verified` ✅ seen in a source, `probable` ⚠️ seen only in a
 * secondary source or inferred, `unverified` ❓ background knowledge. Each entry names where it was seen.
 */

export const INSTRUMENT_KINDS = ['law', 'decree', 'circular', 'decision'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export type Certainty = 'verified' | 'probable' | 'unverified';

export interface LegalInstrument {
  readonly code: string;
  readonly kind: InstrumentKind;
  /** Number and symbol, "98/2023/NĐ-CP"; a law's number ("06/2022/QH15") is kept but not cited (Decree 30: laws by name). */
  readonly number: string;
  /** A law's name as cited ("Luật Thi đua, khen thưởng"); null for other kinds, which are cited by number. */
  readonly name: string | null;
  /** Signing date (a law: the date the National Assembly passed it), YYYY-MM-DD. */
  readonly signedOn: string;
  /** The issuing body as written after "của": "Chính phủ", "Thủ tướng Chính phủ", "Bộ Nội vụ". */
  readonly issuer: string;
  /** The summary (trích yếu) as cited after the issuer, in lower case; null for laws. */
  readonly title: string | null;
  /** First day in force, YYYY-MM-DD, used to pick the organisation law of a date. */
  readonly effectiveFrom: string;
  readonly certainty: Certainty;
  /** Where the citation facts were seen (keys of documents-and-forms.md §0). */
  readonly source: string;
}

const INSTRUMENTS = [
  // the regime before Law 06/2022 (documents-and-forms §2.1, "Decree 91 era (2022)" ✅ Q1): laws cited by name and date
  {
    code: 'law-emulation-2003',
    kind: 'law',
    number: '15/2003/QH11',
    name: 'Luật Thi đua, khen thưởng',
    signedOn: '2003-11-26',
    issuer: 'Quốc hội',
    title: null,
    effectiveFrom: '2004-07-01',
    certainty: 'probable',
    source: 'Q1',
  },
  {
    code: 'law-emulation-amendment-2013',
    kind: 'law',
    number: '39/2013/QH13',
    name: 'Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng',
    signedOn: '2013-11-16',
    issuer: 'Quốc hội',
    title: null,
    effectiveFrom: '2014-06-01',
    certainty: 'probable',
    source: 'Q1',
  },
  {
    code: 'decree-91-2017',
    kind: 'decree',
    number: '91/2017/NĐ-CP',
    name: null,
    signedOn: '2017-07-31',
    issuer: 'Chính phủ',
    title: 'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    effectiveFrom: '2017-09-15',
    certainty: 'probable',
    source: 'Q1',
  },
  {
    code: 'law-06-2022',
    kind: 'law',
    number: '06/2022/QH15',
    name: 'Luật Thi đua, khen thưởng',
    signedOn: '2022-06-15',
    issuer: 'Quốc hội',
    title: null,
    effectiveFrom: '2024-01-01',
    certainty: 'verified',
    source: 'Q4',
  },
  {
    code: 'decree-98-2023',
    kind: 'decree',
    number: '98/2023/NĐ-CP',
    name: null,
    signedOn: '2023-12-31',
    issuer: 'Chính phủ',
    title: 'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    effectiveFrom: '2024-01-01',
    certainty: 'verified',
    source: 'Q4',
  },
  {
    code: 'decree-152-2025',
    kind: 'decree',
    number: '152/2025/NĐ-CP',
    name: null,
    signedOn: '2025-06-14',
    issuer: 'Chính phủ',
    title:
      'quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
    effectiveFrom: '2025-07-01',
    certainty: 'verified',
    source: 'Q14 (summary), F2 (date)',
  },
  {
    // Cited by provincial decisions of the Decree 91 and 98 eras ✅ Q1, Q4; number 77/2015/QH13 ❓ (not cited).
    code: 'law-local-government-2015',
    kind: 'law',
    number: '77/2015/QH13',
    name: 'Luật Tổ chức chính quyền địa phương',
    signedOn: '2015-06-19',
    issuer: 'Quốc hội',
    title: null,
    effectiveFrom: '2016-01-01',
    certainty: 'verified',
    source: 'Q1',
  },
  {
    // The 2019 amendment cited beside the 2015 law ✅ Q1; its date 22/11/2019 is background knowledge ❓.
    code: 'law-local-government-amendment-2019',
    kind: 'law',
    number: '47/2019/QH14',
    name: 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương',
    signedOn: '2019-11-22',
    issuer: 'Quốc hội',
    title: null,
    effectiveFrom: '2020-07-01',
    certainty: 'unverified',
    source: 'Q1 (cited), date ❓',
  },
  {
    // Two-tier local government ✅ Q12; the date 16/6/2025 is assumed ⚠️ (documents-and-forms.md §9.5).
    code: 'law-local-government-2025',
    kind: 'law',
    number: '72/2025/QH15',
    name: 'Luật Tổ chức chính quyền địa phương',
    signedOn: '2025-06-16',
    issuer: 'Quốc hội',
    title: null,
    effectiveFrom: '2025-07-01',
    certainty: 'probable',
    source: 'Q12; date ⚠️',
  },
] as const satisfies readonly LegalInstrument[];

export type InstrumentCode = (typeof INSTRUMENTS)[number]['code'];

export const LEGAL_INSTRUMENTS: Readonly<Record<InstrumentCode, LegalInstrument>> = Object.freeze(
  Object.fromEntries(INSTRUMENTS.map((i) => [i.code, Object.freeze(i)])) as Record<InstrumentCode, LegalInstrument>,
);

export const isInstrumentCode = (value: unknown): value is InstrumentCode =>
  typeof value === 'string' && Object.hasOwn(LEGAL_INSTRUMENTS, value);

/**
 * The organisation law(s) a People's Committee cites for its own competence on a date: the 2015 law with its 2019
 * amendment until 30 June 2025, then Law 72/2025/QH15 (two-tier local government).
 */
export function localGovernmentInstruments(date: string): readonly InstrumentCode[] {
  return date >= LEGAL_INSTRUMENTS['law-local-government-2025'].effectiveFrom
    ? ['law-local-government-2025']
    : ['law-local-government-2015', 'law-local-government-amendment-2019'];
}

/**
 * What a document issued before Law 06/2022 took effect cites: the 2003 law with its 2013 amendment and Decree
 * 91/2017 (documents-and-forms §2.1 ✅ Q1; dates ⚠️). Such decisions are registered, printed and verified, but their
 * reward money is not computed: that regime's coefficients and base salaries are not kept ❓.
 */
export const EARLIER_REGIME = Object.freeze({
  id: 'LAW-2003-2013+DECREE-91-2017',
  effectiveFrom: '2017-09-15',
  effectiveTo: '2023-12-31',
  citations: Object.freeze(['law-emulation-2003', 'law-emulation-amendment-2013', 'decree-91-2017'] as InstrumentCode[]),
  rewardCoefficientTenths: Object.freeze({}),
});

// What an issuer may confer, and the document's defaults from the issuer's own records. The defaults are the
// decision's own text (a Vietnamese administrative document under Decree 30), so they are Vietnamese in every
// interface language; the officer edits them on the form.
import { AWARDS, AWARD_KINDS, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';

export { AWARD_KINDS };
export type AwardKind = (typeof AWARD_KINDS)[number];
export const DELEGATIONS = ['KT', 'TM', 'TL', 'TUQ'] as const;
export type Delegation = (typeof DELEGATIONS)[number];

/** An authority confers its own level's awards (Bằng khen, Chiến sĩ thi đua tỉnh …); a unit head the unit level's. */
export function conferrableAwards(issuerIsUnit: boolean): AwardCode[] {
  const level = issuerIsUnit ? 'unit' : 'ministry_province';
  return AWARDS.filter((a) => a.level === level).map((a) => a.code);
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "TH-LAMSON" → "QĐ-LAMSON": the type's abbreviation, then the unit's short code without its authority's prefix. */
export function unitSymbol(unitCode: string, authorityCode?: string): string {
  let code = unitCode;
  if (authorityCode && code.toUpperCase().startsWith(`${authorityCode.toUpperCase()}-`)) code = code.slice(authorityCode.length + 1);
  const letters = upper(code)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z0-9Đ]+/g, '');
  return `QĐ-${letters || 'DV'}`;
}

export interface AuthorityFacts {
  kind: 'PROVINCE' | 'MINISTRY' | 'CENTRAL_COUNCIL';
  code: string;
  name: string;
  shortName: string;
  place: string;
}

export interface UnitFacts {
  code: string;
  name: string;
}

export interface IssuerDefaults {
  symbol: string;
  issuerParent: string | null;
  issuerName: string;
  place: string;
  authorityLine: string;
  signer: { delegation: Delegation | 'NONE'; onBehalfOf: string | null; title: string };
}

/** The issuing body block, the power it acts under and the usual signer of the issuer. */
export function issuerDefaults(authority: AuthorityFacts, unit: UnitFacts | null): IssuerDefaults {
  if (unit)
    return {
      symbol: unitSymbol(unit.code, authority.code),
      issuerParent: upper(authority.shortName),
      issuerName: upper(unit.name),
      place: authority.place,
      authorityLine: `GIÁM ĐỐC ${upper(unit.name)}`,
      signer: { delegation: 'NONE', onBehalfOf: null, title: 'GIÁM ĐỐC' },
    };
  const name = upper(authority.name);
  const head = authority.kind === 'PROVINCE' ? 'CHỦ TỊCH' : authority.kind === 'MINISTRY' ? 'BỘ TRƯỞNG' : 'CHỦ TỊCH';
  return {
    symbol: 'QĐ-UBND',
    issuerParent: null,
    issuerName: name,
    place: authority.place,
    authorityLine: `${head} ${name}`,
    signer: { delegation: 'KT', onBehalfOf: head, title: `PHÓ ${head}` },
  };
}

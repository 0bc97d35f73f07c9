import { buildAwardDecisionView, type AwardDecisionInput, type DocumentView } from '@thidua/domain';
import { defaultAwardTitle } from '@thidua/domain/decisions/award-decision.ts';
import { AWARD_BY_CODE, type AwardCode, type AwardKindCode } from '@thidua/domain/rulebook/vocabulary.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { DocumentTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { RecipientRow } from './recipients.ts';

/** What a draft keeps in its `content` column (save-draft.ts writes it). */
export interface DecisionContent {
  issuerParent: string | null;
  issuerName: string;
  place: string;
  authorityLine: string;
  signer: { delegation: 'TM' | 'KT' | 'TL' | 'TUQ' | null; onBehalfOf: string | null; title: string; name: string };
  achievement: string;
  proposal: { proposerTitle: string; number: string; date: string } | null;
  regulation: { number: string; date: string; issuerTitle: string; title: string } | null;
  copiesTo: string[];
}

export const contentOf = (row: Pick<Selectable<DocumentTable>, 'content'>): DecisionContent =>
  (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as DecisionContent;

/** The law's kinds of commendation (Art. 8) as the document engine names them. */
const KIND: Record<AwardKindCode, AwardDecisionInput['kind']> = {
  CONG_TRANG: 'REGULAR',
  CHUYEN_DE: 'THEMATIC',
  DOT_XUAT: 'AD_HOC',
  CONG_HIEN: 'ANNIVERSARY',
  NIEN_HAN: 'ANNIVERSARY',
  DOI_NGOAI: 'FOREIGN',
};

export type DocumentRow = Omit<Selectable<DocumentTable>, 'pdf'>;

export interface IssuerFacts {
  /** For the award's wording: a People's Committee, a ministry, or a unit's head. */
  kind: 'PROVINCE' | 'MINISTRY' | 'CENTRAL_COUNCIL' | 'UNIT';
  /** The issuing unit's name as the registry writes it ("Công ty TNHH MTV Lam Sơn"); null for an authority. */
  unitName: string | null;
}

export async function issuerOf(db: Db | Tx, row: Pick<DocumentRow, 'authority_id' | 'issuer_unit_id'>): Promise<IssuerFacts> {
  if (row.issuer_unit_id !== null) {
    const unit = await db.selectFrom('unit').select('name').where('id', '=', row.issuer_unit_id).executeTakeFirst();
    return { kind: 'UNIT', unitName: unit?.name ?? null };
  }
  const authority = await db.selectFrom('authority').select('kind').where('id', '=', row.authority_id).executeTakeFirst();
  return { kind: (authority?.kind ?? 'PROVINCE') as IssuerFacts['kind'], unitName: null };
}

/**
 * The authority in running text ("… của Giám đốc Công ty TNHH MTV Lam Sơn"): when the authority line ends with the
 * issuing unit's name, the head's title in lower case followed by the name as registered; otherwise the engine's
 * reading of the line.
 */
function runningAuthority(authorityLine: string, unitName: string | null): string | undefined {
  if (!unitName) return undefined;
  const line = authorityLine.trim();
  const upper = unitName.toLocaleUpperCase('vi');
  if (!line.toLocaleUpperCase('vi').endsWith(upper) || line.length === upper.length) return undefined;
  const title = line
    .slice(0, line.length - upper.length)
    .trim()
    .toLocaleLowerCase('vi');
  return `${title.charAt(0).toLocaleUpperCase('vi')}${title.slice(1)} ${unitName}`;
}

/**
 * Gather (the I/O is done by the caller) → the document engine's input → the view both renderers print. A draft
 * prints "DỰ THẢO" and a blank number; an issued decision its number, date and verification code.
 */
export function decisionView(
  row: DocumentRow,
  recipients: readonly RecipientRow[],
  issuer: IssuerFacts,
  verifyBaseUrl: string,
  today: string,
): DocumentView {
  const content = contentOf(row);
  const award = row.award_code as AwardCode;
  const draft = row.status === 'DRAFT';
  const issuerKind = issuer.kind;
  const peoplesCommittee = issuerKind === 'PROVINCE';
  const authorityName = runningAuthority(content.authorityLine, issuer.unitName);
  return buildAwardDecisionView({
    issuer: {
      name: content.issuerName,
      parentName: content.issuerParent,
      place: content.place,
      authorityLine: content.authorityLine,
      collectiveName: peoplesCommittee ? 'ỦY BAN NHÂN DÂN' : null,
      regulation: content.regulation,
      ...(authorityName ? { authorityName } : {}),
    },
    number: row.number,
    symbol: row.symbol,
    issueDate: row.issue_date,
    year: row.year,
    award: {
      code: award,
      label: defaultAwardTitle(award, issuerKind),
      collective: AWARD_BY_CODE[award].subject === 'any' ? null : AWARD_BY_CODE[award].subject === 'collective',
    },
    kind: KIND[row.award_kind],
    achievement: content.achievement,
    proposal: content.proposal,
    recipients: recipients.map((r) => ({
      kind: r.subjectType,
      name: r.name,
      position: r.position,
      unitName: r.unitName,
      rewardVnd: r.rewardVnd,
    })),
    rulebookDate: row.issue_date ?? today,
    signer: content.signer,
    copiesTo: content.copiesTo,
    verification: row.verification_code ? { code: row.verification_code, url: `${verifyBaseUrl}/verify/${row.verification_code}` } : null,
    draft,
    draftYear: Number(today.slice(0, 4)),
    // the register's trích yếu, as listed and searched
    summary: row.summary,
  });
}

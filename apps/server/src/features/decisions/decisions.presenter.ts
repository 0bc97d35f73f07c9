import { formatDocumentNumber } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { abilitiesOnDocument } from './decisions.policy.ts';
import { contentOf, type DocumentRow } from './decision-document.ts';
import type { RecipientRow } from './recipients.ts';

type ListedRow = DocumentRow & { recipient_count: number | string | null };

export const presentDecisionItem = (row: ListedRow) => ({
  id: row.id,
  status: row.status,
  number: row.number === null ? null : formatDocumentNumber(row.number, row.symbol),
  issueDate: row.issue_date,
  summary: row.summary,
  verificationCode: row.status === 'DRAFT' ? null : row.verification_code,
  authorityId: row.authority_id,
  issuerUnitId: row.issuer_unit_id,
  issuerName: contentOf(row).issuerName,
  awardCode: row.award_code,
  kind: row.award_kind,
  year: row.year,
  recipientCount: Number(row.recipient_count ?? 0),
  version: row.version,
});

export function presentDecisionDetail(
  actor: Actor,
  row: DocumentRow & { replaced_by_id: number | null },
  recipients: readonly RecipientRow[],
) {
  const content = contentOf(row);
  const paid = recipients.filter((r) => r.rewardVnd !== null);
  return {
    ...presentDecisionItem({ ...row, recipient_count: recipients.length }),
    abilities: abilitiesOnDocument(actor, row),
    symbol: row.symbol,
    issuerParent: content.issuerParent,
    place: content.place,
    authorityLine: content.authorityLine,
    signer: content.signer,
    achievement: content.achievement,
    proposal: content.proposal,
    regulation: content.regulation,
    copiesTo: content.copiesTo,
    recipients: recipients.map((r) => ({
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      name: r.name,
      code: r.code,
      position: r.position,
      unitName: r.unitName,
      evidenceIds: r.evidenceIds,
      rewardVnd: r.rewardVnd,
    })),
    totalRewardVnd: paid.length ? paid.reduce((sum, r) => sum + r.rewardVnd!, 0) : null,
    overrideReason: row.override_reason,
    pdfSha256: row.pdf_sha256,
    replacesId: row.replaces_id,
    replacedById: row.replaced_by_id,
    cancelReason: row.cancel_reason,
  };
}

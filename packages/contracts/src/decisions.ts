// The document register's award decisions: drafts, issuing, cancelling, the register list and public verification.
import { z } from 'zod';
import { DOCUMENT_ACTIONS, DOCUMENT_STATUSES } from '@thidua/domain';
import { AWARD_CODES, AWARD_KINDS, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { abilitiesSchema, dateString, optionalText, text, version, year } from './shared.ts';

const id = z.number().int().positive().max(2_147_483_647);

/**
 * A Decree 30 number symbol: the type's abbreviation, then the issuer's, joined by hyphens in capitals
 * ("QĐ-UBND", "QĐ-SNV", "QĐ-CTHATUBA"). An award decision's symbol starts with "QĐ-".
 */
export const decisionSymbol = z
  .string()
  .trim()
  .max(40)
  .refine((v) => /^QĐ(-[A-ZĐ0-9]+)+$/u.test(v), { params: { key: 'document_symbol' } });

export const signer = z.strictObject({
  /** KT. (signing for the head, as deputy), TM. (for a collective), TL., TUQ., or none (the head signs). */
  delegation: z.enum(['TM', 'KT', 'TL', 'TUQ']).nullable(),
  /** The head or collective signed for: "CHỦ TỊCH" under KT., "ỦY BAN NHÂN DÂN" under TM. */
  onBehalfOf: optionalText(120),
  /** The signer's own title: "PHÓ CHỦ TỊCH", "GIÁM ĐỐC". */
  title: text(120),
  name: text(120),
});

export const decisionDraftBody = z.strictObject({
  authorityId: id,
  /** null: the authority issues (its Chairman); else the unit whose head issues. */
  issuerUnitId: id.nullable(),
  symbol: decisionSymbol,
  /** The issuing body block: the parent body's line (a unit's), the issuer's name, the place of the date line. */
  issuerParent: optionalText(160),
  issuerName: text(160),
  place: text(80),
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA" — the power the decision is made under. */
  authorityLine: text(200),
  signer,
  awardCode: z.enum(AWARD_CODES as [AwardCode, ...AwardCode[]]),
  kind: z.enum(AWARD_KINDS),
  year,
  achievement: text(1000),
  proposal: z
    .strictObject({ proposerTitle: text(200), number: text(60), date: dateString })
    .nullable()
    .optional(),
  regulation: z
    .strictObject({ number: text(60), date: dateString, issuerTitle: text(200), title: text(500) })
    .nullable()
    .optional(),
  copiesTo: z.array(text(200)).max(30).optional(),
  recipients: z
    .array(
      z.strictObject({
        subjectType: z.enum(['person', 'unit']),
        subjectId: id,
        evidenceIds: z.array(id).max(20).optional(),
      }),
    )
    .min(1)
    .max(5000),
  /** A correction: the issued decision this one replaces once issued. */
  replacesId: id.nullable().optional(),
});
export type DecisionDraftBody = z.infer<typeof decisionDraftBody>;

export const decisionUpdateBody = decisionDraftBody.omit({ authorityId: true, issuerUnitId: true, replacesId: true }).extend({ version });

export const decisionIssueBody = z.strictObject({
  version,
  issueDate: dateString,
  /** Issuing to an ineligible recipient or over the quota needs a written reason, kept with the decision. */
  overrideReason: optionalText(1000),
});

export const decisionCancelBody = z.strictObject({ version, reason: text(1000) });

export const decisionListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  authorityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  issuerUnitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  year: year.optional(),
  award: z.enum(AWARD_CODES as [AwardCode, ...AwardCode[]]).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  /** The decisions naming one person or unit. */
  subjectType: z.enum(['person', 'unit']).optional(),
  subjectId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const decisionItem = z.object({
  id: z.number(),
  status: z.enum(DOCUMENT_STATUSES),
  /** "07/QĐ-UBND"; null for a draft. */
  number: z.string().nullable(),
  issueDate: z.string().nullable(),
  summary: z.string(),
  verificationCode: z.string().nullable(),
  authorityId: z.number(),
  issuerUnitId: z.number().nullable(),
  issuerName: z.string(),
  awardCode: z.string(),
  kind: z.string(),
  year: z.number(),
  recipientCount: z.number(),
  version: z.number(),
});

export const decisionList = z.object({ items: z.array(decisionItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const decisionRecipient = z.object({
  subjectType: z.enum(['person', 'unit']),
  subjectId: z.number(),
  name: z.string(),
  code: z.string(),
  position: z.string().nullable(),
  unitName: z.string().nullable(),
  evidenceIds: z.array(z.number()),
  rewardVnd: z.number().nullable(),
});

export const decisionDetail = decisionItem.extend({
  abilities: abilitiesSchema(DOCUMENT_ACTIONS),
  symbol: z.string(),
  issuerParent: z.string().nullable(),
  place: z.string(),
  authorityLine: z.string(),
  signer,
  achievement: z.string(),
  proposal: z.object({ proposerTitle: z.string(), number: z.string(), date: z.string() }).nullable(),
  regulation: z.object({ number: z.string(), date: z.string(), issuerTitle: z.string(), title: z.string() }).nullable(),
  copiesTo: z.array(z.string()),
  recipients: z.array(decisionRecipient),
  totalRewardVnd: z.number().nullable(),
  overrideReason: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  replacesId: z.number().nullable(),
  replacedById: z.number().nullable(),
  cancelReason: z.string().nullable(),
});

/** Before issuing: each recipient's verdict for the award and the issuer's quota, so the officer is warned. */
export const decisionChecks = z.object({
  rulebook: z.string().nullable(),
  recipients: z.array(
    z.object({
      subjectType: z.enum(['person', 'unit']),
      subjectId: z.number(),
      name: z.string(),
      outcome: z.string(),
      eligible: z.boolean(),
      applies: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
  quota: z
    .object({
      quota: z.number(),
      used: z.number(),
      thisDecision: z.number(),
      over: z.boolean(),
    })
    .nullable(),
  ineligibleCount: z.number(),
});

export const verificationParams = z.strictObject({ code: z.string().trim().min(1).max(40) });

/** The public verification answer: what the decision itself publishes, nothing more. */
export const verificationResult = z.object({
  code: z.string(),
  status: z.enum(['ISSUED', 'CANCELLED', 'UNKNOWN']),
  issuerName: z.string().nullable(),
  number: z.string().nullable(),
  issueDate: z.string().nullable(),
  summary: z.string().nullable(),
  recipientCount: z.number().nullable(),
  pdfSha256: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

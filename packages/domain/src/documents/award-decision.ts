/**
 * The award decision (quyết định khen thưởng / công nhận danh hiệu), Decree 30 layout model Mẫu 1.2: the view-model
 * from the gathered facts. Wording follows documents-and-forms.md §2 (patterns of real decisions, not quotes); where
 * the sources leave a choice, the input can override the default.
 */
import type { ErrorCode } from '../shared/errors.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { EARLIER_REGIME, LEGAL_INSTRUMENTS, localGovernmentInstruments, type InstrumentCode } from '../rulebook/instruments.ts';
import { computeRewardVnd, findBaseSalary } from '../rulebook/reward.ts';
import { selectRulebook, type Rulebook } from '../rulebook/rulebooks.ts';
import { AWARD_BY_CODE, isAwardCode } from '../rulebook/vocabulary.ts';
import { buildAttachment, type AttachmentRecipient } from './attachment.ts';
import { buildBasesBlock, citeInstrument, citeProposal, citeRegulation, runsKeepingNumbers } from './citations.ts';
import {
  formatBlankDate,
  formatDateLine,
  formatDocumentNumber,
  formatTenths,
  formatVietnameseDate,
  formatVnd,
  parseCalendarDate,
  upperVi,
} from './format.ts';
import { buildSignerBlock, SignerBlockError, type SignerInput } from './signer.ts';
import type { DocumentView, Paragraph, Run } from './view.ts';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const DRAFT_MARK = 'DỰ THẢO';

export type AwardDecisionKind = 'REGULAR' | 'THEMATIC' | 'AD_HOC' | 'ANNIVERSARY' | 'FOREIGN';

export interface AwardDecisionInput {
  readonly issuer: {
    /** The issuing body as written in ô 2, e.g. "Ủy ban nhân dân tỉnh Thanh Hóa" (upper-cased, split at "tỉnh/xã …"). */
    readonly name: string;
    /** The parent body (cơ quan chủ quản), e.g. "UBND tỉnh Thanh Hóa" above "Sở Nội vụ"; null for a People's Committee. */
    readonly parentName: string | null;
    readonly place: string;
    /** "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA" */
    readonly authorityLine: string;
    /** "ỦY BAN NHÂN DÂN": for TM. lines, and it marks a People's Committee (cites the local-government law). */
    readonly collectiveName: string | null;
    readonly regulation: { readonly number: string; readonly date: string; readonly issuerTitle: string; readonly title: string } | null;
    /** The authority in running text ("Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa"); derived from authorityLine if absent. */
    readonly authorityName?: string;
    /**
     * Instruments cited for the issuer's own competence, before the rulebook's; by default a People's Committee cites
     * the local-government law in force on the decision date, other issuers nothing (their founding decision is theirs
     * to add with `extraBases`).
     */
    readonly competence?: readonly InstrumentCode[];
    /** Further căn cứ lines, already worded ("Quyết định số … của … quy định chức năng, nhiệm vụ …"), after the regulation. */
    readonly extraBases?: readonly string[];
  };
  readonly number: number | null;
  /** "QĐ-UBND" */
  readonly symbol: string;
  readonly issueDate: string | null;
  /** The achievement year. */
  readonly year: number;
  readonly award: { readonly code: string; readonly label: string; readonly collective: boolean | null };
  readonly kind: AwardDecisionKind;
  /** "đã có thành tích xuất sắc trong phong trào thi đua năm 2025" */
  readonly achievement: string;
  readonly proposal: { readonly proposerTitle: string; readonly number: string; readonly date: string } | null;
  readonly recipients: readonly AttachmentRecipient[];
  /** Selects the rulebook whose instruments are cited and whose coefficient and base salary price the reward. */
  readonly rulebookDate: string;
  readonly signer: SignerInput;
  /** Nơi nhận lines after "Như Điều {last}" ("Sở Tài chính", "Lưu: VT, NC"); "-" and ";" are added. */
  readonly copiesTo: readonly string[];
  readonly verification: { readonly code: string; readonly url: string } | null;
  readonly draft: boolean;
  /** The year written in a draft's date line; defaults to the year of rulebookDate. */
  readonly draftYear?: number;
  /** The list goes to an attached page (default: more than 5 recipients) or inline in Điều 1. */
  readonly attachList?: boolean;
  /** Whose fund pays the reward money (Điều 2). */
  readonly fund?: string;
  /** Who executes the decision (last article), before "các tập thể, cá nhân có tên tại Điều 1". */
  readonly executors?: readonly string[];
  /** Overrides the whole trích yếu line ("Về việc tặng …"). */
  readonly summary?: string;
}

const INLINE_MAX = 5;
const DEFAULT_FUND = 'Quỹ thi đua, khen thưởng theo quy định';

/** Flags are "tặng"; the other titles are "công nhận danh hiệu"; forms (certificates, orders) are "tặng" ⚠️ §2.2. */
function awardVerb(code: string): 'tặng' | 'công nhận danh hiệu' {
  if (!isAwardCode(code)) return 'tặng';
  const def = AWARD_BY_CODE[code];
  return def.category === 'TITLE' && !code.startsWith('CO_THI_DUA') ? 'công nhận danh hiệu' : 'tặng';
}

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → "Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa": lower case, the body's name
 * capitalised (with the first word of a department's or ministry's name), and the place name after "tỉnh", "thành phố", "xã", "phường" or "đặc khu" in title case. A heuristic
 * for the default only; pass `authorityName` where it falls short.
 */
export function authorityInRunningText(line: string): string {
  const lower = line.toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const withBody = lower
    .replace(/ủy ban nhân dân/g, 'Ủy ban nhân dân')
    .replace(/hội đồng nhân dân/g, 'Hội đồng nhân dân')
    // a department or ministry: "Sở Nội vụ", "Bộ Tài chính"
    .replace(
      /(^|\s)(sở|bộ) (?!trưởng)(\S+)/gu,
      (_m, pre: string, body: string, first: string) => `${pre}${capitalise(body)} ${capitalise(first)}`,
    );
  const placed = withBody.replace(/\b(tỉnh|thành phố|xã|phường|đặc khu) (.+)$/u, (_m, unit: string, place: string) => {
    return `${unit} ${place
      .split(' ')
      .map((w) => capitalise(w))
      .join(' ')}`;
  });
  return capitalise(placed);
}

/** The issuing body's lines in ô 2: split before the administrative level so "TỈNH THANH HÓA" has its own line. */
function issuerLines(name: string): string[] {
  const upper = upperVi(name.trim());
  const m = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG) (.+)$/u.exec(upper);
  return m ? [m[1]!, m[2]!] : [upper];
}

export class DocumentInputError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'DocumentInputError';
  }
}

interface Priced {
  readonly recipient: AttachmentRecipient;
  readonly amount: number | null;
  /** The amount is the rulebook's coefficient × base salary, not a gathered figure. */
  readonly fromCoefficient: boolean;
}

/** Prices each recipient: the gathered amount, else coefficient × base salary of the rulebook in force. */
function priceRecipients(input: AwardDecisionInput, rulebook: DocumentRegime) {
  const base = findBaseSalary(input.rulebookDate);
  const code = input.award.code;
  const tenths = isAwardCode(code) ? rulebook.rewardCoefficientTenths[code] : undefined;
  const computed = isAwardCode(code) && base !== undefined ? computeRewardVnd(code, rulebook, base) : undefined;
  const priced: Priced[] = input.recipients.map((r) => ({
    recipient: r,
    amount: r.rewardVnd ?? computed ?? null,
    fromCoefficient: r.rewardVnd === null && computed !== undefined,
  }));
  return { priced, tenths, base };
}

function countPhrase(units: number, persons: number): string {
  const parts: string[] = [];
  if (units) parts.push(`${units} tập thể`);
  if (persons) parts.push(`${persons} cá nhân`);
  return parts.join(' và ');
}

const recipientLine = (r: AttachmentRecipient): string => [r.name, r.position, r.unitName].filter((x) => x && x.trim()).join(', ');

/** What a document cites and prices money under: a rulebook, or the regime before Law 06/2022. */
export type DocumentRegime = Pick<Rulebook, 'citations' | 'rewardCoefficientTenths'>;

/** The rulebook in force on a date, else the earlier regime for dates it covers (decisions registered afterwards). */
export function documentRegime(date: string): DocumentRegime | undefined {
  const rulebook = selectRulebook(date);
  if (rulebook) return rulebook;
  return date >= EARLIER_REGIME.effectiveFrom && date <= EARLIER_REGIME.effectiveTo ? EARLIER_REGIME : undefined;
}

/** A view-model of the award decision, or a coded error (no rulebook in force on rulebookDate). */
export function tryBuildAwardDecisionView(input: AwardDecisionInput): Result<DocumentView, 'RULEBOOK_NOT_IN_FORCE' | 'VALIDATION_FAILED'> {
  const rulebook = documentRegime(input.rulebookDate);
  if (!rulebook) return err('RULEBOOK_NOT_IN_FORCE', { date: input.rulebookDate });
  try {
    return ok(build(input, rulebook));
  } catch (error) {
    if (error instanceof RangeError || error instanceof SignerBlockError) return err('VALIDATION_FAILED', { reason: error.message });
    throw error;
  }
}

/** As tryBuildAwardDecisionView; throws DocumentInputError (with the code) instead of returning it. */
export function buildAwardDecisionView(input: AwardDecisionInput): DocumentView {
  const result = tryBuildAwardDecisionView(input);
  if (!result.ok) throw new DocumentInputError(result.code, { ...result.params });
  return result.value;
}

function build(input: AwardDecisionInput, rulebook: DocumentRegime): DocumentView {
  const { issuer, award } = input;
  if (input.issueDate !== null) parseCalendarDate(input.issueDate);
  const draft = input.draft || input.issueDate === null || input.number === null;
  const docNumber = formatDocumentNumber(draft ? null : input.number, input.symbol);
  const dateOfData = input.issueDate ?? input.rulebookDate;
  const draftYear = input.draftYear ?? parseCalendarDate(input.rulebookDate).year;
  const dateLine = formatDateLine(issuer.place, draft ? null : input.issueDate, draftYear);
  const decisionDate = draft ? formatBlankDate(draftYear) : formatVietnameseDate(input.issueDate!);
  const authorityName = issuer.authorityName ?? authorityInRunningText(issuer.authorityLine);
  const verb = awardVerb(award.code);
  const summaryText = input.summary ?? `Về việc ${verb} ${award.label}`;

  // Căn cứ: the issuer's competence, the rulebook's law and decree, the issuer's regulation and further bases.
  const competence = issuer.competence ?? (issuer.collectiveName?.match(/^ỦY BAN NHÂN DÂN/i) ? localGovernmentInstruments(dateOfData) : []);
  const cited = [...competence, ...rulebook.citations];
  const bases = cited.map((code) => citeInstrument(LEGAL_INSTRUMENTS[code], 'first'));
  if (issuer.regulation) bases.push(citeRegulation(issuer.regulation));
  bases.push(...(issuer.extraBases ?? []));
  const basesBlock = buildBasesBlock(bases, input.proposal ? citeProposal(input.proposal) : null);
  const decree = rulebook.citations.map((c) => LEGAL_INSTRUMENTS[c]).find((i) => i.kind === 'decree');

  // Điều 1: whom, how many, for what; the list attached or inline.
  const units = input.recipients.filter((r) => r.kind === 'unit').length;
  const persons = input.recipients.length - units;
  const attach = input.attachList ?? input.recipients.length > INLINE_MAX;
  const article = (n: number, text: string, extra: Paragraph[] = []) => ({
    number: n,
    paragraphs: [{ runs: [{ text: `Điều ${n}. `, bold: true }, ...runsKeepingNumbers(text)] as Run[] }, ...extra],
  });
  const articles: { number: number; paragraphs: Paragraph[] }[] = [];
  const lead = `${capitalise(verb)} ${award.label} cho ${countPhrase(units, persons)}`;
  if (attach) {
    articles.push(article(1, `${lead} (có danh sách kèm theo), ${input.achievement}.`));
  } else {
    const items = input.recipients.map((r, i, all) => ({
      runs: runsKeepingNumbers(`${i + 1}. ${recipientLine(r)}${i === all.length - 1 ? '.' : ';'}`),
    }));
    articles.push(article(1, `${lead}, ${input.achievement}:`, items));
  }

  // Điều 2: the reward money, per recipient (coefficient × base salary) and in total.
  const { priced, tenths, base } = priceRecipients(input, rulebook);
  const paid = priced.filter((p) => p.amount !== null && p.amount > 0);
  const total = paid.reduce((s, p) => s + p.amount!, 0);
  if (paid.length) {
    const basis = decree ? ` theo quy định tại ${citeInstrument(decree, 'later')}` : '';
    const groups = (['unit', 'person'] as const)
      .map((kind) => ({ kind, of: priced.filter((p) => p.recipient.kind === kind) }))
      .map((g) => ({ ...g, amounts: g.of.map((p) => p.amount ?? 0), fromCoefficient: g.of.every((p) => p.fromCoefficient) }))
      .filter((g) => g.amounts.length);
    const uniform = groups.every((g) => g.amounts.every((a) => a === g.amounts[0]));
    const how = (fromCoefficient: boolean) =>
      fromCoefficient && tenths !== undefined && base !== undefined
        ? ` (bằng ${formatTenths(tenths)} lần mức lương cơ sở ${formatVnd(base)} đồng)`
        : '';
    const fund = input.fund ?? DEFAULT_FUND;
    const closing = `Tổng số tiền thưởng: ${formatVnd(total)} đồng, chi từ ${fund}.`;
    const lead2 = `Mức tiền thưởng thực hiện${basis}: `;
    if (uniform) {
      const each = groups.map(
        (g) => `mỗi ${g.kind === 'unit' ? 'tập thể' : 'cá nhân'} được thưởng ${formatVnd(g.amounts[0]!)} đồng${how(g.fromCoefficient)}`,
      );
      articles.push(article(2, `${lead2}${each.join('; ')}. ${closing}`));
    } else if (attach) {
      articles.push(article(2, `${lead2}mức thưởng của từng tập thể, cá nhân theo danh sách kèm theo. ${closing}`));
    } else {
      const lines = priced.map((p) => ({ runs: runsKeepingNumbers(`- ${p.recipient.name}: ${formatVnd(p.amount ?? 0)} đồng;`) }));
      articles.push(article(2, `${lead2}cụ thể như sau:`, [...lines, { runs: runsKeepingNumbers(closing) }]));
    }
  }

  // The last article: effect and execution, closed by "./." (Decree 30).
  const last = articles.length + 1;
  const executors = input.executors ?? [
    ...(input.proposal ? [input.proposal.proposerTitle] : []),
    'Thủ trưởng các cơ quan, đơn vị có liên quan',
  ];
  articles.push(
    article(last, 'Quyết định này có hiệu lực kể từ ngày ký.', [
      {
        runs: runsKeepingNumbers(
          `${capitalise(executors.join(', '))} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
        ),
      },
    ]),
  );

  // Nơi nhận: "Như Điều {last}" first, one line each with "-" and ";", the last with ".".
  const given = input.copiesTo.map((l) => l.replace(/^\s*[-–]\s*/, '').replace(/[;.,\s]+$/, '')).filter(Boolean);
  const copies = given.some((l) => /^Như Điều/.test(l)) ? given : [`Như Điều ${last}`, ...given];
  const copiesLines = copies.map((l, i) => `- ${l}${i === copies.length - 1 ? '.' : ';'}`);

  const attachment = attach
    ? buildAttachment({
        subtitle: `${units && persons ? 'Tập thể, cá nhân' : units ? 'Tập thể' : 'Cá nhân'} được ${verb} ${award.label}`,
        note: `(Kèm theo Quyết định số ${docNumber} ${decisionDate} của ${authorityName})`,
        recipients: priced.map((p) => ({ ...p.recipient, rewardVnd: p.amount })),
      })
    : null;

  const verification = input.verification
    ? {
        code: input.verification.code,
        url: input.verification.url,
        lines: [`Mã xác thực: ${input.verification.code}`, `Kiểm tra bản chính tại: ${input.verification.url}`],
      }
    : null;

  return {
    kind: 'AWARD_DECISION',
    meta: {
      title: `Quyết định số ${docNumber.trim()}`,
      subject: summaryText,
      author: issuer.name,
      date: dateOfData,
    },
    draft,
    draftMark: draft ? DRAFT_MARK : null,
    issuer: { parent: issuer.parentName ? upperVi(issuer.parentName) : null, lines: issuerLines(issuer.name) },
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    number: `Số: ${docNumber}`,
    dateLine,
    typeName: 'QUYẾT ĐỊNH',
    summary: [summaryText],
    authority: upperVi(issuer.authorityLine),
    bases: basesBlock,
    enactingWords: 'QUYẾT ĐỊNH:',
    articles,
    copiesTo: { heading: 'Nơi nhận:', lines: copiesLines },
    signer: buildSignerBlock(input.signer, issuer.collectiveName),
    verification: draft ? null : verification,
    attachment,
  };
}

/**
 * Citations of legal instruments in Decree 30 form (Appendix I): the first citation of a document gives its type,
 * number and symbol, date, issuer and summary; laws and ordinances are cited by type and name (practice adds the date
 * the National Assembly passed them); later citations give the type and the number only.
 */
import type { LegalInstrument } from '../rulebook/instruments.ts';
import { formatVietnameseDate } from './format.ts';
import type { Paragraph, Run } from './view.ts';

const TYPE_NAMES: Readonly<Record<LegalInstrument['kind'], string>> = {
  law: 'Luật',
  decree: 'Nghị định',
  circular: 'Thông tư',
  decision: 'Quyết định',
};

/**
 * "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022";
 * "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết …" (first citation);
 * "Nghị định số 98/2023/NĐ-CP" (later ones).
 */
export function citeInstrument(instrument: LegalInstrument, form: 'first' | 'later'): string {
  if (instrument.kind === 'law' && instrument.name !== null) {
    return form === 'first' ? `${instrument.name} ${formatVietnameseDate(instrument.signedOn)}` : instrument.name;
  }
  const head = `${TYPE_NAMES[instrument.kind]} số ${instrument.number}`;
  if (form === 'later') return head;
  const title = instrument.title ? ` ${instrument.title}` : '';
  return `${head} ${formatVietnameseDate(instrument.signedOn)} của ${instrument.issuer}${title}`;
}

/** The issuer's own regulation (quy chế / quy định thi đua, khen thưởng), cited in full: always a decision. */
export interface RegulationCitation {
  /** "11/2024/QĐ-UBND" */
  readonly number: string;
  readonly date: string;
  /** "Ủy ban nhân dân tỉnh Thanh Hóa" */
  readonly issuerTitle: string;
  /** "ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh" */
  readonly title: string;
}

export const citeRegulation = (r: RegulationCitation): string =>
  `Quyết định số ${r.number} ${formatVietnameseDate(r.date)} của ${r.issuerTitle} ${r.title}`;

/** The proposal line's own wording: "Giám đốc Sở Nội vụ tại Tờ trình số 377/TTr-SNV ngày 20 tháng 01 năm 2026". */
export interface ProposalCitation {
  readonly proposerTitle: string;
  readonly number: string;
  readonly date: string;
}

export const citeProposal = (p: ProposalCitation): string =>
  `${p.proposerTitle} tại Tờ trình số ${p.number} ${formatVietnameseDate(p.date)}`;

/**
 * Document numbers and symbols: "98/2023/NĐ-CP", "06/2022/QH15", "377/TTr-SNV", "07/QĐ-UBND". They must stay on one
 * line: a justified line may break after "/" or "-" otherwise. Punctuation written against a number (";", ":", ".")
 * stays in its run, so no renderer puts space between them.
 */
const NUMBER_TOKEN = /\d+(?:\/[\p{L}\d]+)+(?:-[\p{L}\d]+)*[;:,.)]*/gu;

/** Splits text into runs, marking document numbers `keep`; every run takes the given emphasis. */
export function runsKeepingNumbers(text: string, style: Omit<Run, 'text' | 'keep'> = {}): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    if (m.index > at) runs.push({ ...style, text: text.slice(at, m.index) });
    runs.push({ ...style, text: m[0], keep: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ ...style, text: text.slice(at) });
  return runs;
}

/**
 * The căn cứ block: one italic line per basis ("Căn cứ …"), then the proposal line ("Theo đề nghị của …"); each
 * ends with ";" and the last with "." (Decree 30).
 */
export function buildBasesBlock(bases: readonly string[], proposal: string | null): Paragraph[] {
  const lines = bases.map((b) => `Căn cứ ${b}`);
  if (proposal !== null) lines.push(`Theo đề nghị của ${proposal}`);
  return lines.map((line, i) => ({ runs: runsKeepingNumbers(`${line}${i === lines.length - 1 ? '.' : ';'}`, { italic: true }) }));
}

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAwardDecisionView, documentLines, type DocumentView } from '@thidua/domain';
import { sampleDecision } from '@thidua/domain/documents/test-fixtures.ts';
import { closeDocumentRenderer, renderDocument, renderDocx, renderPdf } from './index.ts';

const issued = buildAwardDecisionView(sampleDecision({}, 60));
const draft = buildAwardDecisionView(sampleDecision({ draft: true, number: null, issueDate: null, rulebookDate: '2026-01-25' }, 60));
// twelve căn cứ lines, each shifting its number by two letters, so some numbers fall where a line would break
const shifted = buildAwardDecisionView(
  sampleDecision({
    issuer: {
      ...sampleDecision().issuer,
      extraBases: Array.from(
        { length: 12 },
        (_, k) => `${'ô '.repeat(k)}Nghị định số 98/2023/NĐ-CP của Chính phủ và Quyết định số 1197/QĐ-UBND của tỉnh`,
      ),
    },
  }),
);

const dir = mkdtempSync(join(tmpdir(), 'thidua-docs-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDocumentRenderer();
});

/** The text of each page (pdftotext, reading order; `layout`: as laid out), page by page. */
function pdfPages(pdf: Buffer, name: string, layout = false): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const args = ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/** Paragraph texts of a DOCX part: w:t runs, w:noBreakHyphen as "-", word joiners dropped. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
    .map(([p]) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
        .map((m) => (m[0] === '<w:noBreakHyphen/>' ? '-' : m[1]!))
        .join('')
        .replace(/\u2060/g, '')
        .replace(/&amp;/g, '&'),
    )
    .filter((t) => t.trim() !== '');
}

async function docxParts(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const read = (name: string) => zip.file(name)!.async('string');
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headers = Object.fromEntries(
    await Promise.all(
      [...rels.matchAll(/Id="(rId\d+)"[^>]*Target="(header\d+\.xml)"/g)].map(
        async ([, id, target]) => [id!, await read(`word/${target}`)] as const,
      ),
    ),
  );
  return { zip, document, styles: await read('word/styles.xml'), headers };
}

/** Asserts that `wanted` appear in `lines` in this order (each as a whole line). */
function expectInOrder(lines: readonly string[], wanted: readonly string[]) {
  let at = -1;
  for (const w of wanted) {
    const next = lines.indexOf(w, at + 1);
    expect(next, `"${w}" after line ${at}`).toBeGreaterThan(at);
    at = next;
  }
}

const decisionLines = (view: DocumentView) => documentLines(view).slice(0, documentLines(view).indexOf('DANH SÁCH'));

describe('DOCX', () => {
  it('holds every component of the decision in order, with the attached list after it', async () => {
    const { document } = await docxParts(await renderDocx(issued));
    const texts = paragraphs(document);
    expectInOrder(texts, decisionLines(issued));
    const a = issued.attachment!;
    expectInOrder(texts, [
      a.title,
      a.subtitle,
      a.note,
      'STT',
      ...a.columns.map((c) => c.header),
      'I. Tập thể',
      'Phòng Nghiệp vụ 1',
      'II. Cá nhân',
    ]);
    expect(texts.at(-1)).toBe(a.total!.cells.at(-1));
  });

  it('is A4 with Decree 30 margins, Times New Roman, and page numbers from page 2 in each part', async () => {
    const { document, styles, headers } = await docxParts(await renderDocx(issued));
    const sections = [...document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    for (const s of sections) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
      const margin = Object.fromEntries(
        [...s.match(/<w:pgMar [^>]*>/)![0].matchAll(/w:(\w+)="(\d+)"/g)].map(([, k, v]) => [k, Number(v) / (1440 / 25.4)]),
      );
      expect(margin.top).toBeGreaterThanOrEqual(19.9);
      expect(margin.top).toBeLessThanOrEqual(25);
      expect(margin.bottom).toBeGreaterThanOrEqual(19.9);
      expect(margin.bottom).toBeLessThanOrEqual(25);
      expect(margin.left).toBeGreaterThanOrEqual(29.9);
      expect(margin.left).toBeLessThanOrEqual(35);
      expect(margin.right).toBeGreaterThanOrEqual(14.9);
      expect(margin.right).toBeLessThanOrEqual(20);
      expect(s).toContain('<w:titlePg/>');
      expect(s).toContain('<w:pgNumType w:start="1"/>');
      const first = headers[s.match(/w:type="first" r:id="(rId\d+)"/)![1]!]!;
      const other = headers[s.match(/w:type="default" r:id="(rId\d+)"/)![1]!]!;
      expect(first).not.toContain('PAGE');
      expect(other).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(other).toContain('<w:jc w:val="center"/>');
    }
    expect(new Set([...(document + styles).matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(['Times New Roman']));
  });

  it('writes the national title bold at 12 pt, the body at 14 pt, and keeps document numbers unbroken', async () => {
    const { document } = await docxParts(await renderDocx(shifted));
    const title = [...document.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes('CỘNG HÒA XÃ HỘI'))!;
    expect(title).toContain('<w:b/>');
    expect(title).toContain('<w:sz w:val="24"/>');
    // hyphens inside numbers are non-breaking, and a word joiner follows each "/" before a letter
    expect(document).toContain('98/2023/\u2060NĐ</w:t></w:r>'.replace('</w:t></w:r>', ''));
    expect(document.match(/<w:noBreakHyphen\/>/g)!.length).toBeGreaterThanOrEqual(24);
    expect(paragraphs(document).filter((t) => t.includes('Nghị định số 98/2023/NĐ-CP của Chính phủ'))).toHaveLength(12);
  });

  it('prints the verification code and its QR image on an issued decision, "DỰ THẢO" and blanks on a draft', async () => {
    const issuedDocx = await docxParts(await renderDocx(issued));
    expect(Object.keys(issuedDocx.zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    expect(paragraphs(issuedDocx.document)).toContain('Mã xác thực: K7QF-2M9D');
    const draftDocx = await docxParts(await renderDocx(draft));
    const texts = paragraphs(draftDocx.document);
    expect(texts[0]).toBe('DỰ THẢO');
    expect(texts).toContain('Số:      /QĐ-UBND');
    expect(texts).toContain('Thanh Hóa, ngày      tháng      năm 2026');
    expect(texts.some((t) => t.startsWith('Mã xác thực'))).toBe(false);
    expect(Object.keys(draftDocx.zip.files).some((f) => f.startsWith('word/media/'))).toBe(false);
  });
});

describe('PDF', () => {
  it('extracts with its diacritics, components in order', async () => {
    // as laid out: top to bottom, and left to right within a line (side-by-side blocks are 3+ spaces apart)
    const pages = pdfPages(await renderPdf(issued), 'issued', true);
    const segments = pages
      .join('\n')
      .split('\n')
      .flatMap((l) => l.trim().split(/\s{3,}/));
    expectInOrder(segments, [
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH THANH HÓA',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 07/QĐ-UBND',
      'Thanh Hóa, ngày 05 tháng 02 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'QUYẾT ĐỊNH:',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
      '- Như Điều 3;',
      'PHÓ CHỦ TỊCH',
      '- Lưu: VT, NC.',
      'Lê Đức Giang',
      'Mã xác thực: K7QF-2M9D',
      'DANH SÁCH',
      'Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      'I. Tập thể',
      'II. Cá nhân',
    ]);
    // the body in reading order, whatever the line breaks
    const flat = pdfPages(await renderPdf(issued), 'issued-flow')
      .join(' ')
      .replace(/\s+/g, ' ');
    let at = -1;
    for (const line of [...issued.bases, ...issued.articles.flatMap((a) => a.paragraphs)].map((p) => p.runs.map((r) => r.text).join(''))) {
      const next = flat.indexOf(line, at + 1);
      expect(next, line).toBeGreaterThan(at);
      at = next;
    }
    expect(flat).toContain('Tổng số tiền thưởng: 84.240.000 đồng');
  });

  it('never breaks a document number across lines', async () => {
    const text = pdfPages(await renderPdf(shifted), 'shifted').join('\n');
    expect(text.match(/98\/2023\/NĐ-CP/g)).toHaveLength(12);
    expect(text.match(/1197\/QĐ-UBND/g)).toHaveLength(12);
    expect(text).toContain('152/2025/NĐ-CP');
    // no line ends inside a number: after "/" or after the hyphen of a symbol ("NĐ-", "QĐ-")
    expect(text).not.toMatch(/\/\n|\p{Lu}-\n/u);
  });

  it('is A4 with Liberation Serif embedded, numbered from page 2, the attached list numbered on its own', async () => {
    const pdf = await renderPdf(issued);
    const raw = pdf.toString('latin1');
    const boxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(2);
    for (const [w, h] of boxes) {
      expect(w).toBeCloseTo((210 * 72) / 25.4, 1);
      expect(h).toBeCloseTo((297 * 72) / 25.4, 1);
    }
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif-Bold\b/);
    expect(raw).toContain('/FontFile2');
    const pages = pdfPages(pdf, 'numbers');
    const firstLine = (p: string) =>
      p
        .split('\n')
        .find((l) => l.trim())!
        .trim();
    const listStart = pages.findIndex((p) => p.includes('DANH SÁCH'));
    expect(listStart).toBeGreaterThan(0);
    expect(firstLine(pages[0]!)).toBe('ỦY BAN NHÂN DÂN');
    pages.slice(1, listStart).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
    expect(firstLine(pages[listStart]!)).toBe('DANH SÁCH');
    expect(pages.length - listStart).toBeGreaterThan(1);
    pages.slice(listStart + 1).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
  });

  it('gives the same bytes for the same view, dated by the view', async () => {
    const [a, b] = [await renderPdf(issued), await renderPdf(issued)];
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
    // the information dictionary: 2026-02-05 00:00 in Hà Nội, the issue date; producer and creator fixed
    expect(a.toString('latin1')).toContain('(D:20260204170000Z)');
    expect(a.toString('latin1')).toContain('(thidua)');
  });

  it('renders a draft with "DỰ THẢO" and a blank number', async () => {
    const lines = pdfPages(await renderPdf(draft), 'draft', true)
      .join('\n')
      .split('\n')
      .map((l) => l.trim());
    expect(lines[0]).toBe('DỰ THẢO');
    expect(lines.some((l) => /^Số: {4,}\/QĐ-UBND {2,}Thanh Hóa, ngày {3,}tháng {3,}năm 2026$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Mã xác thực'))).toBe(false);
  });
});

describe('rendering in a worker thread', () => {
  it('gives the bytes the renderers give', async () => {
    const pdf = await renderDocument(issued, 'pdf');
    expect(pdf.equals(await renderPdf(issued))).toBe(true);
    const docx = await renderDocument(issued, 'docx');
    expect(paragraphs((await docxParts(docx)).document)).toEqual(paragraphs((await docxParts(await renderDocx(issued))).document));
  });
});

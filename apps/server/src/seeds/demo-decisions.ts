import type { z } from 'zod';
import { translator } from '@thidua/i18n';
import type { decisionDraftBody } from '@thidua/contracts/decisions.ts';
import type { TxContext } from '../db/transaction.ts';
import { renderDocument } from '../documents/index.ts';
import { AppError } from '../http/app-error.ts';
import { createDraft } from '../features/decisions/save-draft.ts';
import { issueDecision } from '../features/decisions/issue-decision.ts';
import { judgeRecipients } from '../features/decisions/checks.ts';

type Draft = z.infer<typeof decisionDraftBody>;

/**
 * The register's demo decisions, after the seeds' stories. Numbers, signers and dates are ILLUSTRATIVE (the real
 * documents are not reproduced): each is numbered by the register's own series, as a decision issued in thidua is.
 * - the Chairman of Thanh Hóa's Emulation Flag for 2022 to Công ty TNHH Hatuba, second of Cluster No. 17 (seed 003),
 *   registered under the regime of its time (no money computed);
 * - the Chairman's certificates of merit for 2022 to two more Cluster No. 17 members;
 * - Lam Sơn's director: Advanced Worker for last year to the staff rated HTT or better, Grassroots Emulation Fighter to
 *   those the engine finds eligible within Thanh Hóa's 15 % quota;
 * - one draft: Excellent Collective of last year for two Cluster No. 17 members, for the officer to carry on.
 */
export async function loadDemoDecisions(
  ctx: TxContext,
  ids: { th: number; unit: (code: string) => number },
  year: number,
  verifyBaseUrl: string,
): Promise<void> {
  const t = translator('vi');
  const deps = { t, renderPdf: (view: Parameters<typeof renderDocument>[0]) => renderDocument(view, 'pdf'), verifyBaseUrl };
  const province = {
    authorityId: ids.th,
    issuerUnitId: null,
    symbol: 'QĐ-UBND',
    issuerParent: null,
    issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    place: 'Thanh Hóa',
    authorityLine: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    signer: { delegation: 'KT', onBehalfOf: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Minh' },
    kind: 'CONG_TRANG',
    copiesTo: ['Sở Tài chính', 'Sở Nội vụ', 'Lưu: VT, NC'] as string[],
  } as const;
  const unitIssuer = {
    authorityId: ids.th,
    issuerUnitId: ids.unit('TH-LAMSON'),
    symbol: 'QĐ-LS',
    issuerParent: 'UBND TỈNH THANH HÓA',
    issuerName: 'CÔNG TY TNHH MTV LAM SƠN',
    place: 'Thanh Hóa',
    authorityLine: 'GIÁM ĐỐC CÔNG TY TNHH MTV LAM SƠN',
    signer: { delegation: null, onBehalfOf: null, title: 'GIÁM ĐỐC', name: 'Lê Văn Hùng' },
    kind: 'CONG_TRANG',
    copiesTo: ['Phòng Tổ chức – Hành chính', 'Lưu: VT'] as string[],
  } as const;

  /** Issues a draft; a recipient the engine cannot vouch for (a decision of the earlier regime) needs the reason. */
  const issue = async (draft: Draft, date: string, reason: string) => {
    const issueDate = date <= ctx.today ? date : ctx.today;
    const id = await createDraft(ctx, draft);
    try {
      await issueDecision(ctx, id, { version: 1, issueDate }, deps);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'ISSUE_NEEDS_REASON')) throw error;
      await issueDecision(ctx, id, { version: 1, issueDate, overrideReason: reason }, deps);
    }
    return id;
  };
  const registered = 'Quyết định ban hành trước khi dùng hệ thống, nhập vào sổ để tra cứu.';
  const units = (...codes: string[]) => codes.map((code) => ({ subjectType: 'unit' as const, subjectId: ids.unit(code) }));

  await issue(
    {
      ...province,
      awardCode: 'CO_THI_DUA_BO_TINH',
      year: 2022,
      achievement: 'đã hoàn thành xuất sắc toàn diện nhiệm vụ công tác, dẫn đầu phong trào thi đua Cụm thi đua số 17 năm 2022',
      proposal: { proposerTitle: 'Giám đốc Sở Nội vụ', number: '45/TTr-SNV', date: '2023-02-06' },
      recipients: units('TH-HATUBA'),
    },
    '2023-02-15',
    registered,
  );
  await issue(
    {
      ...province,
      awardCode: 'BANG_KHEN_BO_TINH',
      year: 2022,
      achievement: 'đã có thành tích xuất sắc trong phong trào thi đua của Cụm thi đua số 17 năm 2022',
      proposal: { proposerTitle: 'Giám đốc Sở Nội vụ', number: '46/TTr-SNV', date: '2023-02-06' },
      recipients: units('TH-DALAN', 'TH-TBVTYT'),
    },
    '2023-02-15',
    registered,
  );

  // Lam Sơn's own decisions for last year, issued in January
  const last = year - 1;
  const lamSon = ids.unit('TH-LAMSON');
  const rated = await ctx.tx
    .selectFrom('annual_rating as r')
    .innerJoin('person as p', (j) => j.onRef('p.id', '=', 'r.subject_id').on('r.subject_type', '=', 'person'))
    .select(['p.id', 'p.full_name', 'p.gender', 'r.rating'])
    .where('p.unit_id', '=', lamSon)
    .where('r.year', '=', last)
    .where('r.rating', 'in', ['HTT', 'HTXS'])
    .orderBy('p.id')
    .execute();
  if (!rated.length) return;
  // the generated histories already hold last year's titles: at Lam Sơn, the decisions below are their source instead
  const generated = await ctx.tx
    .selectFrom('award_received')
    .select('id')
    .where('subject_type', '=', 'person')
    .where(
      'subject_id',
      'in',
      rated.map((r) => r.id),
    )
    .where('year', '=', last)
    .where('award_code', 'in', ['LAO_DONG_TIEN_TIEN', 'CHIEN_SI_THI_DUA_CO_SO'])
    .execute();
  if (generated.length) {
    const gone = generated.map((g) => g.id);
    await ctx.tx.updateTable('evidence_item').set({ used_for_award_id: null }).where('used_for_award_id', 'in', gone).execute();
    await ctx.tx.deleteFrom('award_received').where('id', 'in', gone).execute();
  }
  const people = (rows: typeof rated) => rows.map((r) => ({ subjectType: 'person' as const, subjectId: r.id }));
  const eligibleFor = async (award: 'LAO_DONG_TIEN_TIEN' | 'CHIEN_SI_THI_DUA_CO_SO', rows: typeof rated) => {
    const judged = await judgeRecipients(
      ctx.tx,
      t,
      ids.th,
      award,
      last,
      rows.map((r) => ({ subjectType: 'person', subjectId: r.id, name: r.full_name, gender: r.gender })),
      0,
    );
    const ok = new Set(judged.recipients.filter((r) => r.eligible).map((r) => r.subjectId));
    return rows.filter((r) => ok.has(r.id));
  };
  const workers = await eligibleFor('LAO_DONG_TIEN_TIEN', rated);
  if (!workers.length) return;
  await issue(
    {
      ...unitIssuer,
      awardCode: 'LAO_DONG_TIEN_TIEN',
      year: last,
      achievement: `đã hoàn thành tốt nhiệm vụ năm ${last}`,
      recipients: people(workers),
    },
    `${year}-01-15`,
    'Hội đồng Thi đua – Khen thưởng Công ty đã xét và đề nghị.',
  );
  // Grassroots Fighters: eligible Advanced Workers, 15 % of them; the province's places are the council's to share
  const quota = Math.max(1, Math.floor((workers.length * 15) / 100));
  const fighters = (await eligibleFor('CHIEN_SI_THI_DUA_CO_SO', workers)).slice(0, quota);
  if (fighters.length)
    await issue(
      {
        ...unitIssuer,
        awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
        year: last,
        achievement: `đã có thành tích xuất sắc, tiêu biểu trong phong trào thi đua năm ${last}`,
        recipients: people(fighters),
      },
      `${year}-01-20`,
      'Hội đồng Thi đua – Khen thưởng tỉnh đã thống nhất phân bổ chỉ tiêu cho Công ty.',
    );

  await createDraft(ctx, {
    ...province,
    awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC',
    year: last,
    achievement: `đã có thành tích xuất sắc trong phong trào thi đua năm ${last}`,
    proposal: { proposerTitle: 'Giám đốc Sở Nội vụ', number: '12/TTr-SNV', date: `${year}-01-10` },
    recipients: units('TH-HOPLUC', 'TH-DALAN'),
  });
}

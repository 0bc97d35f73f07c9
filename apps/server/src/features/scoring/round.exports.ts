import type { Translate } from '@thidua/i18n';
import { criteriaItems, type TieBreak } from '@thidua/domain';
import { todayInVietnam } from '../../lib/clock.ts';
import type { RankingResponse, SheetResponse } from '@thidua/contracts/scoring.ts';
import type { TableView } from '../../documents/index.ts';

const num = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const period = (t: Translate, p: 'H1' | 'FY') => t(`reports:scoringExport.${p === 'H1' ? 'mid' : 'final'}`);

function tieBreakText(t: Translate, tb: TieBreak | null): string {
  if (tb === null) return '';
  if (typeof tb !== 'string') return t('reports:scoringExport.tieGroup', { group: tb.group });
  const key = { fullItems: 'tieFullItems', fewerPenalties: 'tieFewerPenalties', earlierSubmission: 'tieEarlierSubmission' }[tb];
  return t(`reports:scoringExport.${key}`);
}

/** The ranking as a table: rank order, each group's points, bonus and penalty, the leading places, knock-outs apart. */
export function rankingTable(r: RankingResponse, t: Translate): TableView {
  const x = (key: string, params?: Record<string, unknown>) => t(`reports:scoringExport.${key}`, params);
  return {
    title: x('rankingTitle', { cluster: r.clusterName }),
    lines: [x('rankingLine', { round: period(t, r.period), year: r.year }), x(r.final ? 'official' : 'provisional')],
    columns: [
      { header: x('rank'), width: 5, align: 'center' },
      { header: x('unit'), width: 28, align: 'left' },
      ...r.groups.map((g) => ({ header: `${x('group', { code: g.code })} (${num(g.maxPoints)})`, width: 9, align: 'right' as const })),
      { header: x('bonus'), width: 7, align: 'right' },
      { header: x('penalty'), width: 7, align: 'right' },
      { header: x('finalScore'), width: 8, align: 'right' },
      { header: x('leading'), width: 7, align: 'center' },
      { header: x('decidedBy'), width: 16, align: 'left' },
    ],
    rows: r.units.map((u) => [
      u.rank,
      u.name,
      ...r.groups.map((g) => num(u.groups[g.code] ?? 0)),
      num(u.bonusTotal),
      num(u.penaltyTotal),
      num(u.finalScore),
      u.leading ? x('leadingPlace', { n: u.leading }) : '',
      tieBreakText(t, u.decidedBy),
    ]),
    notes: r.knockedOut.map((k) => x('knockedOut', { name: k.name, score: num(k.finalScore), codes: k.codes.join(', ') })),
  };
}

/** A sheet as a table: each item of the table with its maximum, the points entered and the comment, and the total. */
export function sheetTable(s: SheetResponse, context: { clusterName: string; year: number; period: 'H1' | 'FY' }, t: Translate): TableView {
  const x = (key: string, params?: Record<string, unknown>) => t(`reports:scoringExport.${key}`, params);
  const entries = new Map(s.entries.map((e) => [e.item, e]));
  const items = criteriaItems({ ...s.criteria, year: context.year, period: context.period, version: 1 });
  const round = period(t, context.period);
  const status =
    s.status === 'submitted' && s.submittedAt
      ? x('statusSubmitted', { at: todayInVietnam(new Date(s.submittedAt)).split('-').reverse().join('/') })
      : x(s.status === 'draft' ? 'statusDraft' : 'statusNone');
  return {
    title: x('sheetTitle', { unit: s.unitName }),
    lines: [
      s.stage === 'self'
        ? x('sheetLineSelf', { round, year: context.year, cluster: context.clusterName })
        : x('sheetLineCross', { scorer: s.scorerName, round, year: context.year, cluster: context.clusterName }),
      x('sheetStatus', { status }),
    ],
    columns: [
      { header: x('code'), width: 6, align: 'center' },
      { header: x('criterion'), width: 50, align: 'left' },
      { header: x('maxPoints'), width: 8, align: 'right' },
      { header: x('points'), width: 8, align: 'right' },
      { header: x('comment'), width: 28, align: 'left' },
    ],
    rows: items.map((i) => {
      const e = entries.get(i.code);
      return [i.code, i.text, num(i.kind === 'penalty' ? -i.maxPoints : i.maxPoints), e ? num(e.points) : '', e?.comment ?? ''];
    }),
    notes: [x('total', { total: num(s.total) })],
  };
}

// What the four pages of a round share: points as shown, the state and status tags, the way between the pages.
import { Breadcrumb, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Language } from '@thidua/i18n/languages.ts';
import { useFormat } from '../../../lib/use-format.ts';
import { rankingPath, roundPath, type BoardMember, type Period, type TieBreak } from '../api/scoring.ts';

const formatters = new Map<Language, Intl.NumberFormat>();

/** Points to the hundredth at most, in the language's notation; a negative one (a penalty) with a true minus sign. */
export function formatPoints(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '—';
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    formatters.set(lang, f);
  }
  return value < 0 ? `−${f.format(-value)}` : f.format(value);
}

export function usePoints() {
  const { lang } = useFormat();
  return (value: number | null | undefined) => formatPoints(value, lang);
}

/** Sums without the float's dust: points are hundredths at the finest. */
export const sumPoints = (values: number[]) => values.reduce((s, v) => s + Math.round(v * 100), 0) / 100;

export const ROUND_ORDER = ['draft', 'self', 'cross', 'review', 'closed'] as const;
export type RoundState = (typeof ROUND_ORDER)[number];

/** The state a round moves on to, when it moves on by the board's button. */
export function nextState(state: RoundState): 'cross' | 'review' | 'closed' | null {
  if (state === 'self') return 'cross';
  if (state === 'cross') return 'review';
  if (state === 'review') return 'closed';
  return null;
}

const STATE_COLORS: Record<RoundState, string> = { draft: 'default', self: 'blue', cross: 'purple', review: 'orange', closed: 'green' };

export function RoundStateTag({ state }: { state: RoundState }) {
  const { t } = useTranslation('scoring');
  return (
    <Tag color={STATE_COLORS[state]} data-testid="round-state">
      {t(`state.${state}`)}
    </Tag>
  );
}

export function SheetStatusTag({ status }: { status: 'none' | 'draft' | 'submitted' }) {
  const { t } = useTranslation('scoring');
  const color = status === 'submitted' ? 'green' : status === 'draft' ? 'gold' : 'default';
  return <Tag color={color}>{t(`sheetStatus.${status}`)}</Tag>;
}

/** Late or missing against the deadline; nothing when on time or still open. */
export function DeadlineTag({ status }: { status: BoardMember['self']['deadline'] }) {
  const { t } = useTranslation('scoring');
  if (status === 'late') return <Tag color="orange">{t('deadline.late')}</Tag>;
  if (status === 'missing') return <Tag color="red">{t('deadline.missing')}</Tag>;
  return null;
}

export function useTieBreakLabel() {
  const { t } = useTranslation('scoring');
  return (tb: TieBreak) => (typeof tb === 'string' ? t(`tieBreak.${tb}`) : t('tieBreak.group', { group: tb.group }));
}

/** Cluster → the round of the year → this page. */
export function ScoringCrumbs({
  clusterId,
  clusterName,
  year,
  period,
  here,
}: {
  clusterId: number;
  clusterName?: string;
  year: number;
  period: Period;
  /** The page's own name; none on the round's page itself. */
  here?: string;
}) {
  const { t } = useTranslation('scoring');
  const items = [
    { key: 'cluster', title: <Link to={`/clusters/${clusterId}`}>{clusterName ?? t('crumbs.cluster')}</Link> },
    here
      ? {
          key: 'round',
          title: <Link to={roundPath(clusterId, year, period)}>{t('crumbs.round', { year, period: t(`period.${period}`) })}</Link>,
        }
      : { key: 'round', title: t('crumbs.round', { year, period: t(`period.${period}`) }) },
    ...(here ? [{ key: 'here', title: here }] : []),
  ];
  return <Breadcrumb data-testid="scoring-crumbs" style={{ marginBottom: 8 }} items={items} />;
}

/** The ranking's round of a period: the mid-year round ranks the first half. */
export const rankingRoundOf = (period: Period) => (period === 'H1' ? 'mid' : 'final');
export const periodOfRanking = (round: 'mid' | 'final'): Period => (round === 'mid' ? 'H1' : 'FY');
export { rankingPath };

/** `?period=` as given, FY otherwise. */
export const periodParam = (value: string | null): Period => (value === 'H1' ? 'H1' : 'FY');

import { err, ok, type Result } from '../shared/result.ts';

/** Dates are 'YYYY-MM-DD' strings; they compare correctly as text. */
export interface ClusterLifetime {
  activeFrom: string;
  activeTo: string | null;
}
export interface MembershipPeriod {
  year: number;
  from: string | null;
  to: string | null;
}

/** The part of a calendar year a membership covers: its own dates, else the whole year. */
export function membershipSpan(m: MembershipPeriod): { from: string; to: string } {
  return { from: m.from ?? `${m.year}-01-01`, to: m.to ?? `${m.year}-12-31` };
}

/**
 * A unit can be a member only while the cluster exists (from its establishing decision until it is dissolved),
 * and a year's membership dates must fall within that year.
 */
export function checkMembership(cluster: ClusterLifetime, m: MembershipPeriod): Result<true> {
  if (m.from && m.to && m.to < m.from) return err('DATE_RANGE_INVALID', { field: 'to', from: m.from, to: m.to });
  const yearStart = `${m.year}-01-01`;
  const yearEnd = `${m.year}-12-31`;
  if ((m.from && (m.from < yearStart || m.from > yearEnd)) || (m.to && (m.to < yearStart || m.to > yearEnd))) {
    return err('DATE_RANGE_INVALID', { field: m.from && (m.from < yearStart || m.from > yearEnd) ? 'from' : 'to', year: m.year });
  }
  const span = membershipSpan(m);
  // The year must overlap the lifetime; explicit dates must lie inside it.
  const startsBefore = m.from ? span.from < cluster.activeFrom : span.to < cluster.activeFrom;
  const endsAfter = cluster.activeTo !== null && (m.to ? span.to > cluster.activeTo : span.from > cluster.activeTo);
  if (startsBefore || endsAfter) {
    return err('MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME', { year: m.year, activeFrom: cluster.activeFrom, activeTo: cluster.activeTo ?? '…' });
  }
  return ok(true);
}

/** Shortening or moving a cluster's lifetime must not strand memberships outside it. */
export function checkLifetimeChange(next: ClusterLifetime, memberships: readonly MembershipPeriod[]): Result<true> {
  if (next.activeTo !== null && next.activeTo < next.activeFrom)
    return err('DATE_RANGE_INVALID', { field: 'activeTo', from: next.activeFrom, to: next.activeTo });
  for (const m of memberships) {
    const r = checkMembership(next, m);
    if (!r.ok) return r;
  }
  return ok(true);
}

/** Cụm trưởng and cụm phó of a year are two different members of that year. */
export function checkLeadership(memberUnitIds: readonly number[], headUnitId: number, deputyUnitId: number | null): Result<true> {
  if (!memberUnitIds.includes(headUnitId)) return err('CONFLICT', { reason: 'HEAD_NOT_MEMBER', unitId: headUnitId });
  if (deputyUnitId !== null) {
    if (deputyUnitId === headUnitId) return err('CONFLICT', { reason: 'HEAD_IS_DEPUTY', unitId: deputyUnitId });
    if (!memberUnitIds.includes(deputyUnitId)) return err('CONFLICT', { reason: 'DEPUTY_NOT_MEMBER', unitId: deputyUnitId });
  }
  return ok(true);
}

/** The day before a date ('YYYY-MM-DD'), in UTC so no time zone shifts it. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface Custody {
  unitId: number;
  from: string;
  to: string | null;
}

/**
 * The emulation years whose members may receive the flag handed over on `from`: that year's, and the year before —
 * the flag usually passes at the January conference that reviews the year just ended, before the new year's members
 * are entered.
 */
export function flagReceiverYears(from: string): [number, number] {
  const year = Number(from.slice(0, 4));
  return [year, year - 1];
}

/**
 * Handing over the rotating flag (cờ luân lưu): the new holder takes it on `from`, which must fall inside the cluster's
 * lifetime, after the current holder received it and not after `today` (a hand-over is recorded once it happened); the
 * receiver is a member of a year of `flagReceiverYears(from)`. The current custody ends the day before. Returns the end
 * date to set on the open custody, if any.
 */
export function planFlagHandover(
  cluster: ClusterLifetime,
  history: readonly Custody[],
  next: { unitId: number; from: string },
  memberUnitIds: readonly number[],
  today: string,
): Result<{ closeOpenOn: string | null }> {
  if (next.from > today) return err('DATE_RANGE_INVALID', { field: 'from', reason: 'FLAG_IN_FUTURE', today });
  if (next.from < cluster.activeFrom || (cluster.activeTo !== null && next.from > cluster.activeTo)) {
    return err('MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME', {
      field: 'from',
      year: Number(next.from.slice(0, 4)),
      activeFrom: cluster.activeFrom,
      activeTo: cluster.activeTo ?? '…',
    });
  }
  if (!memberUnitIds.includes(next.unitId)) return err('CONFLICT', { reason: 'FLAG_HOLDER_NOT_MEMBER', unitId: next.unitId });
  const latest = [...history].sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  if (latest && next.from <= latest.from) return err('DATE_RANGE_INVALID', { field: 'from', from: latest.from, to: next.from });
  if (latest && latest.unitId === next.unitId && latest.to === null)
    return err('CONFLICT', { reason: 'FLAG_ALREADY_HELD', unitId: next.unitId });
  const open = history.find((c) => c.to === null);
  return ok({ closeOpenOn: open ? dayBefore(next.from) : null });
}

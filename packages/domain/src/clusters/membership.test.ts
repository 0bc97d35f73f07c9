import { describe, expect, it } from 'vitest';
import { checkLeadership, checkLifetimeChange, checkMembership, dayBefore, flagReceiverYears, planFlagHandover } from './membership.ts';

const cluster18 = { activeFrom: '2024-03-27', activeTo: null };

describe('membership within the cluster lifetime', () => {
  it.each([
    [{ year: 2024, from: null, to: null }, true, 'the founding year counts from the decision'],
    [{ year: 2023, from: null, to: null }, 'MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME', 'a year before the decision'],
    [{ year: 2024, from: '2024-01-15', to: null }, 'MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME', 'joining before the decision date'],
    [{ year: 2024, from: '2024-04-01', to: '2024-12-31' }, true, 'joining after the decision'],
    [{ year: 2025, from: '2025-06-01', to: '2025-03-01' }, 'DATE_RANGE_INVALID', 'ends before it starts'],
    [{ year: 2025, from: '2026-01-01', to: null }, 'DATE_RANGE_INVALID', 'dates outside the membership year'],
  ] as const)('%o → %s (%s)', (m, expected, _why) => {
    const r = checkMembership(cluster18, m);
    expect(r.ok ? true : r.code).toBe(expected);
  });
  it('a dissolved cluster takes no members after its end', () => {
    const r = checkMembership({ activeFrom: '2022-02-11', activeTo: '2024-06-30' }, { year: 2025, from: null, to: null });
    expect(r.ok).toBe(false);
    expect(checkMembership({ activeFrom: '2022-02-11', activeTo: '2024-06-30' }, { year: 2024, from: null, to: '2024-06-30' }).ok).toBe(
      true,
    );
  });
  it('refuses a lifetime change that strands memberships', () => {
    const r = checkLifetimeChange({ activeFrom: '2024-03-27', activeTo: '2025-12-31' }, [{ year: 2026, from: null, to: null }]);
    expect(r.ok ? null : r.code).toBe('MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME');
  });
});

describe('head and deputy', () => {
  it('must be two different members', () => {
    expect(checkLeadership([1, 2, 3], 1, 2).ok).toBe(true);
    expect(checkLeadership([1, 2, 3], 1, null).ok).toBe(true);
    const notMember = checkLeadership([1, 2, 3], 9, 2);
    expect(notMember.ok ? null : notMember.params.reason).toBe('HEAD_NOT_MEMBER');
    const same = checkLeadership([1, 2, 3], 2, 2);
    expect(same.ok ? null : same.params.reason).toBe('HEAD_IS_DEPUTY');
  });
});

describe('handing over the rotating flag', () => {
  const lifetime = { activeFrom: '2024-03-27', activeTo: null };
  const history = [
    { unitId: 1, from: '2024-03-27', to: '2025-01-16' },
    { unitId: 2, from: '2025-01-17', to: null },
  ];
  it('a January hand-over may go to a member of the year just reviewed', () => {
    expect(flagReceiverYears('2027-01-20')).toEqual([2027, 2026]);
  });
  it('a hand-over is recorded once it happened, never ahead of today', () => {
    const r = planFlagHandover(lifetime, history, { unitId: 3, from: '2026-12-05' }, [3], '2026-12-04');
    expect(r).toMatchObject({ ok: false, code: 'DATE_RANGE_INVALID', params: { reason: 'FLAG_IN_FUTURE' } });
    expect(planFlagHandover(lifetime, history, { unitId: 3, from: '2026-12-04' }, [3], '2026-12-04').ok).toBe(true);
  });
  it('closes the open custody the day before the handover', () => {
    expect(planFlagHandover(lifetime, history, { unitId: 3, from: '2026-01-16' }, [1, 2, 3], '2026-12-04')).toEqual({
      ok: true,
      value: { closeOpenOn: '2026-01-15' },
    });
    expect(planFlagHandover(lifetime, [], { unitId: 3, from: '2024-03-27' }, [3], '2026-12-04')).toEqual({
      ok: true,
      value: { closeOpenOn: null },
    });
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
  it.each([
    [{ unitId: 3, from: '2024-01-01' }, 'MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME'],
    [{ unitId: 9, from: '2026-01-16' }, 'CONFLICT'],
    [{ unitId: 3, from: '2025-01-17' }, 'DATE_RANGE_INVALID'],
    [{ unitId: 2, from: '2026-01-16' }, 'CONFLICT'],
    [{ unitId: 3, from: '2026-12-05' }, 'DATE_RANGE_INVALID'],
  ])('refuses %o with %s', (next, code) => {
    const r = planFlagHandover(lifetime, history, next, [1, 2, 3], '2026-12-04');
    expect(r.ok ? null : r.code).toBe(code);
  });
});

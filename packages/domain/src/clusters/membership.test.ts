import { describe, expect, it } from 'vitest';
import { checkLeadership, checkLifetimeChange, checkMembership } from './membership.ts';

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
    expect(checkMembership({ activeFrom: '2022-02-11', activeTo: '2024-06-30' }, { year: 2024, from: null, to: '2024-06-30' }).ok).toBe(true);
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

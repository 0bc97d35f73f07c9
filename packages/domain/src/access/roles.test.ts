import { describe, expect, it } from 'vitest';
import { canAssignRole, requiredScopeFields, scopeAllowsCluster, scopeAllowsUnit, type Scope } from './roles.ts';

describe('scopes', () => {
  const units: Scope = { kind: 'units', authorityId: 1, unitIds: [10, 11], clusterIds: [5] };
  it('a unit scope sees only its units and clusters', () => {
    expect(scopeAllowsUnit(units, { id: 10, authorityId: 1 })).toBe(true);
    expect(scopeAllowsUnit(units, { id: 12, authorityId: 1 })).toBe(false);
    expect(scopeAllowsCluster(units, { id: 5, authorityId: 1 })).toBe(true);
    expect(scopeAllowsCluster(units, { id: 6, authorityId: 1 })).toBe(false);
  });
  it('an authority scope sees its authority and the members of its clusters', () => {
    const s: Scope = { kind: 'authority', authorityId: 1, memberUnitIds: [50] };
    expect(scopeAllowsUnit(s, { id: 99, authorityId: 1 })).toBe(true);
    expect(scopeAllowsUnit(s, { id: 99, authorityId: 2 })).toBe(false);
    expect(scopeAllowsUnit(s, { id: 50, authorityId: 2 })).toBe(true);
    expect(scopeAllowsCluster(s, { id: 7, authorityId: 2 })).toBe(false);
  });
});

describe('assigning roles', () => {
  it.each([
    ['SYSTEM_ADMIN', 'SYSTEM_ADMIN', true],
    ['COMMITTEE_OFFICER', 'SYSTEM_ADMIN', false],
    ['COMMITTEE_OFFICER', 'UNIT_OFFICER', true],
    ['COMMITTEE_OFFICER', 'COMMITTEE_OFFICER', true],
    ['UNIT_OFFICER', 'VIEWER', false],
    ['VIEWER', 'VIEWER', false],
  ] as const)('%s may give %s: %s', (actor, target, expected) => expect(canAssignRole(actor, target)).toBe(expected));
  it('names the scope each role needs', () => {
    expect(requiredScopeFields('CLUSTER_OFFICER')).toEqual(['authorityId', 'clusterId', 'year']);
    expect(requiredScopeFields('SYSTEM_ADMIN')).toEqual([]);
  });
});

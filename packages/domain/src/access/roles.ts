/** The roles of thidua and what each may do; the server resolves the ids of a user's data scope. */
export const ROLES = ['SYSTEM_ADMIN', 'COMMITTEE_OFFICER', 'CLUSTER_OFFICER', 'UNIT_OFFICER', 'COUNCIL_MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * SYSTEM_ADMIN — everything. COMMITTEE_OFFICER (Ban TĐKT of a province/ministry) — keeps its authority's registry and
 * accounts. CLUSTER_OFFICER (staff of the head/deputy unit) — reads its cluster of the year. UNIT_OFFICER — keeps its
 * unit and staff. COUNCIL_MEMBER and VIEWER — read their authority. What each may do on a record is decided in
 * `policies.ts`.
 */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The rows a user may see: everything, an authority's, or a set of units and clusters within an authority.
 * Authority → its clusters → their units → people.
 */
export type Scope =
  | { kind: 'all' }
  /** memberUnitIds: units of other authorities that sit in this authority's clusters (e.g. provincial departments in a ministry's cluster) */
  | { kind: 'authority'; authorityId: number; memberUnitIds: readonly number[] }
  | { kind: 'units'; authorityId: number; unitIds: readonly number[]; clusterIds: readonly number[] };

export function scopeAllowsAuthority(scope: Scope, authorityId: number): boolean {
  return scope.kind === 'all' || scope.authorityId === authorityId;
}
export function scopeAllowsUnit(scope: Scope, unit: { id: number; authorityId: number }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'authority') return scope.authorityId === unit.authorityId || scope.memberUnitIds.includes(unit.id);
  return scope.unitIds.includes(unit.id);
}
export function scopeAllowsCluster(scope: Scope, cluster: { id: number; authorityId: number }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'authority') return scope.authorityId === cluster.authorityId;
  return scope.clusterIds.includes(cluster.id);
}

/**
 * Who may give an account a role: the system administrator any role; a committee officer any role but
 * administrator, inside its own authority (the province's or ministry's emulation board runs its own users).
 */
export function canAssignRole(actorRole: Role, targetRole: Role): boolean {
  if (actorRole === 'SYSTEM_ADMIN') return true;
  return actorRole === 'COMMITTEE_OFFICER' && targetRole !== 'SYSTEM_ADMIN';
}

/** The scope fields a role needs: an authority for all but the administrator, a cluster and year, or a unit. */
export function requiredScopeFields(role: Role): ReadonlyArray<'authorityId' | 'clusterId' | 'year' | 'unitId'> {
  switch (role) {
    case 'SYSTEM_ADMIN':
      return [];
    case 'CLUSTER_OFFICER':
      return ['authorityId', 'clusterId', 'year'];
    case 'UNIT_OFFICER':
      return ['authorityId', 'unitId'];
    default:
      return ['authorityId'];
  }
}

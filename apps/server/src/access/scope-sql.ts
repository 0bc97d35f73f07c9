import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '@thidua/domain';

const ids = (list: readonly number[]) => sql.join(list.length ? [...list] : [-1]);

/**
 * The SQL twin of scopeAllowsUnit: rows whose unit the caller may see. `authorityColumn` and `unitColumn` name the
 * row's authority and unit (for a unit row, its own id). Used by every list query, so scope is enforced in one place.
 */
export function inUnitScope(scope: Scope, authorityColumn: string, unitColumn: string): RawBuilder<boolean> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'authority')
    return sql<boolean>`(${sql.ref(authorityColumn)} = ${scope.authorityId} or ${sql.ref(unitColumn)} in (${ids(scope.memberUnitIds)}))`;
  return sql<boolean>`${sql.ref(unitColumn)} in (${ids(scope.unitIds)})`;
}

/** The SQL twin of scopeAllowsCluster: rows whose cluster or block the caller may see. */
export function inClusterScope(scope: Scope, authorityColumn: string, clusterColumn: string): RawBuilder<boolean> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'authority') return sql<boolean>`${sql.ref(authorityColumn)} = ${scope.authorityId}`;
  return sql<boolean>`${sql.ref(clusterColumn)} in (${ids(scope.clusterIds)})`;
}

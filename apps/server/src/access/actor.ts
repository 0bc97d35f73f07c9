import { sql } from 'kysely';
import { isRole, sessionAbilities, type Role, type Scope } from '@thidua/domain';
import type { Db, Tx } from '../db/client.ts';
import type { UserRow } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import type { AuditActor } from '../audit/events.ts';

/** The signed-in user of a request, with the data scope resolved to ids. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  authorityId: number | null;
  clusterId: number | null;
  unitId: number | null;
  year: number | null;
  scope: Scope;
}

/** The actor of the command line and of demo data: acts everywhere, audited as "system". */
export const SYSTEM: Actor = Object.freeze<Actor>({
  id: 0,
  username: 'system',
  displayName: 'system',
  role: 'SYSTEM_ADMIN',
  authorityId: null,
  clusterId: null,
  unitId: null,
  year: null,
  scope: { kind: 'all' },
});

export async function resolveScope(db: Db | Tx, user: UserRow): Promise<Scope> {
  const role = user.role;
  if (role === 'SYSTEM_ADMIN') return { kind: 'all' };
  const authorityId = user.authority_id!;
  if (role === 'CLUSTER_OFFICER') {
    const members = await db
      .selectFrom('cluster_membership')
      .select('unit_id')
      .where('cluster_id', '=', user.cluster_id!)
      .where('year', '=', user.year!)
      .execute();
    return { kind: 'units', authorityId, clusterIds: [user.cluster_id!], unitIds: members.map((m) => m.unit_id) };
  }
  if (role === 'UNIT_OFFICER') {
    // the unit and every unit under it
    const rows = await sql<{ id: number }>`
      with recursive tree(id) as (
        select id from unit where id = ${user.unit_id}
        union select u.id from unit u join tree t on u.parent_id = t.id)
      select id from tree`.execute(db);
    const unitIds = rows.rows.map((r) => r.id);
    const clusters = await db
      .selectFrom('cluster_membership')
      .select('cluster_id')
      .distinct()
      .where('unit_id', '=', user.unit_id!)
      .execute();
    return { kind: 'units', authorityId, unitIds, clusterIds: clusters.map((c) => c.cluster_id) };
  }
  // units of other authorities that belong to this authority's clusters (a ministry's cluster of provincial departments)
  const guests = await db
    .selectFrom('cluster_membership')
    .innerJoin('unit', 'unit.id', 'cluster_membership.unit_id')
    .select('unit.id')
    .distinct()
    .where('cluster_membership.authority_id', '=', authorityId)
    .where('unit.authority_id', '<>', authorityId)
    .execute();
  return { kind: 'authority', authorityId, memberUnitIds: guests.map((g) => g.id) };
}

export async function toActor(db: Db | Tx, user: UserRow): Promise<Actor> {
  if (!isRole(user.role)) throw new AppError('FORBIDDEN');
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    authorityId: user.authority_id,
    clusterId: user.cluster_id,
    unitId: user.unit_id,
    year: user.year,
    scope: await resolveScope(db, user),
  };
}

export function auditActor(actor: Actor): AuditActor {
  return { id: actor.id, name: actor.username, authorityId: actor.authorityId };
}

export function presentUser(actor: Actor) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    authorityId: actor.authorityId,
    clusterId: actor.clusterId,
    unitId: actor.unitId,
    year: actor.year,
    abilities: sessionAbilities(actor),
  };
}

import type { Role } from '@thidua/domain';
import type { Tx } from '../db/client.ts';
import { recordEvent } from '../audit/record.ts';
import type { AuditActor } from '../audit/events.ts';
import { hashPassword } from './passwords.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  authorityId?: number | null;
  clusterId?: number | null;
  unitId?: number | null;
  year?: number | null;
}

export async function createUser(tx: Tx, actor: AuditActor, u: NewUser): Promise<number> {
  const row = await tx
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: await hashPassword(u.password),
      role: u.role,
      authority_id: u.authorityId ?? null,
      cluster_id: u.clusterId ?? null,
      unit_id: u.unitId ?? null,
      year: u.year ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(
    tx,
    actor,
    { type: 'USER_CREATED', entityType: 'user', entityId: row.id, data: { username: u.username, role: u.role } },
    u.authorityId ?? null,
  );
  return row.id;
}

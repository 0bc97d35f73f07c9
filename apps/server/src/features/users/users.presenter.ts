import type { UserAbilities } from '@thidua/domain';
import type { UserListRow } from './users.queries.ts';

export const presentUserRow = (u: UserListRow, abilities: UserAbilities) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  authorityId: u.authority_id,
  clusterId: u.cluster_id,
  unitId: u.unit_id,
  year: u.year,
  disabled: u.disabled,
  activeSessions: Number(u.active_sessions),
  abilities,
});

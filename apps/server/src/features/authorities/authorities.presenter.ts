import type { AuthorityAbilities } from '@thidua/domain';
import type { AUTHORITY_KINDS } from '@thidua/contracts/authorities.ts';
import type { AuthorityRow } from './authorities.queries.ts';

export const presentAuthority = (r: AuthorityRow, abilities: AuthorityAbilities) => ({
  id: r.id,
  code: r.code,
  kind: r.kind as (typeof AUTHORITY_KINDS)[number],
  name: r.name,
  shortName: r.short_name,
  place: r.place,
  version: r.version,
  abilities,
});

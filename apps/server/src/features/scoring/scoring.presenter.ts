import type { CriteriaAbilities } from '@thidua/domain';
import type { z } from 'zod';
import type { criteriaContent } from '@thidua/contracts/scoring.ts';
import type { CriteriaRow } from './scoring.queries.ts';

export type CriteriaContent = z.infer<typeof criteriaContent>;

export const contentOf = (row: Pick<CriteriaRow, 'content'>): CriteriaContent =>
  (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as CriteriaContent;

export function presentCriteria(row: CriteriaRow, abilities: CriteriaAbilities) {
  const content = contentOf(row);
  return {
    id: row.id,
    clusterId: row.cluster_id,
    year: row.year,
    period: row.period,
    version: row.version,
    roundState: row.round_state,
    content: { groups: content.groups, knockOuts: content.knockOuts, maxTotal: content.maxTotal },
    abilities,
    rowVersion: row.row_version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

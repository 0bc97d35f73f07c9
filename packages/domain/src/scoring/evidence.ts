/**
 * Evidence on a sheet (spec §6.3: self-scoring "evidenced by achievement report"; §7.1 CriterionItem
 * evidence_required): an item the table marks as needing evidence, when scored, must carry at least one file before
 * the sheet is submitted. An item left at 0 needs none — nothing is claimed. Drafts may be saved without.
 */
import { err, ok, type Result } from '../shared/result.ts';
import { criteriaItems, type CriteriaSet } from './criteria.ts';
import type { SheetEntry } from './aggregate.ts';

/** The first scored item needing evidence that has none: EVIDENCE_REQUIRED { item }, in the table's order. */
export function checkEvidence(criteria: CriteriaSet, entries: readonly SheetEntry[], itemsWithFiles: ReadonlySet<string>): Result<true> {
  const scored = new Set(entries.filter((e) => e.points !== 0).map((e) => e.item));
  const missing = criteriaItems(criteria).find((i) => i.evidenceRequired && scored.has(i.code) && !itemsWithFiles.has(i.code));
  return missing ? err('EVIDENCE_REQUIRED', { item: missing.code }) : ok(true);
}

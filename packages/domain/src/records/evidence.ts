import { err, ok, type Result } from '../shared/result.ts';

export interface EvidenceUse {
  id: number;
  usedForAwardId: number | null;
  subjectMatches: boolean;
}

/**
 * An initiative or science work supports one award only (Decree 98/2023 Art. 4; domain spec §7.1 used_for_award):
 * citing one that is already used, or one of another subject, is refused.
 */
export function checkEvidenceForAward(cited: readonly number[], items: readonly EvidenceUse[]): Result<true> {
  const seen = new Set<number>();
  for (const id of cited) {
    if (seen.has(id)) return err('VALIDATION_FAILED', { field: 'evidenceIds', id, reason: 'DUPLICATE_EVIDENCE' });
    seen.add(id);
    const item = items.find((i) => i.id === id);
    if (!item || !item.subjectMatches) return err('VALIDATION_FAILED', { field: 'evidenceIds', id, reason: 'UNKNOWN_REFERENCE' });
    if (item.usedForAwardId !== null) return err('EVIDENCE_ALREADY_USED', { field: 'evidenceIds', id, awardId: item.usedForAwardId });
  }
  return ok(true);
}

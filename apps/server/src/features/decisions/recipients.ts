import { sql } from 'kysely';
import { recipientFits } from '@thidua/domain/decisions/award-decision.ts';
import type { AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type FieldProblem } from '../../http/app-error.ts';

export interface Issuer {
  authorityId: number;
  issuerUnitId: number | null;
}
interface RecipientInput {
  subjectType: 'person' | 'unit';
  subjectId: number;
  evidenceIds?: number[] | undefined;
}

/** A unit and every unit under it (its departments, branches), for a unit head's decisions. */
export async function unitTree(db: Db | Tx, unitId: number): Promise<Set<number>> {
  const rows = await sql<{ id: number }>`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM unit WHERE id = ${unitId}
      UNION SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id
    ) SELECT id FROM tree`.execute(db);
  return new Set(rows.rows.map((r) => Number(r.id)));
}

/**
 * Every recipient exists, fits the award (a person an individual's title, a unit a collective's) and is the issuer's
 * to commend: the authority's people and units, or a unit head's own staff and sub-units. Cited initiatives belong to
 * the recipient. All problems come back at once, each on its row, and nothing is written.
 */
export async function checkRecipients(tx: Tx, issuer: Issuer, award: AwardCode, recipients: RecipientInput[]): Promise<void> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const personIds = recipients.filter((r) => r.subjectType === 'person').map((r) => r.subjectId);
  const unitIds = recipients.filter((r) => r.subjectType === 'unit').map((r) => r.subjectId);
  const people = new Map(
    personIds.length
      ? (await tx.selectFrom('person').select(['id', 'authority_id', 'unit_id']).where('id', 'in', personIds).execute()).map((p) => [
          p.id,
          p,
        ])
      : [],
  );
  const units = new Map(
    unitIds.length
      ? (await tx.selectFrom('unit').select(['id', 'authority_id']).where('id', 'in', unitIds).execute()).map((u) => [u.id, u])
      : [],
  );
  const tree = issuer.issuerUnitId !== null ? await unitTree(tx, issuer.issuerUnitId) : null;
  const evidenceIds = recipients.flatMap((r) => r.evidenceIds ?? []);
  const evidence = new Map(
    evidenceIds.length
      ? (await tx.selectFrom('evidence_item').select(['id', 'subject_type', 'subject_id']).where('id', 'in', evidenceIds).execute()).map(
          (e) => [e.id, e],
        )
      : [],
  );
  recipients.forEach((r, i) => {
    const path = `recipients.${i}.subjectId`;
    const key = `${r.subjectType}:${r.subjectId}`;
    if (seen.has(key)) problems.push({ path, key: 'duplicate_recipient' });
    seen.add(key);
    const row = r.subjectType === 'person' ? people.get(r.subjectId) : units.get(r.subjectId);
    if (!row) return void problems.push({ path, key: 'unknown_reference', params: { id: r.subjectId } });
    const unitOf: number = 'unit_id' in row ? Number(row.unit_id) : row.id;
    const inScope = row.authority_id === issuer.authorityId && (tree === null || tree.has(unitOf));
    if (!inScope) return void problems.push({ path, key: 'recipient_out_of_scope' });
    if (!recipientFits(award, r.subjectType)) problems.push({ path, key: 'recipient_not_applicable' });
    for (const id of r.evidenceIds ?? []) {
      const e = evidence.get(id);
      if (!e || e.subject_type !== r.subjectType || e.subject_id !== r.subjectId)
        problems.push({ path: `recipients.${i}.evidenceIds`, key: 'evidence_not_owned' });
    }
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems.slice(0, 50));
}

/** The recipients as the decision lists them: name, code, current position and unit. */
export async function loadRecipients(db: Db | Tx, documentId: number) {
  const rows = await db
    .selectFrom('document_recipient as r')
    .leftJoin('person as p', (j) => j.onRef('p.id', '=', 'r.subject_id').on('r.subject_type', '=', 'person'))
    .leftJoin('unit as pu', 'pu.id', 'p.unit_id')
    .leftJoin('unit as u', (j) => j.onRef('u.id', '=', 'r.subject_id').on('r.subject_type', '=', 'unit'))
    .select([
      'r.subject_type',
      'r.subject_id',
      'r.evidence_ids',
      'r.reward_vnd',
      'p.full_name',
      'p.code as person_code',
      'p.gender',
      'pu.name as person_unit_name',
      'u.name as unit_name',
      'u.code as unit_code',
      (eb) =>
        eb
          .selectFrom('person_position as pp')
          .select('pp.title')
          .whereRef('pp.person_id', '=', 'p.id')
          .where('pp.to_date', 'is', null)
          .orderBy('pp.from_date', 'desc')
          .limit(1)
          .as('position'),
    ])
    .where('r.document_id', '=', documentId)
    .orderBy('r.position')
    .execute();
  return rows.map((r) => ({
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    name: (r.subject_type === 'person' ? r.full_name : r.unit_name) ?? '',
    code: (r.subject_type === 'person' ? r.person_code : r.unit_code) ?? '',
    gender: r.gender,
    position: r.subject_type === 'person' ? (r.position ?? null) : null,
    unitName: r.subject_type === 'person' ? (r.person_unit_name ?? null) : null,
    evidenceIds: (r.evidence_ids ?? []).map(Number),
    rewardVnd: r.reward_vnd === null ? null : Number(r.reward_vnd),
  }));
}
export type RecipientRow = Awaited<ReturnType<typeof loadRecipients>>[number];

import { scopeAllowsUnit, type Scope } from '@thidua/domain';
import type { z } from 'zod';
import type { decisionListQuery } from '@thidua/contracts/decisions.ts';
import type { ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../db/client.ts';
import type { DB, DocumentTable } from '../../db/schema.ts';
import { wordPatterns } from '../../lib/search-key.ts';

type ListFilters = z.infer<typeof decisionListQuery>;

const columns = [
  'd.id',
  'd.authority_id',
  'd.kind',
  'd.status',
  'd.issuer_unit_id',
  'd.issuer_key',
  'd.symbol',
  'd.number',
  'd.issue_year',
  'd.issue_date',
  'd.award_code',
  'd.award_kind',
  'd.year',
  'd.summary',
  'd.content',
  'd.override_reason',
  'd.verification_code',
  'd.pdf_sha256',
  'd.replaces_id',
  'd.cancel_reason',
  'd.cancelled_at',
  'd.search_key',
  'd.version',
  'd.created_by',
  'd.created_at',
  'd.updated_at',
  'd.issued_at',
] as const;

/**
 * The register in the caller's scope: an authority's decisions across the authority, a unit's with the unit. A unit
 * officer's scope holds its units, so it sees its own unit's register. Asking for one recipient's decisions (their
 * page) lists every issued decision naming them — published documents — and drafts only within scope.
 */
export async function listDecisions(db: Db, scope: Scope, f: ListFilters, subjectVisible: boolean) {
  let qb = db.selectFrom('document as d');
  const inScope = (eb: ExpressionBuilder<DB & { d: DocumentTable }, 'd'>) => {
    if (scope.kind === 'all') return eb.lit(true);
    if (scope.kind === 'authority') return eb('d.authority_id', '=', scope.authorityId);
    return eb('d.issuer_unit_id', 'in', scope.unitIds.length ? [...scope.unitIds] : [-1]);
  };
  if (f.subjectType && f.subjectId && subjectVisible) {
    qb = qb.where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom('document_recipient as r')
            .select('r.document_id')
            .whereRef('r.document_id', '=', 'd.id')
            .where('r.subject_type', '=', f.subjectType!)
            .where('r.subject_id', '=', f.subjectId!),
        ),
        eb.or([eb('d.status', '<>', 'DRAFT'), inScope(eb)]),
      ]),
    );
  } else qb = qb.where((eb) => inScope(eb));
  if (f.authorityId) qb = qb.where('d.authority_id', '=', f.authorityId);
  if (f.issuerUnitId) qb = qb.where('d.issuer_unit_id', '=', f.issuerUnitId);
  if (f.year) qb = qb.where('d.year', '=', f.year);
  if (f.award) qb = qb.where('d.award_code', '=', f.award);
  if (f.status) qb = qb.where('d.status', '=', f.status);
  for (const pattern of wordPatterns(f.q ?? '')) qb = qb.where('d.search_key', 'like', pattern);
  const [rows, count] = await Promise.all([
    qb
      .select(columns)
      .select((eb) =>
        eb
          .selectFrom('document_recipient as r')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('r.document_id', '=', 'd.id')
          .as('recipient_count'),
      )
      .orderBy('d.issue_date', (o) => o.desc().nullsFirst())
      .orderBy('d.number', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findDecision(db: Db | Tx, id: number) {
  return db
    .selectFrom('document as d')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('document as n')
        .select('n.id')
        .whereRef('n.replaces_id', '=', 'd.id')
        .where('n.status', '<>', 'DRAFT')
        .limit(1)
        .as('replaced_by_id'),
    )
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function findIssuedPdf(db: Db, id: number) {
  const row = await db.selectFrom('document').select(['pdf', 'pdf_sha256']).where('id', '=', id).executeTakeFirst();
  return row?.pdf ? Buffer.from(row.pdf) : null;
}

/** The public verification: only what the decision itself publishes. */
export async function findByVerificationCode(db: Db, code: string) {
  return db
    .selectFrom('document as d')
    .select(['d.status', 'd.number', 'd.symbol', 'd.issue_date', 'd.summary', 'd.content', 'd.pdf_sha256', 'd.cancel_reason'])
    .select((eb) =>
      eb
        .selectFrom('document_recipient as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.document_id', '=', 'd.id')
        .as('recipient_count'),
    )
    .where('d.verification_code', '=', code)
    .where('d.status', '<>', 'DRAFT')
    .executeTakeFirst();
}

/** Whether a decision names a person or unit inside the caller's scope. */
export async function namesSubjectInScope(db: Db, scope: Scope, documentId: number): Promise<boolean> {
  if (scope.kind === 'all') return true;
  const rows = await db
    .selectFrom('document_recipient as r')
    .leftJoin('person as p', (j) => j.onRef('p.id', '=', 'r.subject_id').on('r.subject_type', '=', 'person'))
    .innerJoin('unit as u', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('r.subject_type', '=', 'unit'), eb('u.id', '=', eb.ref('r.subject_id'))]),
          eb.and([eb('r.subject_type', '=', 'person'), eb('u.id', '=', eb.ref('p.unit_id'))]),
        ]),
      ),
    )
    .select(['u.id', 'u.authority_id'])
    .where('r.document_id', '=', documentId)
    .execute();
  return rows.some((u) => scopeAllowsUnit(scope, { id: u.id, authorityId: u.authority_id }));
}

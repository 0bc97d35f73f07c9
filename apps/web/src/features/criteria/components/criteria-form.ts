// The editor's form values and the table the server's contract wants, both ways, and where a server's field error lands.
import type { CriteriaContent, ItemKind, ScoringMethod } from '../api/criteria.ts';

/** One item as the form holds it: numbers may be cleared while typing, levels are typed as "0; 5; 10". */
export interface ItemValues {
  code: string;
  text: string;
  maxPoints: number | null;
  method: ScoringMethod;
  target?: number | null;
  levels?: string;
  evidenceRequired: boolean;
  kind: ItemKind;
}

export interface GroupValues {
  code: string;
  title: string;
  items: ItemValues[];
}

export interface CriteriaFormValues {
  groups: GroupValues[];
  knockOuts: Array<{ code: string; text: string }>;
  maxTotal: number | null;
}

export const blankItem = (code = ''): ItemValues => ({
  code,
  text: '',
  maxPoints: null,
  method: 'manual',
  evidenceRequired: false,
  kind: 'regular',
});

export const blankGroup = (code = ''): GroupValues => ({ code, title: '', items: [blankItem()] });

/** A table to start from: one group with one item. */
export const blankValues = (): CriteriaFormValues => ({ groups: [blankGroup('I')], knockOuts: [], maxTotal: 100 });

/** Levels as typed: separated by ";" (or spaces); a decimal comma is read as a point ("0,5" is half a point). */
export function parseLevels(text: string | undefined): number[] {
  return (text ?? '')
    .split(/[;\s]+/)
    .map((s) => s.trim().replace(',', '.'))
    .filter(Boolean)
    .map(Number);
}

export const formatLevels = (levels: readonly number[] | undefined) => (levels ?? []).join('; ');

export function valuesOf(content: CriteriaContent): CriteriaFormValues {
  return {
    groups: content.groups.map((g) => ({
      code: g.code,
      title: g.title,
      items: g.items.map((i) => ({
        code: i.code,
        text: i.text,
        maxPoints: i.maxPoints,
        method: i.method,
        target: i.target ?? null,
        levels: formatLevels(i.levels),
        evidenceRequired: i.evidenceRequired,
        kind: i.kind,
      })),
    })),
    knockOuts: content.knockOuts.map((k) => ({ code: k.code, text: k.text })),
    maxTotal: content.maxTotal,
  };
}

const trim = (v: string | undefined | null) => (v ?? '').trim();

/**
 * The content sent: a target only for proportional items and levels only for graded ones (the others' are dropped,
 * as the method decides which apply). Numbers left empty are sent as they are not (NaN is refused by the contract).
 */
export function contentOf(values: CriteriaFormValues): CriteriaContent {
  return {
    groups: (values.groups ?? []).map((g) => ({
      code: trim(g.code),
      title: trim(g.title),
      items: (g.items ?? []).map((i) => ({
        code: trim(i.code),
        text: trim(i.text),
        maxPoints: i.maxPoints ?? 0,
        method: i.method,
        ...(i.method === 'proportional' ? { target: i.target ?? 0 } : {}),
        ...(i.method === 'graded' ? { levels: parseLevels(i.levels) } : {}),
        evidenceRequired: Boolean(i.evidenceRequired),
        kind: i.kind,
      })),
    })),
    knockOuts: (values.knockOuts ?? []).map((k) => ({ code: trim(k.code), text: trim(k.text) })),
    maxTotal: values.maxTotal ?? 0,
  };
}

/** The sum of the regular items' maxima (the frame), counted in hundredths so 0.25 + 0.5 adds up exactly. */
export function regularSum(
  groups: Array<{ items?: Array<{ kind?: string; maxPoints?: number | null } | undefined> } | undefined> | undefined,
): number {
  const hundredths = (groups ?? [])
    .flatMap((g) => g?.items ?? [])
    .filter((i) => i && (i.kind ?? 'regular') === 'regular')
    .reduce((s, i) => s + Math.round((Number(i?.maxPoints) || 0) * 100), 0);
  return hundredths / 100;
}

const ITEM_FIELDS = new Set(['code', 'text', 'maxPoints', 'method', 'target', 'levels', 'evidenceRequired', 'kind']);

/**
 * A server path ("groups.0.items.2.maxPoints") as the form's field name (["groups", 0, "items", 2, "maxPoints"]);
 * null when the path names no field the editor shows (the table as a whole), so the message goes in the summary.
 */
export function fieldNameOf(path: string): Array<string | number> | null {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const last = parts[parts.length - 1];
  if (parts.length === 1) return last === 'maxTotal' ? parts : null;
  if (parts[0] === 'groups' && parts.length === 3 && (last === 'code' || last === 'title')) return parts;
  if (parts[0] === 'groups' && parts.length === 5 && parts[2] === 'items' && typeof last === 'string' && ITEM_FIELDS.has(last))
    return parts;
  if (parts[0] === 'knockOuts' && parts.length === 3 && (last === 'code' || last === 'text')) return parts;
  return null;
}

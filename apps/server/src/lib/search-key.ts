/**
 * A diacritic-free, lower-case key so "lam son" finds "Lâm Sơn" on PGlite and PostgreSQL alike
 * (neither has a Vietnamese collation everywhere, and unaccent is not always installable).
 */
export function searchKey(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards in user text. */
export function likePattern(q: string): string {
  return `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

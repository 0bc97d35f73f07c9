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

/**
 * One LIKE pattern per word of the user's text: a record matches when it holds every word, in any order, with or
 * without diacritics ("Cụm 18" finds "Cụm thi đua số 18"). At most 8 words are used.
 */
export function wordPatterns(q: string): string[] {
  return searchKey(q)
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

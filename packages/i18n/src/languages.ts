// The languages and namespaces, without any catalogue: what the web app needs before it loads a language.

/** Vietnamese is the source language; every other locale is complete (checked by a test). */
export const LANGUAGES = ['vi', 'en', 'ru', 'uk', 'hi', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

/** The catalogues' namespaces (a test holds this list to the catalogues). */
export const NAMESPACES = [
  'common',
  'errors',
  'auth',
  'registry',
  'eligibility',
  'vocabulary',
  'audit',
  'reports',
  'records',
  'scoring',
  'cli',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header ("en-US,en;q=0.9,vi;q=0.8"). */
export function negotiateLanguage(header: string | undefined | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

import i18next, { type i18n as I18n } from 'i18next';
import { resources } from './resources.ts';

/** Vietnamese is the source language; every other locale is complete (checked by a test). */
export const LANGUAGES = ['vi', 'en', 'ru', 'uk', 'hi', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const NAMESPACES = Object.keys(resources.vi) as Array<keyof (typeof resources)['vi']>;
export { resources };

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

let shared: I18n | undefined;

/** One initialised i18next instance holding every locale; `t` is bound per language. */
export function getI18n(): I18n {
  if (!shared) {
    shared = i18next.createInstance();
    void shared.init({
      resources,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      ns: NAMESPACES as string[],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  return shared;
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A translator for one language. Keys are "namespace:path.to.key". */
export function translator(lang: Language): Translate {
  return getI18n().getFixedT(lang) as unknown as Translate;
}

import i18next, { type i18n as I18n } from 'i18next';
import { DEFAULT_LANGUAGE, NAMESPACES, type Language } from './languages.ts';
import { resources, type Catalogue } from './resources.ts';

export { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, isLanguage, negotiateLanguage, type Language, type Namespace } from './languages.ts';
export { resources, type Catalogue };

let shared: I18n | undefined;

/** One initialised i18next instance holding every locale; `t` is bound per language. */
export function getI18n(): I18n {
  if (!shared) {
    shared = i18next.createInstance();
    void shared.init({
      resources,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      ns: [...NAMESPACES],
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

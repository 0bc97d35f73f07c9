// The web app's i18next instance over the shared catalogues of @thidua/i18n.
// Vietnamese is the default; the choice is kept in localStorage and sent to the API. The browser downloads only the
// language it shows, a namespace when a page first needs it.
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import type { Locale } from 'antd/es/locale';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, isLanguage, type Language, type Namespace } from '@thidua/i18n/languages.ts';
import { isNamespace, loadNamespace } from '@thidua/i18n/load.ts';
import type { resources } from '@thidua/i18n/resources.ts';

export { LANGUAGES, type Language };

export const STORAGE_KEY = 'thidua.language';

/** Each language named in itself, as a switcher should show it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  hi: 'हिन्दी',
  pt: 'Português',
};

/** What the sign-in page shows; the signed-in frame waits for the others (APP_NAMESPACES). */
export const SIGN_IN_NAMESPACES: Namespace[] = ['common', 'auth', 'errors'];
/** Every namespace the web app shows (the command line's own stays on the server). */
export const APP_NAMESPACES: Namespace[] = NAMESPACES.filter((ns) => ns !== 'cli');

// AntD's and dayjs's texts of a language (month names, pagination, …) arrive with its first catalogue
const ANTD_LOCALE_LOADERS: Record<Language, () => Promise<{ default: Locale }>> = {
  vi: () => import('antd/es/locale/vi_VN'),
  en: () => import('antd/es/locale/en_US'),
  ru: () => import('antd/es/locale/ru_RU'),
  uk: () => import('antd/es/locale/uk_UA'),
  hi: () => import('antd/es/locale/hi_IN'),
  pt: () => import('antd/es/locale/pt_PT'),
};
const DAYJS_LOCALE_LOADERS: Record<Language, () => Promise<unknown>> = {
  vi: () => import('dayjs/locale/vi'),
  en: () => import('dayjs/locale/en-gb'),
  ru: () => import('dayjs/locale/ru'),
  uk: () => import('dayjs/locale/uk'),
  hi: () => import('dayjs/locale/hi'),
  pt: () => import('dayjs/locale/pt'),
};
const DAYJS_LOCALES: Record<Language, string> = { vi: 'vi', en: 'en-gb', ru: 'ru', uk: 'uk', hi: 'hi', pt: 'pt' };

const antdLocales: Partial<Record<Language, Locale>> = {};
const localeData = new Map<Language, Promise<void>>();

/** Loads AntD's and dayjs's texts of a language, once. */
export function loadLocaleData(lang: Language): Promise<void> {
  let loading = localeData.get(lang);
  if (!loading) {
    loading = Promise.all([ANTD_LOCALE_LOADERS[lang](), DAYJS_LOCALE_LOADERS[lang]()]).then(([antd]) => {
      antdLocales[lang] = antd.default;
    });
    localeData.set(lang, loading);
  }
  return loading;
}

/** AntD's texts of a language, once loaded (AntD speaks English until then). */
export function antdLocale(lang: Language): Locale | undefined {
  return antdLocales[lang];
}

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function currentLanguage(instance: I18n = i18n): Language {
  return isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;
}

function applyLanguage(instance: I18n, lang: Language): void {
  dayjs.locale(DAYJS_LOCALES[lang]);
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  if (!instance.hasResourceBundle(lang, 'common')) return;
  // a page that named its tab keeps its name (it renames itself in the new language)
  if (document.title.endsWith(' · thidua')) return;
  document.title = `${instance.t('common:app.name', { lng: lang })} – ${instance.t('common:app.tagline', { lng: lang })}`;
}

/** Reads a namespace's catalogue file, with the language's AntD and dayjs texts, when i18next first needs it. */
const catalogueBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (!isLanguage(language) || !isNamespace(namespace)) return callback(new Error(`no catalogue ${language}/${namespace}`), false);
    Promise.all([loadNamespace(language, namespace), loadLocaleData(language)]).then(
      ([catalogue]) => callback(null, catalogue),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * An i18next instance in `lang`. Without `bundled`, a namespace's catalogue is loaded when first used in a language
 * (components wait under a Suspense boundary): the sign-in page's at start, the rest with the signed-in frame. Tests
 * may hand every catalogue in at once.
 */
export function createI18n(lang: Language = storedLanguage(), bundled?: typeof resources): I18n {
  const instance = i18next.createInstance();
  if (!bundled) instance.use(catalogueBackend);
  void instance
    .use(initReactI18next)
    .init({
      ...(bundled ? { resources: bundled } : {}),
      lng: lang,
      // every language has every key (a test of @thidua/i18n): no second language is downloaded as a fallback
      fallbackLng: false,
      load: 'currentOnly',
      supportedLngs: [...LANGUAGES],
      ns: bundled ? [...NAMESPACES] : SIGN_IN_NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    })
    .then(() => applyLanguage(instance, currentLanguage(instance)));
  applyLanguage(instance, lang);
  instance.on('languageChanged', (next) => {
    if (!isLanguage(next)) return;
    applyLanguage(instance, next);
    // the first language, once loaded, is the remembered one already
    if (next === storedLanguage()) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  });
  return instance;
}

export const i18n = createI18n();

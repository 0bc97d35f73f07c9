// The web app's i18next instance over the shared catalogues of @thidua/i18n.
// Vietnamese is the default; the choice is kept in localStorage and sent to the API.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/ru';
import 'dayjs/locale/uk';
import 'dayjs/locale/hi';
import 'dayjs/locale/pt';
import type { Locale } from 'antd/es/locale';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import ukUA from 'antd/locale/uk_UA';
import hiIN from 'antd/locale/hi_IN';
import ptPT from 'antd/locale/pt_PT';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, isLanguage, resources, type Language } from '@thidua/i18n';

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

export const ANTD_LOCALES: Record<Language, Locale> = { vi: viVN, en: enUS, ru: ruRU, uk: ukUA, hi: hiIN, pt: ptPT };

const DAYJS_LOCALES: Record<Language, string> = { vi: 'vi', en: 'en-gb', ru: 'ru', uk: 'uk', hi: 'hi', pt: 'pt' };

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
  document.title = `${instance.t('common:app.name', { lng: lang })} – ${instance.t('common:app.tagline', { lng: lang })}`;
}

export function createI18n(lang: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: NAMESPACES as string[],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyLanguage(instance, lang);
  instance.on('languageChanged', (next) => {
    if (!isLanguage(next)) return;
    applyLanguage(instance, next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  });
  return instance;
}

export const i18n = createI18n();

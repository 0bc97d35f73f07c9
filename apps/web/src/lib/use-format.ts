import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n.ts';
import { DATE_PICKER_FORMATS, formatDate, formatDateTime, formatVnd } from './format.ts';

/** Formatters bound to the language chosen now. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return {
    lang,
    date: (value: string | null | undefined) => formatDate(value, lang),
    dateTime: (value: string | null | undefined) => formatDateTime(value, lang),
    vnd: (value: number | null | undefined) => formatVnd(value, lang),
    datePattern: DATE_PICKER_FORMATS[lang],
  };
}

import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n.ts';
// Dates and names as people in each language expect them.
import type { Language } from '@thidua/i18n';

/** Vietnamese sort order (Đ after D, tones after the base letter); PGlite and PostgreSQL sort by bytes. */
export const viCollator = new Intl.Collator('vi', { numeric: true });

export function sortByVietnamese<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}

const DATE_LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA', hi: 'hi-IN', pt: 'pt-PT' };

/** Money in whole đồng with the language's thousands separator: 702.000 ₫ in Vietnamese, ₫702,000 in English. */
export function formatVnd(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(DATE_LOCALES[lang], { style: 'currency', currency: 'VND', maximumFractionDigits: 0 })
    .format(value)
    .replace(/\u00a0|\u202f/g, ' ');
}

/** Pattern for AntD date pickers (dayjs tokens). */
export const DATE_PICKER_FORMATS: Record<Language, string> = {
  vi: 'DD/MM/YYYY',
  en: 'DD/MM/YYYY',
  ru: 'DD.MM.YYYY',
  uk: 'DD.MM.YYYY',
  hi: 'DD/MM/YYYY',
  pt: 'DD/MM/YYYY',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date 'YYYY-MM-DD' (no time zone): 27/03/2024 in Vietnamese. */
export function formatDate(value: string | null | undefined, lang: Language): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, y, m, d] = match;
  if (lang === 'vi') return `${d}/${m}/${y}`;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return new Intl.DateTimeFormat(DATE_LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO timestamp), shown in Vietnam's time zone: 27/03/2024 14:05. */
export function formatDateTime(value: string | null | undefined, lang: Language): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const day = formatDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  return `${day} ${pad(Number(parts.hour))}:${parts.minute}`;
}

/** Formats calendar dates in the reader's language (dd/mm/yyyy in Vietnamese); '' for none. */
export function useDateFormat(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return (value) => formatDate(value, lang);
}

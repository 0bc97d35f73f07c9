import { DEFAULT_LANGUAGE, isLanguage, translator, type Translate } from '@thidua/i18n';

/** What a CLI command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

/** Messages of the administrative commands follow THIDUA_LANG (vi, en, ru, uk, hi, pt); Vietnamese by default. */
export function cliTranslator(io: CliIo): Translate {
  const lang = io.env.THIDUA_LANG;
  return translator(isLanguage(lang) ? lang : DEFAULT_LANGUAGE);
}

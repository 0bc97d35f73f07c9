import { DEFAULT_LANGUAGE, isLanguage, translator, type Translate } from '@thidua/i18n';

/** Messages printed to the console (server start, administrative commands) follow THIDUA_LANG; Vietnamese by default. */
export function consoleTranslator(env: Record<string, string | undefined>): Translate {
  const lang = env.THIDUA_LANG;
  return translator(isLanguage(lang) ? lang : DEFAULT_LANGUAGE);
}

import type { Translate } from '@thidua/i18n';
import { consoleTranslator } from '../lib/console-language.ts';

/** What a CLI command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

/** Messages of the administrative commands follow THIDUA_LANG (vi, en, ru, uk, hi, pt); Vietnamese by default. */
export const cliTranslator = (io: Pick<CliIo, 'env'>): Translate => consoleTranslator(io.env);

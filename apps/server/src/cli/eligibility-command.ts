// `thidua eligibility check FILE|- [--lang xx]` — the batch check of shared/contracts/eligibility-check.md.
// stdout: one `thidua.eligibility-results/1` document. Exit 0 on valid input whatever the verdicts;
// exit 2 with one stderr line `<json path>: <message>` on invalid input. Never a stack trace.
import { checkEligibilityCases, renderEligibilityResults, renderInputError } from '@thidua/domain/eligibility/index.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, translator, type Language } from '@thidua/i18n';
import type { CliIo } from './io.ts';

const EXIT_OK = 0;
const EXIT_INVALID_INPUT = 2;

type Parsed = { file: string; lang: Language } | { error: string; params: Record<string, string>; path: string };

function parseArgs(args: readonly string[]): Parsed {
  let file: string | undefined;
  let lang: string = DEFAULT_LANGUAGE;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (!isLanguage(value))
        return { path: '--lang', error: 'UNSUPPORTED_LANGUAGE', params: { value: value ?? '', supported: LANGUAGES.join(', ') } };
      lang = value;
    } else if (arg !== '-' && arg.startsWith('-')) {
      return { path: arg, error: 'UNKNOWN_OPTION', params: { value: arg } };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { path: arg, error: 'UNKNOWN_OPTION', params: { value: arg } };
    }
  }
  if (file === undefined) return { path: 'FILE', error: 'MISSING_FILE_ARGUMENT', params: {} };
  return { file, lang: lang as Language };
}

/** Language for messages about the arguments themselves: the valid --lang if one was given, else Vietnamese. */
function guessLanguage(args: readonly string[]): Language {
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === '--lang' ? args[i + 1] : args[i]!.startsWith('--lang=') ? args[i]!.slice(7) : undefined;
    if (isLanguage(value)) return value;
  }
  return DEFAULT_LANGUAGE;
}

export async function runEligibilityCheck(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    const t = translator(guessLanguage(args));
    io.err(`${parsed.path}: ${t(`eligibility:input.${parsed.error}`, parsed.params)}\n`);
    return EXIT_INVALID_INPUT;
  }
  const t = translator(parsed.lang);
  let text: string;
  try {
    text = parsed.file === '-' ? await io.readStdin() : await io.readFile(parsed.file);
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
    io.err(`${parsed.file}: ${t('eligibility:input.FILE_UNREADABLE', { file: parsed.file, detail })}\n`);
    return EXIT_INVALID_INPUT;
  }
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    io.err(`$: ${t('eligibility:input.INVALID_JSON', { detail })}\n`);
    return EXIT_INVALID_INPUT;
  }
  const result = checkEligibilityCases(input);
  if (!result.ok) {
    io.err(`${renderInputError(result.params, t)}\n`);
    return EXIT_INVALID_INPUT;
  }
  io.out(`${JSON.stringify(renderEligibilityResults(result.value, t), null, 2)}\n`);
  return EXIT_OK;
}

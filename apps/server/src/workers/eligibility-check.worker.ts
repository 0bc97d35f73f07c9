// Runs in a worker thread: parsing and judging a batch of cases is CPU work that must not hold the server's event
// loop (health checks and other users keep being answered while it runs).
import { isUtf8 } from 'node:buffer';
import { checkEligibilityCases, renderEligibilityResults, renderInputError } from '@thidua/domain/eligibility/index.ts';
import { translator, type Language } from '@thidua/i18n';

export interface CheckTask {
  body: Uint8Array;
  lang: Language;
  maxCases: number;
}

export type CheckOutcome =
  | { ok: true; results: ReturnType<typeof renderEligibilityResults> }
  | { ok: false; kind: 'invalid_utf8' | 'invalid_json' }
  | { ok: false; kind: 'too_many_cases'; max: number; given: number }
  | { ok: false; kind: 'input'; code: string; params: Record<string, string | number>; line: string };

export default function check({ body, lang, maxCases }: CheckTask): CheckOutcome {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (!isUtf8(bytes)) return { ok: false, kind: 'invalid_utf8' };
  let input: unknown;
  try {
    input = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, kind: 'invalid_json' };
  }
  const cases = (input as { cases?: unknown } | null)?.cases;
  // bounded before any judging: larger batches go through the command line
  if (Array.isArray(cases) && cases.length > maxCases) return { ok: false, kind: 'too_many_cases', max: maxCases, given: cases.length };
  const t = translator(lang);
  const result = checkEligibilityCases(input);
  if (!result.ok) {
    return { ok: false, kind: 'input', code: result.code, params: { ...result.params }, line: renderInputError(result.params, t) };
  }
  return { ok: true, results: renderEligibilityResults(result.value, t) };
}

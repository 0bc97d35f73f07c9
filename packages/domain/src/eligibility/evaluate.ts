import { RULEBOOKS, selectRulebook, type Rulebook } from '../rulebook/rulebooks.ts';
import { DEFAULT_ISSUER_SETTINGS, type IssuerSettings } from '../rulebook/settings.ts';
import { compileRulebook, type CompiledRulebook } from './compile.ts';
import { CRITERIA_DELEGATED } from './outcome.ts';
import type { EligibilityCase, Reason, Verdict } from './types.ts';

const compiledCache = new WeakMap<Rulebook, WeakMap<IssuerSettings, CompiledRulebook>>();

/** The rulebook compiled for an issuer's settings; cached, so repeated calls cost a lookup. */
export function getCompiledRulebook(rulebook: Rulebook, settings: IssuerSettings = DEFAULT_ISSUER_SETTINGS): CompiledRulebook {
  let bySettings = compiledCache.get(rulebook);
  if (!bySettings) compiledCache.set(rulebook, (bySettings = new WeakMap()));
  let compiled = bySettings.get(settings);
  if (!compiled) bySettings.set(settings, (compiled = compileRulebook(rulebook, settings)));
  return compiled;
}

/** Judges one case under one rulebook, explaining every condition checked, met or not. */
export function evaluate(c: EligibilityCase, rulebook: Rulebook, settings: IssuerSettings = DEFAULT_ISSUER_SETTINGS): Verdict {
  return evaluateCompiled(c, getCompiledRulebook(rulebook, settings));
}

export function evaluateCompiled(c: EligibilityCase, book: CompiledRulebook): Verdict {
  const reasons: Reason[] = [];
  const award = book.awards[c.proposal.award];
  let eligible = true;
  if (award.delegated) {
    reasons.push({ rule: award.basis, met: false, code: CRITERIA_DELEGATED, params: { award: c.proposal.award } });
    eligible = false;
  } else {
    const criteria = award.bySubject[c.subject.type];
    if (!criteria) {
      reasons.push({
        rule: award.basis,
        met: false,
        code: 'SUBJECT_TYPE_NOT_ELIGIBLE',
        params: { award: c.proposal.award, subjectType: c.subject.type },
      });
      eligible = false;
    } else {
      for (const criterion of criteria) eligible = criterion.explain(c, reasons) && eligible;
    }
  }
  for (const criterion of book.crossCutting) eligible = criterion.explain(c, reasons) && eligible;
  return { eligible, rulebook: book.id, reasons };
}

/**
 * The verdict alone, without reasons: same answer as `evaluate(...).eligible` (a property test holds
 * them together), short-circuiting and allocation-free for bulk screening.
 */
export function isEligibleCompiled(c: EligibilityCase, book: CompiledRulebook): boolean {
  const cross = book.crossCuttingTests;
  for (let i = 0; i < cross.length; i++) if (!cross[i]!.test(c)) return false;
  const award = book.awards[c.proposal.award];
  if (award.delegated) return false;
  const criteria = award.bySubject[c.subject.type];
  if (criteria === undefined) return false;
  for (let i = 0; i < criteria.length; i++) if (!criteria[i]!.test(c)) return false;
  return true;
}

export function isEligible(c: EligibilityCase, rulebook: Rulebook, settings: IssuerSettings = DEFAULT_ISSUER_SETTINGS): boolean {
  return isEligibleCompiled(c, getCompiledRulebook(rulebook, settings));
}

/**
 * Judges a case under the rulebook in force on its consideration date. Undefined when no rulebook
 * is in force then (dates before 1 January 2024) — the input validator reports that as an error.
 */
export function evaluateCase(
  c: EligibilityCase,
  settings: IssuerSettings = DEFAULT_ISSUER_SETTINGS,
  rulebooks: readonly Rulebook[] = RULEBOOKS,
): Verdict | undefined {
  const book = selectRulebook(c.proposal.date, rulebooks);
  return book ? evaluate(c, book, settings) : undefined;
}

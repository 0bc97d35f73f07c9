import { criteriaProblems, DEFAULT_GRID, toHundredths, type CriteriaRule, type CriteriaSet, type ScoringPeriod } from '@thidua/domain';
import { AppError, type FieldProblem } from '../../http/app-error.ts';
import type { CriteriaContent } from './scoring.presenter.ts';

/** The domain's table of a stored or sent content. */
export const criteriaSetOf = (content: CriteriaContent, year: number, period: ScoringPeriod, version: number): CriteriaSet => ({
  version,
  year,
  period,
  maxTotal: content.maxTotal,
  groups: content.groups,
  knockOuts: content.knockOuts,
});

/** The content as stored: only the table's own fields, in a fixed order. */
export const storedContent = (c: CriteriaContent): CriteriaContent => ({ groups: c.groups, knockOuts: c.knockOuts, maxTotal: c.maxTotal });

const snake = (rule: CriteriaRule) => `criteria_${rule.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

type Entry = { code: string; path: string; kind: 'group' | 'item' | 'knockOut'; maxPoints?: number };

/**
 * Every problem the domain finds in the table, as field errors naming the request path of the item concerned
 * (`groups.0.items.2.maxPoints`), so the form marks the very field. Refused with CRITERIA_INVALID { item }.
 */
export function checkCriteria(content: CriteriaContent, year: number, period: ScoringPeriod, version: number): void {
  const problems = criteriaProblems(criteriaSetOf(content, year, period, version));
  if (problems.length === 0) return;
  const entries: Entry[] = [];
  content.groups.forEach((g, gi) => {
    entries.push({ code: g.code, path: `groups.${gi}`, kind: 'group' });
    g.items.forEach((i, ii) => entries.push({ code: i.code, path: `groups.${gi}.items.${ii}`, kind: 'item', maxPoints: i.maxPoints }));
  });
  content.knockOuts.forEach((k, ki) => entries.push({ code: k.code, path: `knockOuts.${ki}`, kind: 'knockOut' }));
  // a code named by several problems of one rule (a code used three times) names its occurrences in turn
  const used = new Map<string, number>();
  const locate = (code: string, rule: CriteriaRule, accept: (e: Entry) => boolean = () => true): Entry | undefined => {
    const key = `${rule}\u0000${code}`;
    const skip = (used.get(key) ?? 0) + (rule === 'duplicateCode' ? 1 : 0);
    used.set(key, (used.get(key) ?? 0) + 1);
    const matching = entries.filter((e) => e.code === code && accept(e));
    return matching[Math.min(skip, matching.length - 1)];
  };
  const stepH = Math.round(DEFAULT_GRID.step * 100);
  const fields: FieldProblem[] = problems.map(({ params }) => {
    const item = String(params.item);
    const rule = params.rule as CriteriaRule;
    const problem = (path: string, extra: Record<string, unknown> = {}): FieldProblem => ({
      path,
      key: snake(rule),
      params: { item, ...extra },
    });
    if (rule === 'noItems') return problem('groups');
    if (rule === 'version') return problem('version');
    if (rule === 'frameMismatch') {
      const sumH = content.groups
        .flatMap((g) => g.items)
        .filter((i) => i.kind === 'regular')
        .reduce((s, i) => s + (toHundredths(i.maxPoints) ?? 0), 0);
      return problem('maxTotal', { sum: sumH / 100, maxTotal: content.maxTotal });
    }
    const items = (e: Entry) => e.kind === 'item';
    const at = locate(item, rule, rule === 'emptyCode' || rule === 'duplicateCode' || rule === 'emptyText' ? undefined : items);
    if (!at) return problem('groups');
    switch (rule) {
      case 'emptyCode':
      case 'duplicateCode':
        return problem(`${at.path}.code`);
      case 'emptyText':
        return problem(`${at.path}.${at.kind === 'group' ? 'title' : 'text'}`);
      case 'maxPoints':
        return problem(`${at.path}.maxPoints`);
      case 'offGrid': {
        const h = toHundredths(at.maxPoints ?? 0);
        const maxOnGrid = h !== undefined && h % stepH === 0;
        return problem(`${at.path}.${maxOnGrid ? 'levels' : 'maxPoints'}`, { step: DEFAULT_GRID.step });
      }
      case 'target':
      case 'unexpectedTarget':
        return problem(`${at.path}.target`);
      case 'levels':
      case 'levelOutOfRange':
      case 'topLevelNotMax':
      case 'unexpectedLevels':
        return problem(`${at.path}.levels`, { max: at.maxPoints ?? 0 });
    }
  });
  throw new AppError('CRITERIA_INVALID', { item: String(problems[0]!.params.item) }, fields);
}

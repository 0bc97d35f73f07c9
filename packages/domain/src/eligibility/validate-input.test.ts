import { describe, expect, it } from 'vitest';
import { resources, translator } from '@thidua/i18n';
import { renderInputError } from './check.ts';
import { checkEligibilityCases } from './check.ts';
import { INPUT_ISSUE_CODES, parseEligibilityInput } from './validate-input.ts';
import { collective, person } from './test-builders.ts';

const valid = () => ({ id: 'c', proposal: { award: 'LAO_DONG_TIEN_TIEN', year: 2025 }, subject: person({ ratings: { 2025: 'HTT' } }) });
type Mutable = Record<string, any>;
const doc = (mutate: (c: Mutable) => void, index = 0) => {
  const cases: Mutable[] = [valid(), { ...valid(), id: 'd' }, { ...valid(), id: 'e' }, { ...valid(), id: 'f' }].map((c) =>
    structuredClone(c),
  );
  mutate(cases[index]!);
  return { format: 'thidua.eligibility-cases/1', cases };
};

describe('input validation names the JSON path', () => {
  it.each<[string, unknown, string, string]>([
    ['root not an object', [], '$', 'EXPECTED_OBJECT'],
    ['wrong format', { format: 'x', cases: [] }, 'format', 'UNKNOWN_FORMAT'],
    ['missing cases', { format: 'thidua.eligibility-cases/1' }, 'cases', 'MISSING_FIELD'],
    ['unknown root key', { format: 'thidua.eligibility-cases/1', cases: [], extra: 1 }, 'extra', 'UNKNOWN_KEY'],
    [
      'unknown rating in the fourth case',
      doc((c) => (c.subject.ratings = { 2024: 'GOOD' }), 3),
      'cases[3].subject.ratings.2024',
      'UNKNOWN_RATING',
    ],
    [
      'inherited property name is no rating',
      doc((c) => (c.subject.ratings = { 2024: 'toString' })),
      'cases[0].subject.ratings.2024',
      'UNKNOWN_RATING',
    ],
    ['rating key not a year', doc((c) => (c.subject.ratings = { '24': 'HTT' })), 'cases[0].subject.ratings.24', 'INVALID_YEAR_KEY'],
    ['rating year out of range', doc((c) => (c.subject.ratings = { 1800: 'HTT' })), 'cases[0].subject.ratings.1800', 'YEAR_OUT_OF_RANGE'],
    ['unknown case key', doc((c) => (c.note = 'x')), 'cases[0].note', 'UNKNOWN_KEY'],
    ['missing award', doc((c) => delete c.proposal.award), 'cases[0].proposal.award', 'MISSING_FIELD'],
    ['unknown award', doc((c) => (c.proposal.award = 'HERO')), 'cases[0].proposal.award', 'UNKNOWN_AWARD'],
    ['year as a string', doc((c) => (c.proposal.year = '2025')), 'cases[0].proposal.year', 'EXPECTED_INTEGER'],
    ['year out of range', doc((c) => (c.proposal.year = 3000)), 'cases[0].proposal.year', 'YEAR_OUT_OF_RANGE'],
    ['malformed date', doc((c) => (c.proposal.date = '2025-02-30')), 'cases[0].proposal.date', 'MALFORMED_DATE'],
    ['date in another format', doc((c) => (c.proposal.date = '20/12/2025')), 'cases[0].proposal.date', 'MALFORMED_DATE'],
    ['evidence not in the record', doc((c) => (c.proposal.evidence = ['K9'])), 'cases[0].proposal.evidence[0]', 'UNKNOWN_EVIDENCE'],
    ['duplicate case id', doc((c) => (c.id = 'd'), 2), 'cases[2].id', 'DUPLICATE_ID'],
    ['missing subject', doc((c) => delete c.subject), 'cases[0].subject', 'MISSING_FIELD'],
    ['unknown subject type', doc((c) => (c.subject.type = 'company')), 'cases[0].subject.type', 'UNKNOWN_SUBJECT_TYPE'],
    ['individual without gender', doc((c) => delete c.subject.gender), 'cases[0].subject.gender', 'MISSING_FIELD'],
    ['members on an individual', doc((c) => (c.subject.members = {})), 'cases[0].subject.members', 'UNKNOWN_KEY'],
    [
      'a form listed as a title',
      doc((c) => (c.subject.titles = [{ code: 'GIAY_KHEN', year: 2024 }])),
      'cases[0].subject.titles[0].code',
      'UNKNOWN_TITLE',
    ],
    [
      'unknown award kind',
      doc((c) => (c.subject.awards = [{ code: 'GIAY_KHEN', year: 2024, kind: 'X' }])),
      'cases[0].subject.awards[0].kind',
      'UNKNOWN_AWARD_KIND',
    ],
    [
      'award without kind',
      doc((c) => (c.subject.awards = [{ code: 'GIAY_KHEN', year: 2024 }])),
      'cases[0].subject.awards[0].kind',
      'MISSING_FIELD',
    ],
    [
      'unknown scope',
      doc((c) => (c.subject.initiatives = [{ id: 'K', year: 2024, scope: 'WORLD', usedForAward: null }])),
      'cases[0].subject.initiatives[0].scope',
      'UNKNOWN_SCOPE',
    ],
    [
      'duplicate initiative id across lists',
      doc((c) => {
        c.subject.initiatives = [{ id: 'K', year: 2024, scope: 'CO_SO' }];
        c.subject.scienceWorks = [{ id: 'K', year: 2024, scope: 'CO_SO' }];
      }),
      'cases[0].subject.scienceWorks[0].id',
      'DUPLICATE_ID',
    ],
    [
      'discipline ends before it starts',
      doc((c) => (c.subject.discipline = [{ form: 'CANH_CAO', from: '2025-05-01', to: '2025-01-01' }])),
      'cases[0].subject.discipline[0].to',
      'DATE_RANGE_INVERTED',
    ],
    [
      'unknown discipline form',
      doc((c) => (c.subject.discipline = [{ form: 'FINE', from: '2025-05-01', to: '2025-06-01' }])),
      'cases[0].subject.discipline[0].form',
      'UNKNOWN_DISCIPLINE_FORM',
    ],
    [
      'unknown leave type',
      doc((c) => (c.subject.leaves = [{ type: 'HOLIDAY', from: '2025-05-01', to: '2025-06-01' }])),
      'cases[0].subject.leaves[0].type',
      'UNKNOWN_LEAVE_TYPE',
    ],
    ['unknown achievement', doc((c) => (c.subject.achievements = ['FAMOUS'])), 'cases[0].subject.achievements[0]', 'UNKNOWN_ACHIEVEMENT'],
    ['pendingReview not boolean', doc((c) => (c.subject.pendingReview = 'no')), 'cases[0].subject.pendingReview', 'EXPECTED_BOOLEAN'],
    ['expected not boolean', doc((c) => (c.expected = 'yes')), 'cases[0].expected', 'EXPECTED_BOOLEAN'],
    [
      'collective without members',
      doc((c) => (c.subject = { type: 'collective', ratings: {} })),
      'cases[0].subject.members',
      'MISSING_FIELD',
    ],
    [
      'members above total',
      doc((c) => (c.subject = collective({ total: 5, advancedWorkers: 6, completedTasks: 5 }))),
      'cases[0].subject.members.advancedWorkers',
      'EXCEEDS_TOTAL',
    ],
    [
      'negative members',
      doc((c) => (c.subject = collective({ total: 5, advancedWorkers: -1, completedTasks: 5 }))),
      'cases[0].subject.members.advancedWorkers',
      'NEGATIVE_NUMBER',
    ],
    ['odd key is quoted in the path', doc((c) => (c.subject['my key'] = 1)), 'cases[0].subject["my key"]', 'UNKNOWN_KEY'],
  ])('%s', (_name, input, path, code) => {
    const parsed = parseEligibilityInput(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([parsed.issue.path, parsed.issue.code]).toEqual([path, code]);
  });

  it('accepts `expected`, optional lists and a household without ratings', () => {
    const input = doc((c) => {
      c.expected = true;
      c.subject = { type: 'household' };
      c.proposal.award = 'GIA_DINH_VAN_HOA';
    });
    expect(parseEligibilityInput(input).ok).toBe(true);
  });

  it('renders one line per the contract, in the chosen language', () => {
    const result = checkEligibilityCases(doc((c) => (c.subject.ratings = { 2024: 'GOOD' }), 3));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(renderInputError(result.params, translator('en'))).toBe('cases[3].subject.ratings.2024: unknown rating "GOOD"');
    expect(renderInputError(result.params, translator('vi'))).toBe('cases[3].subject.ratings.2024: xếp loại không hợp lệ "GOOD"');
  });

  it('every issue code has a message', () => {
    const input = resources.vi.eligibility.input as Record<string, string>;
    // The CLI adds its own few (file, JSON, arguments).
    const codes = [
      ...INPUT_ISSUE_CODES,
      'INVALID_JSON',
      'FILE_UNREADABLE',
      'UNSUPPORTED_LANGUAGE',
      'MISSING_FILE_ARGUMENT',
      'UNKNOWN_OPTION',
    ];
    for (const code of codes) expect(input[code], code).toBeTypeOf('string');
  });
});

// A discipline period inside a chain of years (Decree 98 / Decree 152 Art. 4(4): achievements count only
// from the end of the discipline). The verdict names the discipline, under the principle of the rulebook
// in force, with the year it broke the chain; the chain's own reasons count the history as it is.
import { describe, expect, it } from 'vitest';
import { translator } from '@thidua/i18n';
import { renderReason } from './check.ts';
import { defineIssuerSettings, type IssuerSettings } from '../rulebook/settings.ts';
import { collective, initiative, judge, person, proposal, ratings, titles, type RawSubject } from './test-builders.ts';
import type { Reason } from './types.ts';

const CSTDCS = 'CHIEN_SI_THI_DUA_CO_SO';
const NO_RESTART = defineIssuerSettings({ disciplineRestartsChains: false });
const RULEBOOKS = [
  { date: '2025-03-01', rulebook: 'LAW-06-2022+DECREE-98-2023', principle: 'decree-98-2023/art-4' },
  { date: '2025-09-01', rulebook: 'LAW-06-2022+DECREE-152-2025', principle: 'decree-152-2025/art-4' },
] as const;

const reprimand = (from: string, to: string) => [{ form: 'KHIEN_TRACH', from, to }];
const warning = (from: string, to: string) => [{ form: 'CANH_CAO', from, to }];
/** A ministry/provincial certificate of merit on two HTXS years 2023–2024 with two initiatives. */
const certificateCase = (discipline: RawSubject[], ratingList = ['HTXS', 'HTXS'], from = 2023) => ({
  award: 'BANG_KHEN_BO_TINH',
  evidence: ['I1', 'I2'],
  subject: person({
    ratings: ratings(from, ratingList),
    initiatives: [initiative('I1', 2023), initiative('I2', 2024)],
    discipline,
  }),
});
/** The PM's certificate of merit: provincial certificate 2017, then 2018–2024 rated HTXS, 3 Grassroots Fighter titles. */
const pmCase = (discipline: RawSubject[], ratingList = ['HTXS', 'HTXS', 'HTXS', 'HTXS', 'HTXS', 'HTXS', 'HTXS']) => ({
  award: 'BANG_KHEN_THU_TUONG',
  evidence: [],
  subject: person({
    ratings: ratings(2018, ratingList),
    awards: [{ code: 'BANG_KHEN_BO_TINH', year: 2017, kind: 'CONG_TRANG' }],
    titles: titles(CSTDCS, [2019, 2021, 2024]),
    discipline,
  }),
});
/** The Labour Order third class: PM certificate 2019, then five years 2020–2024 rated HTT or better. */
const orderCase = (discipline: RawSubject[]) => ({
  award: 'HUAN_CHUONG_LAO_DONG_HANG_BA',
  evidence: [],
  subject: person({
    ratings: ratings(2020, ['HTT', 'HTT', 'HTXS', 'HTT', 'HTT']),
    awards: [{ code: 'BANG_KHEN_THU_TUONG', year: 2019, kind: 'CONG_TRANG' }],
    titles: titles(CSTDCS, [2020, 2022, 2024]),
    discipline,
  }),
});

interface Row {
  name: string;
  c: { award: string; evidence: string[]; subject: RawSubject };
  settings?: IssuerSettings;
  eligible: boolean;
  /** The discipline reason expected (code, met, year), or null when the chain does not reach a discipline. */
  discipline: [code: string, met: boolean, year: number] | null;
  /** Reasons of the chain that must be there, with their met flag and the count they give. */
  chain: Array<[code: string, met: boolean, count: number]>;
  /** Codes that must not appear. */
  absent?: string[];
}

const rows: Row[] = [
  {
    name: 'a reprimand during the first of the two HTXS years of a provincial certificate of merit',
    c: certificateCase(reprimand('2023-03-01', '2023-09-01')),
    eligible: false,
    discipline: ['CHAIN_BROKEN_BY_DISCIPLINE', false, 2023],
    chain: [
      ['RATING_RUN_MET', true, 2],
      ['EVIDENCE_FOUND', true, 2],
    ],
    absent: ['MERIT_CERTIFICATE_NO_PATH', 'RATING_RUN_SHORT'],
  },
  {
    name: 'a warning in one year of the five-year chain of the PM certificate',
    c: pmCase(warning('2022-03-01', '2022-09-01')),
    eligible: false,
    discipline: ['CHAIN_BROKEN_BY_DISCIPLINE', false, 2022],
    chain: [
      ['CHAIN_YEARS_MET', true, 7],
      ['CHAIN_TITLES_MET', true, 3],
    ],
    absent: ['CHAIN_YEARS_SHORT', 'CHAIN_TITLES_SHORT'],
  },
  {
    name: 'a discipline over the turn of a year breaks the chain in its last year',
    c: pmCase(reprimand('2021-11-01', '2022-02-28')),
    eligible: false,
    discipline: ['CHAIN_BROKEN_BY_DISCIPLINE', false, 2022],
    chain: [['CHAIN_YEARS_MET', true, 7]],
  },
  {
    name: 'a warning in the middle of the Labour Order chain',
    c: orderCase(warning('2022-05-01', '2022-11-30')),
    eligible: false,
    discipline: ['CHAIN_BROKEN_BY_DISCIPLINE', false, 2022],
    chain: [
      ['CHAIN_YEARS_MET', true, 5],
      ['CHAIN_EXCELLENT_YEARS_MET', true, 1],
      ['CHAIN_TITLES_MET', true, 3],
    ],
  },
  {
    name: 'an HT year and a discipline: both are named, the count is the true run of rated years',
    c: pmCase(warning('2023-03-01', '2023-09-01'), ['HTXS', 'HTXS', 'HTXS', 'HT', 'HTXS', 'HTXS', 'HTXS']),
    eligible: false,
    discipline: ['CHAIN_BROKEN_BY_DISCIPLINE', false, 2023],
    chain: [['CHAIN_YEARS_SHORT', false, 3]],
  },
  {
    name: 'the years after the discipline still suffice: eligible, and the verdict says how the chain was counted',
    c: certificateCase(reprimand('2021-03-01', '2021-09-01'), ['HTXS', 'HTXS', 'HTXS', 'HTXS', 'HTXS'], 2020),
    eligible: true,
    discipline: ['CHAIN_COUNTED_AFTER_DISCIPLINE', true, 2021],
    chain: [['RATING_RUN_MET', true, 5]],
  },
  {
    name: 'a discipline before the chain (before the seed award) is not mentioned',
    c: pmCase(reprimand('2016-03-01', '2016-09-01')),
    eligible: true,
    discipline: null,
    chain: [['CHAIN_YEARS_MET', true, 7]],
  },
  {
    name: 'an issuer that does not restart chains: the discipline inside the chain is not held against it',
    c: pmCase(warning('2022-03-01', '2022-09-01')),
    settings: NO_RESTART,
    eligible: true,
    discipline: null,
    chain: [['CHAIN_YEARS_MET', true, 7]],
  },
  {
    name: 'the Grassroots Fighter titles of a provincial fighter chain across a reprimand',
    c: {
      award: 'CHIEN_SI_THI_DUA_BO_TINH',
      evidence: ['P'],
      subject: person({
        titles: titles(CSTDCS, [2022, 2023, 2024]),
        initiatives: [initiative('P', 2024, 'BO_TINH')],
        discipline: reprimand('2022-03-01', '2022-09-01'),
      }),
    },
    eligible: false,
    discipline: ['CHAIN_BROKEN_BY_DISCIPLINE', false, 2022],
    chain: [
      ['TITLE_RUN_MET', true, 3],
      ['EVIDENCE_FOUND', true, 1],
    ],
  },
  {
    name: 'a collective disciplined inside its HTXS years for a certificate of merit',
    c: {
      award: 'BANG_KHEN_BO_TINH',
      evidence: [],
      subject: collective({}, { ratings: ratings(2023, ['HTXS', 'HTXS']), discipline: reprimand('2023-02-01', '2023-04-30') }),
    },
    eligible: false,
    discipline: ['CHAIN_BROKEN_BY_DISCIPLINE', false, 2023],
    chain: [['RATING_RUN_MET', true, 2]],
    absent: ['MERIT_CERTIFICATE_NO_PATH_COLLECTIVE'],
  },
];

const cases = RULEBOOKS.flatMap((book) => rows.map((row) => [`${book.rulebook}: ${row.name}`, book, row] as const));

describe('a discipline inside a chain of years', () => {
  it.each(cases)('%s', (_name, book, row) => {
    const verdict = judge(
      { proposal: proposal(row.c.award, 2024, { date: book.date, evidence: row.c.evidence }), subject: row.c.subject },
      row.settings,
    );
    const reasons = verdict.reasons;
    expect(verdict.rulebook).toBe(book.rulebook);
    expect(verdict.eligible, JSON.stringify(reasons, null, 1)).toBe(row.eligible);
    expect(verdict.eligible).toBe(reasons.every((r) => r.met));
    // The proposal year itself is free of discipline, and the verdict says so truthfully.
    expect(reasons).toContainEqual(expect.objectContaining({ code: 'NO_DISCIPLINE_IN_YEAR', met: true, params: { year: 2024 } }));

    const disciplineReasons = reasons.filter((r) => r.code.endsWith('_DISCIPLINE') && r.code.startsWith('CHAIN_'));
    if (row.discipline) {
      const [code, met, year] = row.discipline;
      expect(disciplineReasons).toHaveLength(1);
      expect(disciplineReasons[0]).toMatchObject({ rule: book.principle, code, met, params: { year } });
    } else {
      expect(disciplineReasons).toEqual([]);
    }
    for (const [code, met, count] of row.chain) {
      expect(reasons, code).toContainEqual(expect.objectContaining({ code, met, params: expect.objectContaining({ count }) }));
    }
    for (const code of row.absent ?? []) expect(reasons.map((r) => r.code)).not.toContain(code);
    // When the chain is otherwise complete, the discipline is the one condition not met.
    if (!row.eligible && row.chain.every(([, met]) => met)) {
      expect(reasons.filter((r) => !r.met).map((r: Reason) => r.code)).toEqual(['CHAIN_BROKEN_BY_DISCIPLINE']);
    }
  });

  it('the message names the discipline, its dates and the year it broke the chain', () => {
    const verdict = judge({
      proposal: proposal('BANG_KHEN_THU_TUONG', 2024, { date: '2025-03-01' }),
      subject: pmCase(warning('2022-03-01', '2022-09-01')).subject,
    });
    const broken = verdict.reasons.find((r) => r.code === 'CHAIN_BROKEN_BY_DISCIPLINE')!;
    expect(renderReason(broken, translator('en'))).toEqual({
      rule: 'decree-98-2023/art-4',
      met: false,
      message:
        'Disciplined (Warning) from 2022-03-01 to 2022-09-01, within the chain: achievements count only from the end of the discipline period, so the chain is broken in 2022',
    });
    expect(renderReason(broken, translator('vi')).message).toContain('ngắt tại năm 2022');
  });
});

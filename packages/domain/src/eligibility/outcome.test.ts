// The third state of a verdict: criteria the rulebook leaves to the council, on both rulebooks.
import { describe, expect, it } from 'vitest';
import { verdictOutcome } from './outcome.ts';
import { collective, judge, person, proposal, type RawSubject } from './test-builders.ts';

const BOOKS = [
  ['LAW-06-2022+DECREE-98-2023', '2025-03-01'],
  ['LAW-06-2022+DECREE-152-2025', '2025-09-01'],
] as const;

const village = (over: RawSubject = {}) => collective({}, { ratings: { 2024: 'HTXS' }, ...over });
const rows: Array<[name: string, award: string, subject: RawSubject, outcome: string]> = [
  ['a village for "Thôn, tổ dân phố văn hóa" (criteria detailed by the province)', 'THON_TO_DAN_PHO_VAN_HOA', village(), 'council'],
  ['a commune for "Xã, phường, đặc khu tiêu biểu"', 'XA_PHUONG_TIEU_BIEU', village(), 'council'],
  ['a person for a Certificate of Commendation (criteria set by the minister or province)', 'GIAY_KHEN', person(), 'council'],
  ['a person for the Labour Order second class (detailed by decree, not verified)', 'HUAN_CHUONG_LAO_DONG_HANG_NHI', person(), 'council'],
  ['a delegated form while under review: not met, whatever the council would say', 'GIAY_KHEN', person({ pendingReview: true }), 'notMet'],
  [
    'a delegated title for a village disciplined in the year: not met',
    'THON_TO_DAN_PHO_VAN_HOA',
    village({ discipline: [{ form: 'KHIEN_TRACH', from: '2024-02-01', to: '2024-05-01' }] }),
    'notMet',
  ],
  ['a rated person for the Advanced Worker: met', 'LAO_DONG_TIEN_TIEN', person({ ratings: { 2024: 'HTT' } }), 'met'],
  ['an unrated person for the Advanced Worker: not met', 'LAO_DONG_TIEN_TIEN', person(), 'notMet'],
];

describe.each(BOOKS)('%s', (rulebook, date) => {
  it.each(rows)('%s → %s', (_name, award, subject, outcome) => {
    const verdict = judge({ proposal: proposal(award, 2024, { date }), subject });
    expect(verdict.rulebook).toBe(rulebook);
    expect(verdictOutcome(verdict)).toBe(outcome);
    // the contract's answer stays two-state: a verdict for the council is not eligible by the rulebook
    expect(verdict.eligible).toBe(outcome === 'met');
  });
});

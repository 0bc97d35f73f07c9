// How counts read: a zero case ("no year of the chain yet") and plural forms, per language.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator, type Language } from '@thidua/i18n';
import { renderReason } from './check.ts';
import { judge, person, proposal, ratings, titles } from './test-builders.ts';

const CSTDCS = 'CHIEN_SI_THI_DUA_CO_SO';
/** The PM's certificate of merit after a 2017 provincial one, with the given ratings from 2018 on (considered in 2025). */
const pmChain = (list: string[], titleYears: number[] = []) =>
  judge({
    proposal: proposal('BANG_KHEN_THU_TUONG', 2024, { date: '2025-03-15' }),
    subject: person({
      ratings: ratings(2018, list),
      awards: [{ code: 'BANG_KHEN_BO_TINH', year: 2017, kind: 'CONG_TRANG' }],
      titles: titles(CSTDCS, titleYears),
    }),
  });
const message = (verdict: ReturnType<typeof judge>, code: string, lang: Language) =>
  renderReason(
    verdict.reasons.find((r) => r.code === code)!,
    translator(lang),
  ).message;

describe('counts in reasons', () => {
  const noneYet = pmChain(['HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HT']);
  it.each<[Language, string]>([
    ['vi', 'Sau đó chưa có năm nào của chuỗi: năm 2024 chưa xếp loại Hoàn thành tốt nhiệm vụ trở lên (yêu cầu: 5 năm liên tục)'],
    ['en', 'Since then no year of the chain yet: not rated Completed tasks well or better in 2024 (required: 5 consecutive years)'],
  ])('%s: a chain with no year yet says so, not "only 0"', (lang, expected) => {
    expect(message(noneYet, 'CHAIN_YEARS_SHORT', lang)).toBe(expected);
  });

  it.each(LANGUAGES)('%s: the zero case names the year, never "0"', (lang) => {
    const text = message(noneYet, 'CHAIN_YEARS_SHORT', lang);
    expect(text).toContain('2024');
    expect(text).not.toMatch(/(^|\D)0(\D|$)/);
  });

  it.each<[Language, string[], RegExp]>([
    ['en', ['HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HT', 'HTT'], /^Since then only 1 year rated /],
    ['en', ['HTT', 'HTT', 'HTT', 'HT', 'HTT', 'HTT', 'HTT'], /^Since then only 3 consecutive years rated /],
    ['ru', ['HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HT', 'HTT'], /лишь 1 год подряд/],
    ['ru', ['HTT', 'HTT', 'HTT', 'HT', 'HTT', 'HTT', 'HTT'], /лишь 3 года подряд/],
    ['uk', ['HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HT', 'HTT'], /лише 1 рік поспіль/],
    ['uk', ['HTT', 'HTT', 'HT', 'HTT', 'HTT', 'HTT', 'HTT'], /лише 4 роки поспіль/],
    ['pt', ['HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HT', 'HTT'], /apenas 1 ano com /],
    ['vi', ['HTT', 'HTT', 'HTT', 'HT', 'HTT', 'HTT', 'HTT'], /^Sau đó chỉ 3 năm liên tục/],
  ])('%s: %j reads in the right number', (lang, list, expected) => {
    expect(message(pmChain(list), 'CHAIN_YEARS_SHORT', lang)).toMatch(expected);
  });

  it.each<[Language, number[], string]>([
    ['en', [], 'Grassroots Emulation Fighter not once within that period (required: 3)'],
    ['en', [2024], 'Grassroots Emulation Fighter only once within that period (required: 3)'],
    ['en', [2022, 2024], 'Only 2 times Grassroots Emulation Fighter within that period (required: 3)'],
    ['vi', [], 'Trong thời gian đó chưa lần nào đạt Chiến sĩ thi đua cơ sở (yêu cầu: 3)'],
  ])('%s: titles %j within the chain', (lang, years, expected) => {
    expect(message(pmChain(['HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HTT', 'HTT'], years), 'CHAIN_TITLES_SHORT', lang)).toBe(expected);
  });
});

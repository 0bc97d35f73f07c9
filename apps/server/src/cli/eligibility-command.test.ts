import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

const EXAMPLES = fileURLToPath(new URL('../../../../packages/domain/src/eligibility/fixtures/eligibility-examples.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8')) as {
  format: string;
  cases: Array<{ id: string; proposal: { year: number }; expected: boolean }>;
};
/** The public examples that a rulebook judges (one is dated before 2024: see the domain tests). */
const judged = { ...examples, cases: examples.cases.filter((c) => c.proposal.year >= 2024) };

function fakeIo(files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: async () => stdin,
    readFile: async (path) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('thidua eligibility check', () => {
  it('judges a file: one JSON document, exit 0, verdicts as expected', async () => {
    const f = fakeIo({ 'cases.json': JSON.stringify(judged) });
    expect(await main(['eligibility', 'check', 'cases.json'], f.io)).toBe(0);
    const doc = JSON.parse(f.stdout());
    expect(doc.format).toBe('thidua.eligibility-results/1');
    expect(doc.results.map((r: { id: string; eligible: boolean }) => [r.id, r.eligible])).toEqual(
      judged.cases.map((c) => [c.id, c.expected]),
    );
    expect(doc.results[0]).toMatchObject({ rulebook: 'LAW-06-2022+DECREE-152-2025' });
    expect(doc.results[0].reasons[0]).toEqual({
      rule: 'law-06-2022/art-24',
      met: true,
      message: 'Năm 2025 xếp loại Hoàn thành xuất sắc nhiệm vụ (yêu cầu: Hoàn thành tốt nhiệm vụ trở lên)',
    });
    expect(f.stderr()).toBe('');
  });

  it.each([
    ['en', 'Rated Completed tasks excellently in 2025 (required: Completed tasks well or better)'],
    ['ru', 'Оценка за 2025 год: Отлично выполнил(а) задачи (требуется: Хорошо выполнил(а) задачи или выше)'],
  ])('messages follow --lang %s', async (lang, message) => {
    const f = fakeIo({}, JSON.stringify(judged));
    expect(await main(['eligibility', 'check', '-', '--lang', lang], f.io)).toBe(0);
    expect(JSON.parse(f.stdout()).results[0].reasons[0].message).toBe(message);
  });

  it('exit 2 with one line naming the JSON path on invalid input, nothing on stdout', async () => {
    const bad = structuredClone(judged) as unknown as { cases: Array<{ subject: { ratings: Record<string, string> } }> };
    bad.cases[3]!.subject.ratings['2024'] = 'GOOD';
    const f = fakeIo({}, JSON.stringify(bad));
    expect(await main(['eligibility', 'check', '-', '--lang=en'], f.io)).toBe(2);
    expect(f.stderr()).toBe('cases[3].subject.ratings.2024: unknown rating "GOOD"\n');
    expect(f.stdout()).toBe('');
  });

  it('judges the whole public example file; a given date before 2024 is an input error naming the date', async () => {
    const f = fakeIo({ 'all.json': JSON.stringify(examples) });
    expect(await main(['eligibility', 'check', 'all.json', '--lang', 'en'], f.io)).toBe(0);
    const out = JSON.parse(f.stdout());
    expect(out.results.map((r: { eligible: boolean }) => r.eligible)).toEqual(examples.cases.map((c: { expected: boolean }) => c.expected));
    const early = structuredClone(examples) as { cases: Array<{ proposal: Record<string, unknown> }> };
    early.cases[2]!.proposal.date = '2023-12-31';
    const g = fakeIo({ 'early.json': JSON.stringify(early) });
    expect(await main(['eligibility', 'check', 'early.json', '--lang', 'en'], g.io)).toBe(2);
    expect(g.stderr()).toMatch(/^cases\[2\]\.proposal\.date: consideration date 2023-12-31 is before 2024-01-01/);
  });

  it.each([
    ['unreadable file', ['missing.json'], '', /^missing\.json: không đọc được tệp "missing\.json" \(ENOENT\)\n$/],
    ['bad JSON', ['-'], '{"format": ', /^\$: không phải JSON hợp lệ: /],
    ['bad --lang', ['-', '--lang', 'fr'], '{}', /^--lang: ngôn ngữ không được hỗ trợ "fr" \(vi, en, ru, uk, hi, pt\)\n$/],
    ['no file argument', [], '', /^FILE: thiếu tệp đầu vào/],
    ['unknown option', ['-', '--fast'], '{}', /^--fast: tham số không hợp lệ "--fast"/],
    ['JSON that is not an object', ['-', '--lang', 'en'], '[1,2]', /^\$: must be a JSON object\n$/],
  ])('%s → exit 2, one stderr line', async (_name, args, stdin, pattern) => {
    const f = fakeIo({}, stdin);
    expect(await main(['eligibility', 'check', ...args], f.io)).toBe(2);
    expect(f.stderr()).toMatch(pattern);
    expect(f.stderr().trim().split('\n')).toHaveLength(1);
    expect(f.stdout()).toBe('');
  });

  it('runs for real: npx thidua eligibility check - with stdin', () => {
    const run = spawnSync('npx', ['--no-install', 'thidua', 'eligibility', 'check', '-', '--lang', 'en'], {
      cwd: ROOT,
      input: JSON.stringify(judged),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.results).toHaveLength(judged.cases.length);
    expect(doc.results.find((r: { id: string }) => r.id === 'example-disciplined-year').eligible).toBe(false);

    const bad = spawnSync('npx', ['--no-install', 'thidua', 'eligibility', 'check', '-', '--lang', 'en'], {
      cwd: ROOT,
      input: '{"format":"thidua.eligibility-cases/1","cases":[{"id":"x"}]}',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    // npm itself may warn on stderr (user config); our own output is the one line naming the path.
    expect(bad.stderr.split('\n').filter((l) => !l.startsWith('npm ') && l !== '')).toEqual([
      'cases[0].proposal: missing required field "proposal"',
    ]);
  });
});

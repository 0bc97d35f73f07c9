import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function run(argv: string[], lang?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: async () => '',
    readFile: async () => '',
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: lang ? { THIDUA_LANG: lang } : {},
  };
  const code = await main(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('thidua workdays', () => {
  it.each([
    [['add', '2026-02-10', '5'], '2026-02-24\n'],
    [['add', '2026-02-10', '10'], '2026-03-03\n'],
    [['add', '2026-01-06', '5'], '2026-01-12\n'],
    [['add', '2026-02-10', '0'], '2026-02-10\n'],
    [['between', '2026-02-10', '2026-03-02'], '9\n'],
    [['between', '2025-01-13', '2025-02-24'], '25\n'],
    [['between', '2026-03-02', '2026-02-10'], '-9\n'],
  ])('workdays %j → %j, exit 0, nothing on stderr', async (args, expected) => {
    const r = await run(['workdays', ...args]);
    expect(r).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('a year without an official schedule: the answer, and a note on stderr', async () => {
    const r = await run(['workdays', 'add', '2026-12-28', '10'], 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2027-01-12\n');
    expect(r.stderr).toBe(
      'note: no official schedule of days off for 2027 yet; counted with the Labour Code holidays alone (provisional)\n',
    );
  });

  it.each([
    [
      ['add', '2026-02-30', '5'],
      'en',
      'thidua workdays add: "2026-02-30" is not a valid date: write YYYY-MM-DD, a day that exists, in the years 1900–2199',
    ],
    [['add', '10/02/2026', '5'], 'en', 'thidua workdays add: "10/02/2026" is not a valid date'],
    [
      ['add', '2026-02-10', '-1'],
      'en',
      'thidua workdays add: "-1" is not a valid number of working days: give a whole number from 0 to 100000',
    ],
    [['add', '2026-02-10', '2.5'], 'en', 'thidua workdays add: "2.5" is not a valid number of working days'],
    [['add', '2026-02-10', 'five'], 'en', 'thidua workdays add: "five" is not a valid number of working days'],
    [['add', '2026-02-10'], 'en', 'thidua workdays add: missing arguments: thidua workdays add YYYY-MM-DD N'],
    [['between', '2026-02-10'], 'en', 'thidua workdays between: missing arguments: thidua workdays between YYYY-MM-DD YYYY-MM-DD'],
    [['between', '2026-02-10', '2026-13-01'], 'en', 'thidua workdays between: "2026-13-01" is not a valid date'],
    [['between', '2026-02-10', '2026-03-02', 'x'], 'en', 'thidua workdays between: unexpected argument "x"'],
    [['add', '2199-12-01', '100'], 'en', 'thidua workdays add: the result falls outside the years the calendar covers (1900–2199)'],
    [['add', '2026-02-30', '5'], undefined, 'thidua workdays add: "2026-02-30" không phải ngày hợp lệ'],
    [['add', '2026-02-10', '-1'], 'ru', 'thidua workdays add: «-1» — недопустимое число рабочих дней'],
    [['add', '2026-02-10'], 'uk', 'thidua workdays add: бракує аргументів'],
    [['add', '2026-02-10', 'x'], 'hi', 'thidua workdays add: "x" कार्य दिवसों की मान्य संख्या नहीं है'],
    [['between', 'ontem', '2026-03-02'], 'pt', 'thidua workdays between: "ontem" não é uma data válida'],
  ])('workdays %j (%s) → exit 2, one localised stderr line, nothing on stdout', async (args, lang, message) => {
    const r = await run(['workdays', ...args], lang);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is in the help text of every language', async () => {
    for (const lang of ['vi', 'en', 'ru', 'uk', 'hi', 'pt']) {
      const r = await run(['--help'], lang);
      expect(r.stderr).toContain('thidua workdays add YYYY-MM-DD N');
      expect(r.stderr).toContain('thidua workdays between YYYY-MM-DD YYYY-MM-DD');
    }
    expect((await run(['workdays'])).code).toBe(2);
  });

  it('runs for real: npx thidua workdays add / between', () => {
    const spawn = (args: string[]) =>
      spawnSync('npx', ['--no-install', 'thidua', 'workdays', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, THIDUA_LANG: 'en' },
      });
    const add = spawn(['add', '2026-02-10', '5']);
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toBe('2026-02-24\n');
    const between = spawn(['between', '2026-02-10', '2026-03-02']);
    expect(between.status, between.stderr).toBe(0);
    expect(between.stdout).toBe('9\n');
    const bad = spawn(['add', '2026-02-30', '5']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    // npm itself may warn on stderr (user config); our own output is the one line naming the value.
    expect(bad.stderr.split('\n').filter((l) => !l.startsWith('npm ') && l !== '')).toEqual([
      'thidua workdays add: "2026-02-30" is not a valid date: write YYYY-MM-DD, a day that exists, in the years 1900–2199',
    ]);
  });
});

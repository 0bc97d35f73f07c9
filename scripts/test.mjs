// The whole suite: build the web app and the server (browser flows run against them), lint with the import boundaries,
// type-check, then every Vitest project. Prints one closing line: `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';

const checks = [
  ['build of the web app and the server (when their sources changed)', 'npm', ['run', 'build', '--silent']],
  ['formatting (prettier)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['lint (import boundaries)', 'npx', ['eslint', '.']],
  ['type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
];
let passed = 0;
let failed = 0;
for (const [name, cmd, args] of checks) {
  const ok = spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  if (ok) passed++;
  else failed++;
}

const child = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'inherit'] });
let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-2000);
});
const code = await new Promise((resolve) => child.on('close', resolve));
const summary = [...tail.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
if (summary) {
  passed += Number(summary[1]);
  failed += Number(summary[2]);
} else {
  failed++;
}
if (code !== 0 && (!summary || Number(summary[2]) === 0)) failed++;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

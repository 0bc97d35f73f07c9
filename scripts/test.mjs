// The whole suite: build the web app (the browser flows run against it), then every Vitest project.
// The last line printed is `N passed, N failed`.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;

if (run('npm', ['run', 'build', '--silent']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
process.exit(run('npx', ['vitest', 'run', ...process.argv.slice(2)]));

// Builds what `npm start` runs, only when its sources changed: the web app (Vite, into apps/web/dist) and the server
// (one JavaScript bundle by esbuild, into apps/server/dist). Each build leaves a stamp, the SHA-256 of its inputs;
// a matching stamp skips the build. `--force` builds anyway; `web` or `server` builds only that one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-stamp';

/** Sources every build reads: the shared packages, the lock file and this script. */
const SHARED = ['packages/domain', 'packages/contracts', 'packages/i18n', 'package-lock.json', 'scripts/build-if-stale.mjs'];

/** Tests, test helpers and build output never change what is built. */
const skipped = (path) => /(^|\/)(node_modules|dist|test)(\/|$)|\.test\.tsx?$|(^|\/)test-[\w-]+\.tsx?$/.test(path);

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    const child = join(path, entry);
    if (!skipped(relative(ROOT, child))) yield* files(child);
  }
}

/** Each file's SHA-256, read once although the web app and the server share some inputs. */
const fileHashes = new Map();
function fileHash(file) {
  if (!fileHashes.has(file)) fileHashes.set(file, createHash('sha256').update(readFileSync(file)).digest('hex'));
  return fileHashes.get(file);
}

function inputsHash(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of files(join(ROOT, input))) hash.update(`${relative(ROOT, file)}\0${fileHash(file)}\n`);
  }
  return hash.digest('hex');
}

function buildWeb() {
  const web = join(ROOT, 'apps/web');
  const vite = join(dirname(createRequire(join(web, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  // a production build whoever asks: under a test runner NODE_ENV is "test", which would build React's development code
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error('building the web app failed');
}

/**
 * Bundled into the server: the workspace packages (TypeScript sources), and pure ES module packages made of many small
 * files, which Node would otherwise resolve and load one by one at every start. zod travels with the one package that
 * reads its schemas (fastify-type-provider-zod), so both see the same zod.
 */
const BUNDLED = /^(@thidua\/|zod(\/|$)|kysely(\/|$)|i18next(\/|$)|fastify-type-provider-zod(\/|$))/;

async function buildServer() {
  const server = join(ROOT, 'apps/server');
  const esbuild = await import(createRequire(join(server, 'package.json')).resolve('esbuild'));
  rmSync(join(server, 'dist'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: {
      main: join(server, 'src/main.ts'),
      'eligibility-check.worker': join(server, 'src/workers/eligibility-check.worker.ts'),
      'document-render.worker': join(server, 'src/documents/render.worker.ts'),
    },
    outdir: join(server, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        // the workspace packages are TypeScript sources and go into the bundle; every other package stays in
        // node_modules, loaded by Node as it is
        name: 'external-packages',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.test(args.path) ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  // esbuild's service process would otherwise outlive the build in `npm start`, which goes on to run the server
  await esbuild.stop();
}

const TARGETS = {
  web: {
    inputs: ['apps/web/src', 'apps/web/index.html', 'apps/web/public', 'apps/web/vite.config.ts', 'apps/web/package.json', ...SHARED],
    output: 'apps/web/dist',
    marker: 'index.html',
    build: buildWeb,
  },
  server: {
    inputs: ['apps/server/src', 'apps/server/package.json', ...SHARED],
    output: 'apps/server/dist',
    marker: 'main.js',
    build: buildServer,
  },
};

/** Builds the named targets whose stamp does not match their inputs; answers the ones it built. */
export async function buildIfStale(names = Object.keys(TARGETS), { force = false } = {}) {
  const built = [];
  for (const name of names) {
    const target = TARGETS[name];
    const hash = inputsHash(target.inputs);
    const stamp = join(ROOT, target.output, STAMP);
    const fresh = existsSync(join(ROOT, target.output, target.marker)) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
    if (fresh && !force) continue;
    const started = performance.now();
    process.stdout.write(`thidua: building the ${name} (${fresh ? 'asked to' : 'its sources changed'})…\n`);
    await target.build();
    writeFileSync(stamp, `${hash}\n`);
    process.stdout.write(`thidua: built the ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    built.push(name);
  }
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((arg) => arg in TARGETS);
  const unknown = args.filter((arg) => !(arg in TARGETS) && arg !== '--force');
  if (unknown.length) {
    console.error(`usage: node scripts/build-if-stale.mjs [--force] [${Object.keys(TARGETS).join('|')}]…`);
    process.exit(2);
  }
  try {
    await buildIfStale(names.length ? names : undefined, { force: args.includes('--force') });
  } catch (error) {
    console.error(`thidua: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

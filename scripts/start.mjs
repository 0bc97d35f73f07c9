// `npm start`: builds what changed since the last build (scripts/build-if-stale.mjs), then runs the compiled server in
// this same process — one Node.js start, not two.
import { buildIfStale } from './build-if-stale.mjs';

try {
  await buildIfStale();
} catch (error) {
  console.error(`thidua: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
await import('../apps/server/dist/main.js');

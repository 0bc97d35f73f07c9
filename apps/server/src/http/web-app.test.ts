import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { IMMUTABLE } from './web-app.ts';

// a built web app in miniature: the app shell and one hashed script, each with the .br and .gz the build writes
const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
const SHELL = '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>'.padEnd(2_000, ' ');
const SCRIPT = `console.log(${JSON.stringify('thidua '.repeat(500))});`;
function write(path: string, text: string) {
  writeFileSync(join(dir, path), text);
  writeFileSync(join(dir, `${path}.br`), brotliCompressSync(text));
  writeFileSync(join(dir, `${path}.gz`), gzipSync(text));
}
mkdirSync(join(dir, 'assets'));
write('index.html', SHELL);
write('assets/index-Ab12Cd34.js', SCRIPT);

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ webDir: dir, jobWorker: false });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the built web app', () => {
  it('answers a hashed script pre-compressed with brotli, cached for a year as immutable', async () => {
    const res = await t.app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip, then to the file itself, as the browser accepts', async () => {
    const gz = await t.app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await t.app.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('has the app shell revalidated at every visit, at / and on client-side routes', async () => {
    for (const url of ['/', '/clusters/5']) {
      const res = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SHELL);
    }
  });

  it('answers 404 for an asset that is not there, and keeps API answers out of every cache', async () => {
    const missing = await t.app.inject({ url: '/assets/index-00000000.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).not.toBe(IMMUTABLE);
    const api = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(api.statusCode).toBe(200);
    expect(api.headers['cache-control']).toBe('no-store');
  });
});

// Where the server's own files are. The server runs from its TypeScript sources (src/…, through tsx or Vitest) or
// from the compiled bundle (dist/main.js, dist/*.worker.js), where every module shares the bundle's import.meta.url;
// paths are taken from the package directory so both ways find the same files.

/** True when running from the compiled bundle in dist/. */
export const COMPILED: boolean = !import.meta.url.endsWith('.ts');

/** The server package's directory (apps/server/), with a trailing slash. */
export const SERVER_DIR: URL = new URL(COMPILED ? '../' : '../../', import.meta.url);

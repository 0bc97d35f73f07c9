// Every literal key the screens ask for exists in the Vietnamese source catalogue (and so, by the
// completeness test of @thidua/i18n, in every language). Template keys must at least find their group.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '@thidua/i18n';

type Tree = { [k: string]: string | Tree };
const vi = resources.vi as unknown as Record<string, Tree>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'test-utils.tsx' ? [path] : [];
  });
}

function lookup(ns: string, key: string): string | Tree | undefined {
  return key
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), vi[ns]);
}

const root = join(import.meta.dirname);

describe('translation keys used by the web app', () => {
  const sources = files(root).map((path) => ({ path: path.slice(root.length + 1), text: readFileSync(path, 'utf8') }));

  it('finds the screens', () => expect(sources.length).toBeGreaterThan(20));

  for (const { path, text } of sources) {
    // each component's own useTranslation: a key belongs to the namespace of the nearest one above it
    const uses = [...text.matchAll(/useTranslation\((?:'(\w+)'|\[\s*'(\w+)')/g)].map((m) => ({ at: m.index, ns: m[1] ?? m[2]! }));
    if (uses.length === 0) continue;
    const namespaceAt = (at: number) => [...uses].reverse().find((u) => u.at < at)?.ns ?? uses[0]!.ns;
    it(path, () => {
      const problems: string[] = [];
      for (const m of text.matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
        const raw = m[2]!;
        const [ns, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [namespaceAt(m.index), raw];
        if (m[1] === '`') {
          const prefix = key.split('${')[0]!.replace(/\.$/, '');
          if (prefix && typeof lookup(ns, prefix) !== 'object') problems.push(`${ns}:${prefix}.*`);
        } else if (typeof lookup(ns, key) !== 'string') {
          problems.push(`${ns}:${key}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

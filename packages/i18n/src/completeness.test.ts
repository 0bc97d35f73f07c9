import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES, negotiateLanguage, resources, translator } from './index.ts';

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

describe('locale catalogues', () => {
  it('NAMESPACES names every catalogue of every language', () => {
    for (const lang of LANGUAGES) expect(Object.keys(resources[lang]).sort()).toEqual([...NAMESPACES].sort());
  });
  for (const ns of NAMESPACES) {
    const source = resources.vi[ns] as Tree;
    const sourceKeys = keys(source).sort();
    for (const lang of LANGUAGES.filter((l) => l !== 'vi')) {
      it(`${lang}/${ns} has exactly the Vietnamese keys, with the same placeholders`, () => {
        const target = resources[lang][ns] as Tree;
        const targetKeys = keys(target).sort();
        const missing = sourceKeys.filter((k) => !targetKeys.includes(k));
        const extra = targetKeys.filter((k) => !sourceKeys.includes(k) && !/_(zero|one|two|few|many|other)$/.test(k));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        const flat = (t: Tree, k: string) => k.split('.').reduce<Tree | string>((n, p) => (n as Tree)[p]!, t) as string;
        for (const k of sourceKeys) {
          const text = flat(target, k);
          expect(text.trim(), `${lang}/${ns}:${k} is empty`).not.toBe('');
          expect(placeholders(text), `${lang}/${ns}:${k}`).toEqual(placeholders(flat(source, k)));
        }
      });
    }
  }
});

describe('language negotiation', () => {
  it.each([
    [undefined, 'vi'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, ru;q=0.5', 'ru'],
    ['de', 'vi'],
    ['pt-BR;q=0.2, uk;q=0.8', 'uk'],
    ['hi;q=0', 'vi'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
  it('translates with parameters', () => {
    expect(translator('en')('common:test.hello', { name: 'Lan' })).toBe('Hello, Lan');
    expect(translator('vi')('common:test.hello', { name: 'Lan' })).toBe('Xin chào, Lan');
  });
});

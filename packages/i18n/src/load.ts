// One namespace of one language on demand: in the web app's build each catalogue file is its own chunk, so a browser
// downloads only the language it shows, and of it only the namespaces of the pages it opened.
import { NAMESPACES, isLanguage, type Language, type Namespace } from './languages.ts';
import type { Catalogue } from './resources.ts';

export function isNamespace(value: unknown): value is Namespace {
  return typeof value === 'string' && (NAMESPACES as readonly string[]).includes(value);
}

export async function loadNamespace<N extends Namespace>(lang: Language, ns: N): Promise<Catalogue[N]> {
  // checked again here: the names become part of a path
  if (!isLanguage(lang) || !isNamespace(ns)) throw new Error(`no catalogue ${String(lang)}/${String(ns)}`);
  const module = (await import(`../locales/${lang}/${ns}.json`)) as { default: Catalogue[N] };
  return module.default;
}

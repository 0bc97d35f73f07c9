import { readFileSync } from 'node:fs';
import { SERVER_DIR } from '../lib/locations.ts';

/**
 * Liberation Serif (SIL OFL 1.1, assets/fonts/OFL.txt), committed beside the server: found from the package directory,
 * so the sources and the bundle in dist/ read the same files. Read once per thread.
 */
export const FONT_FILES = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;

let cache: Record<keyof typeof FONT_FILES, Buffer> | null = null;

export function loadFonts(): Record<keyof typeof FONT_FILES, Buffer> {
  cache ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([style, file]) => [style, readFileSync(new URL(`assets/fonts/${file}`, SERVER_DIR))]),
  ) as Record<keyof typeof FONT_FILES, Buffer>;
  return cache;
}

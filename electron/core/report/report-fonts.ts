import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

// The report's font (Sarabun, OFL, from the npm package @fontsource/sarabun), embedded as data: URLs so the
// HTML opens offline and the PDF renders Thai on any machine, with or without Thai system fonts.

const require = createRequire(import.meta.url);
const FACES = [
  { subset: 'latin', weight: 400 },
  { subset: 'latin', weight: 700 },
  { subset: 'thai', weight: 400 },
  { subset: 'thai', weight: 700 },
] as const;
// The fontsource unicode ranges of the two subsets, so Chromium picks the right file per character.
const RANGES = {
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  thai: 'U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC',
};

let cached: Promise<string> | undefined;

export function embeddedFontCss(): Promise<string> {
  cached ??= Promise.all(
    FACES.map(async ({ subset, weight }) => {
      const file = require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff2`);
      const data = (await readFile(file)).toString('base64');
      return `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${RANGES[subset]}}`;
    }),
  ).then((faces) => faces.join('\n'));
  return cached;
}

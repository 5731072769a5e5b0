// One page setup for every PDF the product writes: the CLI (headless Chromium through Playwright) and the desktop app
// (Electron's webContents.printToPDF) print the same HTML with the same paper, margins and backgrounds.

export type PageSize = 'A4' | 'Letter';

/** Page margins in millimetres; the report's own @page rule uses the same numbers. */
export const PAGE_MARGINS_MM = { top: 12, right: 10, bottom: 12, left: 10 } as const;

const MM_PER_INCH = 25.4;

/** The report's CSS page rule: paper size and margins. */
export function pageRule(size: PageSize): string {
  const m = PAGE_MARGINS_MM;
  return `@page{size:${size};margin:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm}`;
}

/** Options for Playwright's page.pdf (margins as CSS lengths). */
export function playwrightPdfOptions(size: PageSize) {
  const m = PAGE_MARGINS_MM;
  return {
    format: size,
    printBackground: true,
    preferCSSPageSize: true,
    margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
  };
}

/** Options for Electron's webContents.printToPDF (margins in inches, as Electron takes them). */
export function electronPrintToPdfOptions(size: PageSize) {
  const m = PAGE_MARGINS_MM;
  return {
    pageSize: size,
    printBackground: true,
    preferCSSPageSize: true,
    margins: { top: m.top / MM_PER_INCH, right: m.right / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH },
  };
}

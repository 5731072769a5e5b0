import { withReportPage } from './headless-page';
import { playwrightPdfOptions, type PageSize } from './pdf-options';

/** The HTML report printed by headless Chromium (Electron's printToPDF does the same in the app). */
export async function renderPdf(html: string, page: PageSize = 'A4'): Promise<Uint8Array> {
  return withReportPage(html, async (p) => {
    await p.emulateMedia({ media: 'print' });
    // Embedded fonts decode asynchronously: print only once every face is ready, or text falls back.
    await p.evaluate(() => document.fonts.ready.then(() => undefined));
    return p.pdf(playwrightPdfOptions(page));
  });
}

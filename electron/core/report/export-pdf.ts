import { withReportPage } from './headless-page';

/** The HTML report printed to A4 PDF by headless Chromium (Electron's printToPDF does the same in the app). */
export async function renderPdf(html: string): Promise<Uint8Array> {
  return withReportPage(html, async (page) =>
    page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } }),
  );
}

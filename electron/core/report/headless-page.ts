import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './chromium';

/** Opens the report HTML in headless Chromium with every network request refused, runs `use`, and closes. */
export async function withReportPage<T>(html: string, use: (page: Page) => Promise<T>): Promise<T> {
  const executablePath = await requireChromium();
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await use(page);
  } finally {
    await browser.close();
  }
}

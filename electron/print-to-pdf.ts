// PDF export in the desktop app: the report's self-contained HTML printed by Electron's own Chromium.
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronPrintToPdfOptions, type PageSize } from './core/report/pdf-options';

export async function printToPdf(html: string, page: PageSize = 'A4'): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'sparse-studio-pdf-'));
  const file = join(dir, 'report.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await writeFile(file, html);
    await window.loadFile(file);
    return new Uint8Array(await window.webContents.printToPDF(electronPrintToPdfOptions(page)));
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

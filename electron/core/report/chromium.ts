import { access, constants } from 'node:fs/promises';
import { UserError } from '../util/errors';

export const CHROMIUM_ENV = 'SPARSE_STUDIO_CHROMIUM';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Flags for a quiet, offline, sandbox-free (containers) headless Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function executable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The Chromium to print PDFs with: $SPARSE_STUDIO_CHROMIUM, else the usual install locations. */
export async function findChromium(): Promise<string | undefined> {
  const fromEnv = process.env[CHROMIUM_ENV];
  if (fromEnv) return (await executable(fromEnv)) ? fromEnv : undefined;
  for (const path of CANDIDATES) if (await executable(path)) return path;
  return undefined;
}

export async function requireChromium(): Promise<string> {
  const path = await findChromium();
  if (path) return path;
  const fromEnv = process.env[CHROMIUM_ENV];
  throw new UserError(
    'CHROMIUM_NOT_FOUND',
    fromEnv ? `${CHROMIUM_ENV}=${fromEnv} is not an executable file` : 'No Chromium or Chrome found to print the PDF report',
    `Install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome) or set ${CHROMIUM_ENV} to its executable. The HTML report (--format html) needs no browser.`,
  );
}

// Where Electron's binary is, or why the desktop test cannot start it. `npm ci` skips the binary's download (see
// package.json allowScripts), so it is often absent; the test then skips with this reason instead of failing.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

const INSTALL_HINT =
  "run `node node_modules/electron/install.js` (or `npm start`, which fetches it once) on a machine that can reach Electron's GitHub releases";

// The electron package's main export, in plain Node, is the binary's path (it throws when path.txt is missing).
const packagedPath = (): string => createRequire(import.meta.url)('electron') as string;

export function electronBinary(lookUp: () => string = packagedPath, env = process.env): { path: string } | { skip: string } {
  let path: string;
  try {
    path = lookUp();
  } catch {
    return { skip: `Electron binary not installed (npx electron --version fails); ${INSTALL_HINT}` };
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { skip: `Electron binary missing or not executable at ${path}; ${INSTALL_HINT}` };
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { skip: 'no display for the Electron window (DISPLAY is not set); run it as `xvfb-run npm run test:electron`' };
  return { path };
}

// Builds the React renderer into dist/renderer with relative asset paths, so the same files load from file:// in
// Electron and from the browser-mode server. JSX goes through esbuild's automatic runtime (no React plugin needed).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One JS and one CSS file: the CSP allows only 'self' scripts, and no module preload polyfill is needed.
    modulePreload: false,
  },
  server: { host: '127.0.0.1' },
});

// `npm run serve`: browser mode. Serves the built renderer and the contract over a WebSocket on 127.0.0.1 only;
// the printed URL carries this launch's token.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppContext } from '../app/context';
import { EventBus } from '../app/event-bus';
import { createHandlers } from '../app/handlers';
import { startBrowserServer } from './ws-server';
import { appRoot } from '../core/util/app-root';

export async function serve(options: { port?: number; staticDir?: string; userDataDir?: string } = {}) {
  const bus = new EventBus();
  const context = await createAppContext({
    bus,
    transport: 'websocket',
    userDataDir: options.userDataDir ?? process.env.SPARSE_STUDIO_USER_DATA ?? join(homedir(), '.config', 'sparse-studio'),
  });
  const server = await startBrowserServer({
    handlers: createHandlers(context),
    bus,
    staticDir: options.staticDir ?? join(appRoot(), 'dist', 'renderer'),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return {
    ...server,
    close: async () => {
      context.dispose();
      await server.close();
    },
  };
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const server = await serve(values.port ? { port: Number(values.port) } : {});
  process.stdout.write(`Sparse Studio (browser mode) is listening on 127.0.0.1 only.\nOpen: ${server.url}\n`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

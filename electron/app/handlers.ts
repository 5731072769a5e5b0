import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppContext } from './context';
import type { Handlers } from './dispatch';
import { describeModel } from './describe-model';
import { inspectData } from './inspect-data';
import { readManifest } from '../core/runs/manifest';
import { listRuns } from '../core/report/list-runs';
import { buildReport } from '../core/report/build-report';
import { writeReport } from '../core/report/write-report';
import { renderReportHtml } from '../core/report/render-html';
import { systemLanguage } from '../core/util/system-language';
import { writeFileAtomic } from '../core/util/atomic-write';
import { inspectTfliteBytes } from '../core/tflite/inspect';
import { resolveBackend, tfjsNodeAvailable } from '../core/train/backend';
import { UserError } from '../core/util/errors';
import { appVersion } from '../core/util/app-root';
import type { JobConfig, JobName } from '../core/jobs/registry';

/** Every contract command, implemented with electron/core. Requests arrive already validated (see dispatch). */
export function createHandlers(context: AppContext): Handlers {
  return {
    'app.info': async () => ({
      version: appVersion(),
      platform: `${process.platform}-${process.arch}`,
      transport: context.transport,
      tfjsNode: await tfjsNodeAvailable(),
      defaultBackend: await resolveBackend('auto'),
      workspace: context.settings.get().workspace,
    }),
    'settings.get': async () => context.settings.get(),
    'settings.update': async (changes) => {
      const settings = await context.settings.update(changes);
      context.devices.setServer(settings.adbServer);
      return settings;
    },
    'data.inspect': (request) =>
      inspectData(request, (progress) => context.bus.emit('data.progress', { source: request.source, ...progress })),
    'model.describe': (request) => describeModel(request),
    'jobs.start': async (request) => {
      const adbServer = context.settings.get().adbServer;
      // Phone work goes to the adb server chosen in Settings unless the request names one.
      const config =
        'devices' in request.config && !request.config.adbServer && adbServer ? { ...request.config, adbServer } : request.config;
      return { jobId: context.jobs.start(request.job as JobName, config as JobConfig<JobName>) };
    },
    'jobs.cancel': async ({ jobId }) => ({ cancelled: context.jobs.cancel(jobId) }),
    'devices.list': () => context.devices.list(),
    'devices.connect': ({ host, port }) => context.devices.connect(host, port),
    'devices.details': ({ id }) => context.devices.details(id),
    'runs.list': () => listRuns(context.settings.get().workspace),
    'runs.show': async ({ runDir }) => readManifest(runDir),
    'report.build': ({ runDirs }) => buildReport(runDirs),
    'report.export': async ({ runDirs, format, out, lang, page }) => {
      const target = out ?? join(runDirs[0]!, 'report', `report.${format}`);
      const report = await buildReport(runDirs);
      const options = {
        lang: lang ?? context.settings.get().language ?? systemLanguage(),
        page: page ?? 'A4',
      };
      if (format === 'pdf' && context.printToPdf) {
        // The desktop app prints with Electron's own Chromium; the CLI and browser mode use headless Chromium.
        await writeFileAtomic(target, await context.printToPdf(await renderReportHtml(report, options), options.page));
        return { file: target };
      }
      const files = await writeReport(report, format, target, options);
      return { file: files[0] ?? target };
    },
    'tflite.inspect': async ({ file }) => {
      const bytes = await readFile(file).catch(() => {
        throw new UserError('FILE_NOT_FOUND', `Cannot read ${file}`, `Check the path; the folder ${dirname(file)} must exist.`);
      });
      return inspectTfliteBytes(new Uint8Array(bytes), file);
    },
  };
}

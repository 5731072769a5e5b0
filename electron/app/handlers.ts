import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Settings } from '../../shared/contract';
import type { AppContext } from './context';
import type { Handlers } from './dispatch';
import { describeModel } from './describe-model';
import { inspectData } from './inspect-data';
import { readManifest, updateRunLabels } from '../core/runs/manifest';
import { deleteRun } from './run-trash';
import { renderReportFile, reportFileName } from './report-file';
import { listRunsWithLabels } from './run-list';
import { forgetRunFolder, openRunFolder } from './opened-runs';
import { buildReport } from '../core/report/build-report';
import { writeReport } from '../core/report/write-report';
import { summaryCsv } from '../core/report/export-csv';
import { renderReportHtml, type PageSize } from '../core/report/render-html';
import type { Language } from '../../shared/i18n/languages';
import { systemLanguage } from '../core/util/system-language';
import { writeFileAtomic } from '../core/util/atomic-write';
import { inspectTfliteBytes } from '../core/tflite/inspect';
import { resolveBackend, tfjsNodeAvailable } from '../core/train/backend';
import { UserError } from '../core/util/errors';
import { appVersion } from '../core/util/app-root';
import type { JobConfig, JobName } from '../core/jobs/registry';
import { readWhatifReport } from '../core/whatif/whatif-run';
import { importIntoRun, importRun } from '../core/import/import-run';
import { defaultRunDir } from '../core/report/workspace';
import { ModelUploads } from './model-upload';

/** The app's settings with the adb program from the device settings, where the device service reads it. */
async function currentSettings(context: AppContext): Promise<Settings> {
  const adbPath = await context.devices.adbPath();
  return { ...context.settings.get(), ...(adbPath ? { adbPath } : {}) };
}

/** Every contract command, implemented with electron/core. Requests arrive already validated (see dispatch). */
export function createHandlers(context: AppContext): Handlers {
  const uploads = new ModelUploads();
  // An imported model gets a new run folder in the workspace unless the request names one.
  const importOut = (out: string | undefined): string => out ?? join(context.settings.get().workspace, basename(defaultRunDir('import')));
  const reportOptions = (lang: Language | undefined, page: PageSize | undefined): { lang: Language; page: PageSize } => ({
    lang: lang ?? context.settings.get().language ?? systemLanguage(),
    page: page ?? 'A4',
  });
  return {
    'app.info': async () => ({
      version: appVersion(),
      platform: `${process.platform}-${process.arch}`,
      transport: context.transport,
      tfjsNode: await tfjsNodeAvailable(),
      defaultBackend: await resolveBackend('auto'),
      workspace: context.settings.get().workspace,
      systemLanguage: systemLanguage(),
    }),
    'settings.get': async () => currentSettings(context),
    'settings.update': async (changes) => {
      if (changes.workspace !== undefined && !isAbsolute(changes.workspace)) {
        throw new UserError(
          'RELATIVE_WORKSPACE',
          `The workspace folder must be a full path; '${changes.workspace}' is a relative path`,
          'Enter a full path, such as /home/me/SparseStudio/runs or C:\\Users\\me\\SparseStudio\\runs.',
        );
      }
      const { adbPath, language, ...appSettings } = changes;
      // An empty adb path clears it (adb from PATH); undefined leaves it as it is.
      if (adbPath !== undefined) await context.devices.setAdbPath(adbPath || undefined);
      if (language === 'system') await context.settings.forget('language');
      const settings = await context.settings.update({ ...appSettings, ...(language && language !== 'system' ? { language } : {}) });
      context.devices.setServer(settings.adbServer);
      return currentSettings(context);
    },
    'data.inspect': (request) =>
      inspectData(request, (progress) => context.bus.emit('data.progress', { source: request.source, ...progress })),
    'model.describe': (request) => describeModel(request),
    'model.upload': async ({ uploadId, name, base64 }) => {
      const id = uploadId ?? uploads.start();
      const bytes = name !== undefined && base64 !== undefined ? uploads.append(id, name, Buffer.from(base64, 'base64')) : 0;
      return { uploadId: id, bytes };
    },
    'model.import': async (request) => {
      const common = { out: importOut(request.out), ...(request.inputSize ? { inputSize: request.inputSize } : {}) };
      if ('path' in request) return importRun({ path: request.path, ...common });
      return importIntoRun(uploads.take(request.uploadId, request.main), { path: request.main, ...common });
    },
    'jobs.start': async (request) => {
      const adbServer = context.settings.get().adbServer;
      // Phone work goes to the adb server chosen in Settings unless the request names one.
      let config: JobConfig<JobName> =
        'devices' in request.config && !request.config.adbServer && adbServer ? { ...request.config, adbServer } : request.config;
      // Reports a job writes (pipeline, benchmark, whatif) are in the app's language unless the request names one.
      if ((request.job === 'pipeline' || request.job === 'benchmark' || request.job === 'whatif') && !('lang' in config && config.lang))
        config = { ...config, lang: context.settings.get().language ?? systemLanguage() } as JobConfig<JobName>;
      return { jobId: context.jobs.start(request.job as JobName, config) };
    },
    'jobs.cancel': async ({ jobId }) => ({ cancelled: context.jobs.cancel(jobId) }),
    'devices.list': () => context.devices.list(),
    'devices.connect': ({ host, port }) => context.devices.connect(host, port),
    'devices.pair': ({ host, port, code }) => context.devices.pair(host, port, code),
    'devices.details': ({ id }) => context.devices.details(id),
    'devices.disconnect': ({ id, forget }) => context.devices.disconnect(id, forget),
    'runs.list': () => listRunsWithLabels(context.settings.get().workspace, context.settings.get().runFolders),
    'runs.show': async ({ runDir }) => readManifest(runDir),
    'runs.update': ({ runDir, name, note }) =>
      updateRunLabels(runDir, { ...(name !== undefined ? { name } : {}), ...(note !== undefined ? { note } : {}) }),
    'runs.delete': ({ runDir }) => deleteRun(context.settings.get().workspace, runDir, context.trashItem),
    'runs.open': ({ runDir }) => openRunFolder(context, runDir),
    'runs.forget': ({ runDir }) => forgetRunFolder(context, runDir),
    'report.build': ({ runDirs }) => buildReport(runDirs),
    'report.export': async ({ runDirs, format, out, lang, page }) => {
      let target = out;
      if (target === undefined && context.chooseSavePath) {
        // The desktop app asks where to save, suggesting a name of the run's own rather than report/report.*.
        target = await context.chooseSavePath(join(runDirs[0]!, 'report', reportFileName(runDirs, format)));
        if (target === undefined) return { cancelled: true as const };
      }
      target ??= join(runDirs[0]!, 'report', reportFileName(runDirs, format));
      const report = await buildReport(runDirs);
      if (format === 'summary-csv') {
        await writeFileAtomic(target, summaryCsv(report));
        return { file: target };
      }
      const options = reportOptions(lang, page);
      if (format === 'pdf' && context.printToPdf) {
        // The desktop app prints with Electron's own Chromium; the CLI and browser mode use headless Chromium.
        await writeFileAtomic(target, await context.printToPdf(await renderReportHtml(report, options), options.page));
        return { file: target };
      }
      const files = await writeReport(report, format, target, options);
      return { file: files[0] ?? target };
    },
    'report.download': async ({ runDirs, format, lang, page }) => {
      const file = await renderReportFile(await buildReport(runDirs), runDirs, format, reportOptions(lang, page), context.printToPdf);
      return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
    },
    'tflite.inspect': async ({ file }) => {
      const bytes = await readFile(file).catch(() => {
        throw new UserError('FILE_NOT_FOUND', `Cannot read ${file}`, `Check the path; the folder ${dirname(file)} must exist.`);
      });
      return inspectTfliteBytes(new Uint8Array(bytes), file);
    },
    'whatif.report': ({ runDir }) => readWhatifReport(runDir),
  };
}

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { iterateBatches, modelImageSize } from '../../core/data/batches';
import { loadDataset } from '../../core/data/load';
import { sliceSplit } from '../../core/data/split-views';
import { profileOnHost } from '../../core/host/profile-run';
import { validateTflite } from '../../core/host/validate';
import { DEFAULT_RUNTIME_TIMEOUT_MS } from '../../core/host/runtime-worker';
import { loadModel } from '../../core/model/io';
import { resolveModelDir } from '../../core/tflite/source-model-dir';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';
import { intOption, numberOption, requiredString, stringOption } from '../options';

const USAGE = `Usage: sparse-studio validate FILE.tflite --from RUN_DIR [--model NAME] [--data sample|cifar10|PATH] [--limit N] [--timeout SEC] [--json]

Runs FILE.tflite in the real TFLite runtime (WebAssembly, XNNPACK) and the source model in TF.js on the same test
images; prints the largest logit difference, the class agreement, and whether sparse inference ran.

Options:
  --from PATH      model folder or run folder the file was converted from
  --model NAME     the run folder's sub-folder (pruned, dense-fixed, dense)
  --data SOURCE    test images (default: sample, the bundled CIFAR-10 cut)
  --limit N        number of test images (default: 100)
  --timeout SEC    limit for the TFLite runtime's work on the file (default 300); it is stopped after that
  --cache-dir DIR  where downloads and decoded data are cached
  --json           one JSON object on stdout`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'compare a .tflite file with its source model on test images in the real TFLite runtime',
  usage: USAGE,
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    model: { type: 'string' },
    data: { type: 'string' },
    limit: { type: 'string' },
    timeout: { type: 'string' },
    'cache-dir': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals, io) {
    const [file, extra] = positionals;
    if (!file || extra) throw new UserError('BAD_ARGUMENTS', 'validate takes exactly one .tflite file', USAGE);
    const path = resolve(file);
    const bytes = new Uint8Array(
      await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new UserError('FILE_NOT_FOUND', `Cannot read ${path}: ${error.code ?? error.message}`);
      }),
    );
    const source = await loadModel(await resolveModelDir(resolve(requiredString(values, 'from')), stringOption(values, 'model')));
    const limit = intOption(values, 'limit', 100, 1);
    const cacheDir = stringOption(values, 'cache-dir');
    const dataset = await loadDataset(stringOption(values, 'data') ?? 'sample', cacheDir ? { cacheDir: resolve(cacheDir) } : {});
    const count = Math.min(limit, dataset.test.count);
    const test = sliceSplit(dataset.test, 0, count);
    const imageSize = modelImageSize(source.spec.inputShape, source.spec.name);
    const [batch] = iterateBatches(test, Math.max(count, 1), { shuffle: false, imageSize });
    const images = batch?.x ?? new Float32Array(0);
    const call = { timeoutMs: numberOption(values, 'timeout', DEFAULT_RUNTIME_TIMEOUT_MS / 1000, 1) * 1000 };
    const result = await validateTflite(bytes, path, source, images, count, 'tfjs-cpu', call);
    const sparse = await profileOnHost(bytes, path, 1, call);
    if (values.json === true) {
      jsonLine(io, {
        type: 'validation',
        ...result,
        data: dataset.source,
        sparseInference: { engaged: sparse.engaged, reason: sparse.reason, operators: sparse.xnnpackOperators },
      });
      return 0;
    }
    io.stdout.write(
      [
        `File:            ${path}`,
        `Images:          ${count} test images from ${dataset.source}`,
        `Max |Δ logit|:   ${result.maxAbsDiff.toExponential(3)} (mean ${result.meanAbsDiff.toExponential(3)}) vs TF.js (${result.referenceBackend})`,
        `Same class:      ${(result.classAgreement * 100).toFixed(2)} %${result.disagreements.length ? ` (differs on images ${result.disagreements.slice(0, 10).join(', ')})` : ''}`,
        `Sparse inference engaged: ${sparse.engaged} — ${sparse.reason}`,
      ].join('\n') + '\n',
    );
    return 0;
  },
};

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadModel } from '../../core/model/io';
import { convertToTflite } from '../../core/tflite/convert';
import { inspectTfliteBytes } from '../../core/tflite/inspect';
import { resolveModelDir } from '../../core/tflite/source-model-dir';
import { jsonLine, type CliCommand } from '../command';
import { requiredString, stringOption } from '../options';

const USAGE = `Usage: sparse-studio convert --from RUN_DIR [--model pruned|dense-fixed|dense] [--sparse] --out FILE.tflite [--json]

Writes the model as a TFLite flatbuffer, as TensorFlow's converter does (batch norm folded, ReLU fused).

Options:
  --from PATH      a model folder (model.json + weights.bin) or a run folder (uses pruned/, else dense-fixed/, else dense/)
  --model NAME     pick the run folder's sub-folder explicitly
  --sparse         store weights with >= 30 % zeros sparse, read through DENSIFY (EXPERIMENTAL_SPARSITY)
  --out FILE       the .tflite file to write (required)
  --json           one JSON object on stdout`;

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'convert a trained or pruned model to .tflite (dense or sparse)',
  usage: USAGE,
  options: {
    from: { type: 'string' },
    model: { type: 'string' },
    sparse: { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const dir = await resolveModelDir(resolve(requiredString(values, 'from')), stringOption(values, 'model'));
    const out = resolve(requiredString(values, 'out'));
    const sparse = values.sparse === true;
    const { spec, weights } = await loadModel(dir);
    const result = convertToTflite(spec, weights, { sparse });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, result.bytes);
    const verdict = inspectTfliteBytes(result.bytes, out).sparseInference;
    if (values.json === true) {
      jsonLine(io, {
        type: 'converted',
        from: dir,
        out,
        bytes: result.bytes.length,
        sparse,
        sparsity: result.sparsity,
        sparseInference: verdict,
      });
      return 0;
    }
    const lines = [`Converted ${dir} (${spec.name}) -> ${out} (${result.bytes.length} bytes, ${sparse ? 'sparse' : 'dense'})`];
    if (result.sparsity) {
      if (result.sparsity.encoded.length === 0) lines.push('No weight has 30 % zeros or more: nothing was stored sparse.');
      for (const t of result.sparsity.encoded) {
        lines.push(
          `  sparse ${t.tensor} [${t.shape}] ${(t.zeroFraction * 100).toFixed(1)} % zeros: ${t.nonZeros} values, ${t.denseBytes} -> ${t.sparseBytes} bytes`,
        );
      }
      for (const s of result.sparsity.skipped) lines.push(`  kept dense ${s.tensor}: ${s.reason}`);
      lines.push(`Bytes saved by sparse storage: ${result.sparsity.bytesSaved}`);
    }
    lines.push(`XNNPACK sparse inference: ${verdict.eligible ? 'eligible' : 'not eligible'} (${verdict.summary})`);
    io.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};

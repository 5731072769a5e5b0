import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../electron/cli/main';
import { guideModel } from '../../electron/core/model/baseline';
import { loadModel, saveModel } from '../../electron/core/model/io';
import { initWeights } from '../../electron/core/model/weights';
import { sameStemModel } from './models';
import { sameDepthwise, sameStem } from './graph-models';

const START =
  'Could not find `Conv2D 3x3` layer with stride 2x2, `input filters == 3` and `VALID` padding and preceding `ZeroPadding2D` with `padding == 1` in all input branches of the model';
const END = 'Could not find a `GlobalAveragePooling2D` layer with `keepdims = True` in all output branches';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await runCli(args, { stdout, stderr, interactive: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function withTemp(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'prune-cli-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("check-xnnpack: the baseline fails with the guide's message, the keepdims variant passes", () =>
  withTemp(async (dir) => {
    await saveModel(join(dir, 'baseline', 'dense'), guideModel(false), initWeights(guideModel(false), 1));
    await saveModel(join(dir, 'keepdims'), guideModel(true), initWeights(guideModel(true), 1));
    const failing = await cli(['check-xnnpack', join(dir, 'baseline')]);
    assert.equal(failing.code, 1);
    assert.ok(failing.stdout.includes(`TFMOT would raise: ${END}`));
    assert.match(failing.stdout, /global_average_pooling2d \[end-layer\]/);
    const json = await cli(['check-xnnpack', join(dir, 'keepdims', 'model.json'), '--json']);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout.trim()), {
      type: 'check',
      model: join(dir, 'keepdims'),
      stage: 'original',
      ok: true,
      diagnostics: [],
    });
  }));

test("check-xnnpack: a 3x3 stride-2 'same' stem fails with the start-layer message and passes after --fix", () =>
  withTemp(async (dir) => {
    const spec = sameStemModel();
    const weights = initWeights(spec, 2);
    await saveModel(join(dir, 'stem'), spec, weights);
    const before = await cli(['check-xnnpack', join(dir, 'stem'), '--json']);
    assert.equal(before.code, 1);
    const check = JSON.parse(before.stdout.trim());
    assert.equal(check.message, START);
    assert.deepEqual(
      check.diagnostics.map((d: { layer: string }) => d.layer),
      ['conv2d'],
    );
    const fixed = await cli(['check-xnnpack', join(dir, 'stem'), '--fix', '--out', join(dir, 'fixed')]);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stdout, /ZeroPadding2D\(1\).*sampling grid moves by 1 pixel/);
    assert.match(fixed.stdout, /needs fine-tuning/);
    const after = await cli(['check-xnnpack', join(dir, 'fixed')]);
    assert.equal(after.code, 0);
    const saved = await loadModel(join(dir, 'fixed'));
    assert.deepEqual(
      saved.weights.tensors.map((t) => Array.from(t.values)),
      weights.tensors.map((t) => Array.from(t.values)),
    );
    assert.equal(saved.spec.layers[0]!.type, 'ZeroPadding2D');
  }));

test("check-xnnpack on a graph: 'same' stem and 'same' stride-2 depthwise named, --fix --out writes a model that passes", () =>
  withTemp(async (dir) => {
    const spec = sameDepthwise(sameStem());
    const weights = initWeights(spec, 4);
    await saveModel(join(dir, 'graph'), spec, weights);
    const before = await cli(['check-xnnpack', join(dir, 'graph')]);
    assert.equal(before.code, 1);
    assert.ok(before.stdout.includes(`TFMOT would raise: ${START}`), before.stdout);
    assert.match(before.stdout, /- stem \[start-layer\][^]*Rule: every path from the input[^]*- down_dw \[layer-support\]/);
    const fixed = await cli(['check-xnnpack', join(dir, 'graph'), '--fix', '--out', join(dir, 'fixed')]);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.equal(fixed.stdout.match(/\[needs fine-tuning\]/g)?.length, 2, fixed.stdout);
    const after = await cli(['check-xnnpack', join(dir, 'fixed'), '--json']);
    assert.equal(after.code, 0, after.stdout);
    const saved = await loadModel(join(dir, 'fixed'));
    assert.deepEqual(
      saved.weights.tensors.map((t) => [t.name, Array.from(t.values)]),
      weights.tensors.map((t) => [t.name, Array.from(t.values)]),
    );
    assert.deepEqual(saved.spec.layers.find((l) => l.name === 'down_dw')!.inputs, ['zero_padding2d_1']);
  }));

test('check-xnnpack reports a missing model and a bad argument', async () => {
  const missing = await cli(['check-xnnpack', '/nonexistent/model-dir']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /does not exist/);
  await withTemp(async (dir) => {
    const empty = await cli(['check-xnnpack', dir]);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /No model in .*expected .*model\.json or a run folder with dense\/model\.json/);
  });
  const noArg = await cli(['check-xnnpack']);
  assert.equal(noArg.code, 1);
  assert.match(noArg.stderr, /exactly one MODEL or RUN_DIR/);
});

test('prune refuses a model that fails the policy with the message, the diagnostics and the --fix hint', () =>
  withTemp(async (dir) => {
    await saveModel(join(dir, 'run', 'dense'), guideModel(false), initWeights(guideModel(false), 1));
    const result = await cli(['prune', '--from', join(dir, 'run'), '--out', join(dir, 'run')]);
    assert.equal(result.code, 1);
    assert.ok(result.stderr.startsWith(`Error: ${END}\n`), result.stderr);
    assert.match(result.stderr, /Run again with --fix/);
  }));

test('prune rejects an out-of-range final sparsity before any work', () =>
  withTemp(async (dir) => {
    const result = await cli(['prune', '--from', join(dir, 'none'), '--final', '1', '--out', join(dir, 'out')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--final must be a number from 0 to below 1/);
  }));

test('prune --fix on a small data set writes an exactly sparse model and the pruning metrics', () =>
  withTemp(async (dir) => {
    await saveModel(join(dir, 'run', 'dense'), guideModel(false), initWeights(guideModel(false), 3));
    const args = ['prune', '--from', join(dir, 'run'), '--fix', '--data', 'sample', '--limit', '80', '--batch-size', '36'];
    const result = await cli([
      ...args,
      '--epochs',
      '1',
      '--end-epoch',
      '1',
      '--frequency',
      '1',
      '--backend',
      'fast-cpu',
      '--out',
      join(dir, 'run'),
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines[0].kind, 'fix');
    const summary = lines.at(-1);
    assert.equal(summary.type, 'summary');
    const model = await loadModel(join(dir, 'run', 'pruned'));
    const zeros = (name: string) => model.weights.get(name).values.filter((v) => v === 0).length;
    assert.equal(zeros('conv2d_1/kernel'), 96);
    assert.equal(zeros('conv2d_2/kernel'), 384);
    assert.equal(zeros('dense/kernel'), 0);
    assert.deepEqual(model.spec, { ...guideModel(true), name: 'baseline' }, 'the saved model is the fixed (keepdims) one');
    const metrics = JSON.parse(await readFile(join(dir, 'run', 'pruning-metrics.json'), 'utf8'));
    assert.deepEqual(metrics.pruning.tensors, ['conv2d_1/kernel', 'conv2d_2/kernel']);
    assert.deepEqual(
      metrics.pruning.epochs[0].tensors.map((t: { sparsity: number }) => t.sparsity),
      [0.75, 0.75],
    );
    assert.equal(metrics.pruning.schedule.class_name, 'PolynomialDecay');
    assert.equal(metrics.fixes[0].kind, 'gap-keepdims');
    const kernel = model.weights.get('conv2d_1/kernel').values; // [1, 1, 8, 16]
    const dead = [...Array(16).keys()].filter((o) => [...Array(8).keys()].every((i) => kernel[i * 16 + o] === 0));
    const reported = metrics.sparsity.find((t: { name: string }) => t.name === 'conv2d_1/kernel');
    assert.deepEqual(reported.deadOutputChannels, dead);
    assert.deepEqual(
      metrics.sparsity.map((t: { layer: string; pruned: boolean; batchNormAfter: boolean }) => [
        t.layer,
        t.pruned,
        t.batchNormAfter,
      ]),
      [
        ['conv2d', false, true],
        ['depthwise_conv2d', false, true],
        ['conv2d_1', true, true],
        ['depthwise_conv2d_1', false, true],
        ['conv2d_2', true, true],
        ['dense', false, false],
      ],
    );
  }));

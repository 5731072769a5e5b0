import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Runtimes without WebAssembly SIMD get the scalar JavaScript kernels; SPARSE_STUDIO_WASM=0 takes the same path
// (the choice is made once per process, so each side runs in its own process).
function oneStep(env: Record<string, string>): { kind: string; loss: number; weights: number[] } {
  const script = `
    import { guideModel } from './electron/core/model/baseline.ts';
    import { initWeights } from './electron/core/model/weights.ts';
    import { createFastTrainer } from './electron/core/train/fast/trainer.ts';
    import { kernelKind } from './electron/core/train/fast/wasm/kernel-memory.ts';
    import { createRng } from './electron/core/util/rng.ts';
    const spec = guideModel(false);
    const rng = createRng(4);
    const x = Float32Array.from({ length: 8 * 3072 }, () => rng.next());
    const labels = Int32Array.from({ length: 8 }, () => rng.int(10));
    const trainer = createFastTrainer({ spec, weights: initWeights(spec, 2) });
    const { loss } = trainer.trainStep({ x, labels, size: 8 });
    const weights = Array.from(trainer.weights().read('conv2d_2/kernel'));
    console.log(JSON.stringify({ kind: kernelKind(), loss, weights }));`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

test('without WebAssembly SIMD the scalar kernels are selected and train like the SIMD ones', () => {
  const scalar = oneStep({ SPARSE_STUDIO_WASM: '0' });
  const simd = oneStep({ SPARSE_STUDIO_WASM: '' });
  assert.equal(scalar.kind, 'js-scalar');
  assert.equal(simd.kind, 'wasm-simd');
  assert.ok(Math.abs(scalar.loss - simd.loss) < 1e-5, `loss ${scalar.loss} vs ${simd.loss}`);
  const worst = Math.max(...scalar.weights.map((w, i) => Math.abs(w - simd.weights[i]!)));
  assert.ok(worst < 2e-5, `weights after one step differ by ${worst}`);
});

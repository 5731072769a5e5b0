import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { MODEL_NAMES, modelByName } from '../../electron/core/model/built-in';
import { multiplyAddsPerImage } from '../../electron/core/model/multiply-adds';
import { countParameters, graphShapes, outputShape } from '../../electron/core/model/shapes';
import { buildTfjsModel } from '../../electron/core/train/tfjs-model';

// keras.applications' model.summary() with the ImageNet head (1,000 classes, alpha 1.0). Parameter counts do not
// depend on the input size or strides, so the CIFAR variants must match them exactly.
const KERAS_IMAGENET_PARAMETERS = [
  { model: 'mobilenetv2-cifar', total: 3_538_984, trainable: 3_504_872 },
  { model: 'mobilenetv3s-cifar', total: 2_554_968, trainable: 2_542_856 },
] as const;

for (const reference of KERAS_IMAGENET_PARAMETERS) {
  test(`${reference.model} at width 1 with 1,000 classes has keras.applications' parameter count`, () => {
    const counts = countParameters(modelByName(reference.model, { classes: 1000, width: 1 }));
    assert.equal(counts.total, reference.total);
    assert.equal(counts.trainable, reference.trainable);
  });
}

for (const name of ['mobilenetv2-cifar', 'mobilenetv3s-cifar'] as const) {
  test(`${name}: the TF.js build has the same parameters and runs on 32x32x3`, () => {
    const spec = modelByName(name, { classes: 10 });
    const model = buildTfjsModel(spec);
    try {
      const counts = countParameters(spec);
      assert.equal(model.countParams(), counts.total);
      const trainable = model.trainableWeights.reduce((n, w) => n + w.shape.reduce((a, b) => a! * b!, 1)!, 0);
      assert.equal(trainable, counts.trainable);
      const logits = tf.tidy(() =>
        (model.predict(tf.randomNormal([2, 32, 32, 3], 0, 1, 'float32', 1)) as tf.Tensor2D).arraySync(),
      );
      assert.deepEqual([logits.length, logits[0]!.length], [2, 10]);
      assert.ok(logits.flat().every(Number.isFinite));
    } finally {
      model.dispose();
    }
  });
}

test('the MobileNets have residual Adds, ReLU6 / hard-swish, SE blocks, 5x5 depthwise and the XNNPACK stem', () => {
  const v2 = modelByName('mobilenetv2-cifar');
  assert.ok(v2.layers.some((l) => l.type === 'Add'));
  assert.ok(v2.layers.some((l) => l.type === 'ReLU' && l.maxValue === 6));
  const v3 = modelByName('mobilenetv3s-cifar');
  assert.ok(v3.layers.some((l) => l.type === 'Activation' && l.activation === 'hard_swish'));
  assert.ok(v3.layers.some((l) => l.type === 'Multiply'));
  assert.ok(
    v3.layers.some((l) => l.type === 'GlobalAveragePooling2D' && l.keepdims && l.name.endsWith('squeeze_excite_AvgPool')),
  );
  assert.ok(
    v3.layers.some((l) => l.type === 'DepthwiseConv2D' && l.kernelSize[0] === 5 && l.strides[0] === 2 && l.padding === 'valid'),
  );
  for (const spec of [v2, v3]) {
    const [pad, stem] = spec.layers;
    assert.equal(pad?.type, 'ZeroPadding2D');
    assert.equal(stem?.type === 'Conv2D' && `${stem.kernelSize}/${stem.strides}/${stem.padding}`, '3,3/2,2/valid');
    // Every stride-2 depthwise reads a symmetric ZeroPadding2D of (kernel - 1) / 2.
    for (const layer of spec.layers) {
      if (layer.type !== 'DepthwiseConv2D' || layer.strides[0] !== 2) continue;
      const producer = spec.layers.find((l) => l.name === layer.inputs[0]);
      const amount = (layer.kernelSize[0] - 1) / 2;
      assert.deepEqual(
        producer?.type === 'ZeroPadding2D' && producer.padding,
        [
          [amount, amount],
          [amount, amount],
        ],
        layer.name,
      );
    }
  }
});

test('the width multiplier scales the MobileNets and is refused for the guide CNN', () => {
  const narrow = countParameters(modelByName('mobilenetv2-cifar', { width: 0.35 })).total;
  const wide = countParameters(modelByName('mobilenetv2-cifar', { width: 1 })).total;
  assert.ok(narrow < wide);
  assert.throws(() => modelByName('baseline', { width: 0.5 }), /no width multiplier/);
  assert.throws(() => modelByName('mobilenetv2-cifar', { width: 0 }), /width must be between/);
});

test('multiply-adds per image: the guide CNN by hand, and every built-in model ends in its classes', () => {
  // conv2d 16x16x(3x3x3)x8 + depthwise 16x16x9x8 + conv2d_1 16x16x8x16 + depthwise_1 8x8x9x16 + conv2d_2 8x8x16x32 + dense 32x10
  const guide = 16 * 16 * 27 * 8 + 16 * 16 * 9 * 8 + 16 * 16 * 8 * 16 + 8 * 8 * 9 * 16 + 8 * 8 * 16 * 32 + 32 * 10;
  assert.equal(multiplyAddsPerImage(modelByName('baseline')), guide);
  for (const name of MODEL_NAMES) {
    const spec = modelByName(name, { classes: 7 });
    graphShapes(spec);
    assert.deepEqual(outputShape(spec), [7], name);
  }
});

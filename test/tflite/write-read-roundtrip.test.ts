import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerModel } from '../../electron/core/tflite/lower-model';
import { readTflite } from '../../electron/core/tflite/read-model';
import { sparsifyGraph } from '../../electron/core/tflite/sparsify';
import { denseFloats } from '../../electron/core/tflite/tensor-values';
import { writeTflite } from '../../electron/core/tflite/write-model';
import type { IrGraph } from '../../electron/core/tflite/graph-ir';
import { GRAPH_CASES } from './graph-cases';
import { prunePointwise, randomWeights } from './graph-models';
import { testModel } from './test-model';

function roundTrip(graph: IrGraph, order: 'hoisted' | 'interleaved'): void {
  const model = readTflite(writeTflite(graph, { tensorOrder: order, modelHash: 42n, toolVersion: 'test' }), 'rt.tflite');
  const sg = model.subgraphs[0]!;
  assert.equal(sg.tensors.length, graph.tensors.length);
  assert.equal(sg.operators.length, graph.ops.length);
  // Map written tensors back by name (names are unique in the graph).
  const byName = new Map(sg.tensors.map((t) => [t.name, t]));
  for (const t of graph.tensors) {
    const read = byName.get(t.name)!;
    assert.ok(read, t.name);
    assert.deepEqual(read.shape, t.shape, t.name);
    assert.deepEqual(read.shapeSignature, t.shapeSignature, t.name);
    assert.equal(read.type, t.type);
    assert.equal(Boolean(read.sparsity), Boolean(t.sparse));
    if (t.type === 'float32' && t.data) {
      const values = denseFloats(model, read)!;
      if (t.sparse) assert.equal(values.filter((v) => v !== 0).length, t.data.length, t.name);
      else assert.deepEqual(Array.from(values), Array.from(t.data), t.name);
    }
  }
  graph.ops.forEach((op, i) => {
    const read = sg.operators[i]!;
    assert.equal(read.opName, op.op);
    assert.deepEqual(
      read.inputs.map((k) => sg.tensors[k]!.name),
      op.inputs.map((k) => graph.tensors[k]!.name),
    );
    assert.deepEqual(
      read.outputs.map((k) => sg.tensors[k]!.name),
      op.outputs.map((k) => graph.tensors[k]!.name),
    );
  });
  assert.deepEqual(
    sg.inputs.map((k) => sg.tensors[k]!.name),
    graph.inputs.map((k) => graph.tensors[k]!.name),
  );
  assert.deepEqual(
    sg.outputs.map((k) => sg.tensors[k]!.name),
    graph.outputs.map((k) => graph.tensors[k]!.name),
  );
}

test('writer -> reader round trip keeps every tensor, value and connection (both tensor orders, dense and sparse)', () => {
  const { spec, weights } = testModel(13);
  const graph = lowerModel(spec, weights);
  roundTrip(graph, 'hoisted');
  roundTrip(graph, 'interleaved');
  roundTrip(sparsifyGraph(graph).graph, 'interleaved');
});

test('round trip of every graph case (ADD, MUL, LOGISTIC, HARD_SWISH, MEAN keep_dims, RESHAPE, PAD), dense and sparse', () => {
  for (const c of GRAPH_CASES) {
    const weights = randomWeights(c.spec, 3);
    roundTrip(lowerModel(c.spec, weights), 'hoisted');
    roundTrip(sparsifyGraph(lowerModel(c.spec, prunePointwise(c.spec, weights, 0.75))).graph, 'interleaved');
  }
});

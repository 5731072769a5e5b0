// The Model step's diagnostics and layer table for a graph, rendered with react-dom/server from the real
// describe-model output (the same data model.describe sends the screen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactElement } from 'react';
import { renderToStaticMarkup as markup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../shared/i18n/i18n';
import { describeSpec } from '../../electron/app/describe-model';
import { modelByName } from '../../electron/core/model/built-in';
import { LayerTable, XnnpackDiagnosticList } from '../../renderer/src/screens/ModelDetails';
import { miniMobileNet, sameDepthwise, sameStem } from '../prune/graph-models';

const english = createI18n('en');
/** The screens read their words from the app's i18next (English here, as the assertions are). */
const renderToStaticMarkup = (el: ReactElement): string => markup(<I18nextProvider i18n={english}>{el}</I18nextProvider>);

const failingSet = (d: ReturnType<typeof describeSpec>) =>
  new Set(d.xnnpack.diagnostics.map((x) => x.layer).filter((l): l is string => l !== null));

/** The text of the element whose data-testid is `id` (its first closing tag of `tag`). */
function section(html: string, tag: string, id: string): string {
  const start = html.indexOf(`data-testid="${id}"`);
  assert.ok(start >= 0, `${id} is rendered`);
  const from = html.indexOf('>', start) + 1;
  return html
    .slice(from, html.indexOf(`</${tag}>`, from))
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

test('graph diagnostics render on the Model step: each failing layer named, highlighted, with its rule and fix', () => {
  const described = describeSpec(sameDepthwise(sameStem(miniMobileNet())));
  const failing = failingSet(described);
  assert.deepEqual([...failing], ['stem', 'down_dw']);
  const list = renderToStaticMarkup(<XnnpackDiagnosticList diagnostics={described.xnnpack.diagnostics} fixChosen={false} />);
  const stem = section(list, 'li', 'diagnostic-stem');
  assert.match(stem, /^stem start-layer/);
  assert.match(stem, /Rule: every path from the input passes a start layer/);
  assert.match(stem, /ZeroPadding2D\(1\) \+ padding 'valid' \(the Fix button below does it/);
  assert.doesNotMatch(list, /check-xnnpack/);
  assert.match(section(list, 'li', 'diagnostic-down_dw'), /down_dw layer-support.*Layer DepthwiseConv2D is not supported/);

  const table = renderToStaticMarkup(<LayerTable model={described} failing={failing} fixChosen={false} />);
  assert.deepEqual(
    [...table.matchAll(/data-testid="layer-failing-([^"]+)"/g)].map((m) => m[1]),
    ['stem', 'down_dw'],
  );
  assert.match(table, /<th>Reads<\/th>/);
  assert.match(section(table, 'tr', 'layer-failing-stem'), /fails the check/);
  assert.match(
    table,
    /<code>residual<\/code>.*?<td>Add<\/td><td class="layer-inputs">stem_relu, project_bn<\/td><td>4 × 4 × 8<\/td>/,
  );
  assert.match(table, /<code>se_pool<\/code>.*?<td>1 × 1 × 8<\/td>/);
  assert.deepEqual(
    [...table.matchAll(/data-testid="layer-pruned-([^"]+)"/g)].map((m) => m[1]),
    ['expand', 'project', 'se_squeeze', 'se_excite', 'head_conv'],
  );
  assert.match(table, /<code>stem<\/code>.*?<td class="layer-inputs">input<\/td>/);

  const chosen = renderToStaticMarkup(<LayerTable model={described} failing={failing} fixChosen />);
  assert.match(section(chosen, 'tr', 'layer-failing-down_dw'), /fixed at pruning/);
});

test('a chain keeps the table without a Reads column; the built-in MobileNets show theirs and no failing layer', () => {
  const chain = describeSpec(modelByName('baseline'));
  const html = renderToStaticMarkup(<LayerTable model={chain} failing={failingSet(chain)} fixChosen={false} />);
  assert.doesNotMatch(html, /<th>Reads<\/th>/);
  assert.deepEqual(
    [...html.matchAll(/data-testid="layer-failing-([^"]+)"/g)].map((m) => m[1]),
    ['global_average_pooling2d'],
  );
  for (const name of ['mobilenetv2-cifar', 'mobilenetv3s-cifar'] as const) {
    const d = describeSpec(modelByName(name));
    assert.equal(d.xnnpack.ok, true, name);
    const table = renderToStaticMarkup(<LayerTable model={d} failing={failingSet(d)} fixChosen={false} />);
    assert.match(table, /<th>Reads<\/th>/);
    assert.doesNotMatch(table, /layer-failing-/);
  }
});

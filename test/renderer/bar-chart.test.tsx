import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { BarChart } from '../../shared/report-view/charts/BarChart';
import { wrapLabel } from '../../shared/report-view/charts/axis';

const LONG = 'This computer (AMD EPYC 7B13 64-Core Processor, WebAssembly)';

describe('chart labels keep device names whole (18.7)', () => {
  it('wrapLabel breaks at spaces only and loses no character', () => {
    const lines = wrapLabel(LONG, 22);
    assert.ok(lines.every((l) => l.length <= 22 || !l.includes(' ')), JSON.stringify(lines));
    assert.equal(lines.join(' '), LONG);
    assert.deepEqual(wrapLabel('host', 22), ['host']);
    assert.deepEqual(wrapLabel('a-very-long-single-word-name', 10), ['a-very-long-single-word-name']);
  });

  it('the app bar chart shows a long device name in full, over several lines, with the name as its tooltip', () => {
    const html = renderToStaticMarkup(
      <BarChart name="latency" title="Median latency" yLabel="µs" emptyText="No data yet" groups={[{ label: LONG, bars: [{ series: 'dense', value: 20 }] }]} />,
    );
    assert.doesNotMatch(html, /…/);
    const label = html.match(/<text class="tick group-label"[^>]*>([\s\S]*?)<\/text>/)![1]!;
    assert.match(label, new RegExp(`<title>${LONG.replace(/[()]/g, '\\$&')}</title>`));
    const lines = [...label.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    assert.ok(lines.length >= 3, JSON.stringify(lines));
    assert.equal(lines.join(' '), LONG);
  });
});

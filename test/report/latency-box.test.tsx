import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { latencyBox } from '../../electron/core/report/latency-box';
import { createI18n } from '../../shared/i18n/i18n';
import { LatencyBoxPlot } from '../../shared/report-view/charts/LatencyBoxPlot';

describe('latency box statistics', () => {
  it('match numpy/R type 7 quartiles and Tukey fences', () => {
    // numpy.percentile(range(1, 11), [25, 50, 75]) = [3.25, 5.5, 7.75]; fences 3.25 - 6.75, 7.75 + 6.75.
    const box = latencyBox([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 40], 'runs')!;
    const plain = latencyBox([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'runs')!;
    assert.deepEqual([plain.q1, plain.median, plain.q3], [3.25, 5.5, 7.75]);
    assert.deepEqual([plain.whiskerLow, plain.whiskerHigh, plain.outlierCount], [1, 10, 0]);
    assert.deepEqual(box.outliers, [40]);
    assert.equal(box.whiskerHigh, 10);
    assert.equal(latencyBox([], 'runs'), null);
  });

  it('a 28 ms spike among 17 µs runs leaves the chart in µs, the spike counted at the edge', () => {
    const runs = Array.from({ length: 499 }, (_, i) => 17 + (i % 10) * 0.1);
    runs.push(28_000);
    const box = latencyBox(runs, 'runs')!;
    assert.ok(box.median > 17 && box.median < 18);
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={createI18n('en')}>
        <LatencyBoxPlot panels={[{ label: 'This computer', synthetic: false, rows: [{ role: 'dense', label: 'dense', box }] }]} />
      </I18nextProvider>,
    );
    assert.match(html, /latency \(µs\) per run/);
    assert.match(html, /\+1 beyond the axis<\/tspan><tspan[^>]*>up to 28\.0\sms/);
    assert.doesNotMatch(html, /class="outlier"/);
  });
});

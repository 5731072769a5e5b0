import type { Page } from 'playwright-core';

/** A number and the unit the shared formatters put after it ("12.3 µs", "9.08 KiB", "75.0 %"). */
const VALUE_WITH_UNIT = /\d[\d.,]*[ \u00a0](?:µs|ms|s|B|KiB|MiB|GiB|%)(?![\p{L}\p{N}])/gu;

export interface LayoutProblems {
  /** HTML text where a number and its unit are drawn on two lines. */
  wrapped: string[];
  /** SVG labels split so that a number ends one line and its unit starts the next. */
  splitInSvg: string[];
  /** Device names the latency or speed-up chart does not show in full (lines of a wrapped label joined). */
  cutNames: string[];
  /** Chart text ending in an ellipsis. */
  ellipsised: string[];
}

/** What a reader sees of values and device names on the page as laid out now (run it after each resize). */
export async function reportLayoutProblems(page: Page, root: string, deviceNames: readonly string[]): Promise<LayoutProblems> {
  return page.evaluate(
    ({ root, names, pattern }) => {
      const scope = document.querySelector(root) ?? document.body;
      const wrapped: string[] = [];
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (node.parentElement?.closest('svg')) continue; // SVG text never wraps; checked below
        const style = node.parentElement ? getComputedStyle(node.parentElement) : null;
        if (!style || style.display === 'none' || style.visibility === 'hidden') continue;
        for (const m of text.matchAll(new RegExp(pattern, 'gu'))) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) wrapped.push(`${m[0]} (in "${text.trim().slice(0, 60)}")`);
        }
      }
      const splitInSvg: string[] = [];
      const ellipsised: string[] = [];
      const perChart = new Map<string, string[]>();
      for (const t of scope.querySelectorAll('svg text')) {
        const chart = t.closest('svg')?.getAttribute('data-chart') ?? '';
        const spans = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '');
        for (let i = 1; i < spans.length; i++)
          if (/\d$/.test(spans[i - 1]!.trim()) && /^(µs|ms|s|B|KiB|MiB|GiB|%)\b/u.test(spans[i]!.trim()))
            splitInSvg.push(`${spans[i - 1]} | ${spans[i]}`);
        const joined = (spans.length ? spans.join(' ') : (t.textContent ?? '')).replace(/\s+/g, ' ').trim();
        if (joined.includes('…')) ellipsised.push(joined);
        perChart.set(chart, [...(perChart.get(chart) ?? []), joined]);
      }
      // The charts that label rows by device: each must show every device's whole name.
      const cutNames = ['latency', 'speedup'].flatMap((chart) =>
        names.filter((n) => !(perChart.get(chart) ?? []).some((s) => s.includes(n))).map((n) => `${chart}: ${n}`),
      );
      return { wrapped, splitInSvg, cutNames, ellipsised };
    },
    { root, names: [...deviceNames], pattern: VALUE_WITH_UNIT.source },
  );
}

/**
 * Shows an SVG chart drawn as a string by electron/core/whatif (what-if chart) (the same drawing as the HTML export).
 * Those functions escape every text they embed, so the markup is safe to insert.
 */
export function SvgMarkup({ svg, label }: { svg: string; label: string }) {
  return <div className="svg-chart" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

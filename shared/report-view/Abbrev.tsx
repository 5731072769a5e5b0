/** A long value shown short; hovering shows it whole, and copying the text copies it whole (data-full, title). */
export function Abbrev({ full, short }: { full: string; short: string }) {
  if (short === full) return <code className="value">{full}</code>;
  return (
    <code className="value abbrev" title={full} data-full={full}>
      <span aria-hidden="true">{short}</span>
      <span className="copy-only">{full}</span>
    </code>
  );
}

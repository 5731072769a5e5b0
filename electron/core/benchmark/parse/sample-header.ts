/**
 * Saved samples (and the repository's fixtures) start with `# source: URL` and more `# key: value` lines describing
 * where the output came from. Splits that header off; text without it comes back unchanged.
 */
export function splitSampleHeader(text: string): { meta: Record<string, string>; body: string } {
  const lines = text.split('\n');
  if (!/^# source: /.test(lines[0] ?? '')) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length && (lines[i] ?? '').startsWith('# '); i++) {
    const match = /^# ([\w-]+): ?(.*?)\r?$/.exec(lines[i] ?? '');
    if (match?.[1]) meta[match[1]] = match[2] ?? '';
  }
  return { meta, body: lines.slice(i).join('\n') };
}

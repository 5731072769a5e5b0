/** Parses `adb shell getprop` output: `[ro.product.model]: [Pixel 7]` lines (a value may span lines). */
export function parseGetprop(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  const pattern = /^\[([^\]]+)\]: \[([\s\S]*?)\]\r?$/gm;
  for (const match of text.replace(/\r\n/g, '\n').matchAll(pattern)) {
    if (match[1] !== undefined) props[match[1]] = match[2] ?? '';
  }
  return props;
}

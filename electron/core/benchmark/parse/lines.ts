export type LogLevel = 'INFO' | 'WARN' | 'ERROR' | 'FATAL' | 'VERBOSE';

export interface OutputLine {
  /** Text without `\r`, logcat prefix, log level prefix or LiteRT `[file.h:NN] ` source tag. */
  text: string;
  level?: LogLevel;
}

// Logcat "threadtime" format: `05-12 14:03:21.123  4321  4321 I tflite  : text` (tag padded; level letter V/D/I/W/E/F).
const LOGCAT = /^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\s+\d+\s+\d+\s+[VDIWEF]\s+[^:]*?\s*: ?/;
// Logcat "brief" format: `I/tflite  ( 4321): text`.
const LOGCAT_BRIEF = /^[VDIWEF]\/[\w.-]+\s*\(\s*\d+\): ?/;
const LEVEL = /^(INFO|WARN|WARNING|ERROR|FATAL|VERBOSE): ?/;
const SOURCE_TAG = /^\[[\w.-]+:\d+\] ?/;

/** Strips the decorations that differ between builds, eras and capture paths, keeping the tool's own text. */
export function normaliseLine(raw: string): OutputLine {
  let text = raw.replace(/\r/g, '');
  text = text.replace(LOGCAT, '').replace(LOGCAT_BRIEF, '');
  let level: LogLevel | undefined;
  const levelMatch = LEVEL.exec(text);
  if (levelMatch) {
    const word = levelMatch[1];
    level = word === 'WARNING' ? 'WARN' : (word as LogLevel);
    text = text.slice(levelMatch[0].length);
  }
  text = text.replace(SOURCE_TAG, '');
  return level ? { text, level } : { text };
}

export function splitOutputLines(output: string): OutputLine[] {
  return output.split('\n').map(normaliseLine);
}

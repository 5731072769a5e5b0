/**
 * The parameters block: `Num threads: [4]`, `Graph: [/data/local/tmp/m.tflite]`, old `Use nnapi : [0]`.
 * Returns the label (as printed, trimmed) and the bracketed value, or undefined for other lines.
 */
export function parseParameterLine(text: string): { label: string; value: string } | undefined {
  const match = /^([#A-Za-z][^:[\]]*?)\s*:\s*\[(.*)\]\s*$/.exec(text.trim());
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { label: match[1], value: match[2] };
}

/** Reads a few parameters the app cares about, whatever label variant the build printed. */
export interface KnownParameters {
  graph?: string;
  numThreads?: number;
  numRuns?: number;
  warmupRuns?: number;
  useXnnpack?: boolean;
  useGpu?: boolean;
  useNnapi?: boolean;
  enableOpProfiling?: boolean;
  nnapiAccelerators?: string[];
}

const NORMALISED: Record<string, keyof KnownParameters> = {
  graph: 'graph',
  'num threads': 'numThreads',
  'min num runs': 'numRuns',
  'min warmup runs': 'warmupRuns',
  'use xnnpack': 'useXnnpack',
  'use gpu': 'useGpu',
  'use nnapi': 'useNnapi',
  'enable op profiling': 'enableOpProfiling',
  'nnapi accelerators available': 'nnapiAccelerators',
};

export function knownParameters(parameters: Record<string, string>): KnownParameters {
  const known: KnownParameters = {};
  for (const [label, value] of Object.entries(parameters)) {
    const key = NORMALISED[label.toLowerCase().replace(/\s+/g, ' ')];
    if (!key) continue;
    if (key === 'graph') known.graph = value;
    else if (key === 'nnapiAccelerators')
      known.nnapiAccelerators = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (key === 'numThreads' || key === 'numRuns' || key === 'warmupRuns') {
      const n = Number(value);
      if (value !== '' && Number.isFinite(n)) known[key] = n;
    } else {
      const flag = toBool(value);
      if (flag !== undefined) known[key] = flag;
    }
  }
  return known;
}

function toBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return undefined;
}

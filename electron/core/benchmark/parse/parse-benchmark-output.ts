import { parseDelegateLine } from './delegate-line';
import { detectFailure } from './detect-failure';
import { extractShellMarkers } from './exit-status';
import { latencyStatsFromStatLine } from './latency-stats';
import { splitOutputLines, type OutputLine } from './lines';
import { isLiteRtResultsBanner, readLiteRtLine, type LiteRtResults } from './litert-results';
import { readMemoryLine, type MemoryReport } from './memory-lines';
import { NUMBER, toNumber } from './numbers';
import { OpProfileReader } from './op-profile-sections';
import { knownParameters, parseParameterLine } from './parameter-line';
import { sparseInferenceFromOpProfile } from './sparse-inference';
import { parseStatLine, type StatLine } from './stat-line';
import { parseTimingSummary } from './summary-line';
import { SYNTHETIC_MARKER } from './synthetic-marker';
import type { BenchmarkParseResult, ParsedBenchmarkOutput } from './types';

const MODEL_SIZE = new RegExp(`^The input model file size \\(MB\\): (${NUMBER})`);
const INIT_SESSION = new RegExp(`^Initialized session in (${NUMBER})\\s*ms\\.?$`);
const WARNINGS =
  /^(Duplicate flags:|Unconsumed cmdline flags:|Though \S+ delegate is explicitly applied|Failed to apply \S+ delegate|Restored original execution plan|Can not open OpenCL library)/;

/**
 * Parses benchmark_model output of any generation (2018 to LiteRT 2026; stdout+stderr merged, optionally with the
 * runner's `__PID=`/`__RC=` marker lines). Never throws: a tool failure comes back as `ok: false` with a typed error,
 * alongside everything that could still be read.
 */
export function parseBenchmarkOutput(text: string, options: { exitStatus?: number } = {}): BenchmarkParseResult {
  const markers = extractShellMarkers(text);
  const lines = splitOutputLines(markers.output);
  const parsed = readLines(lines);
  const exitStatus = options.exitStatus ?? markers.exitStatus;
  if (exitStatus !== undefined) parsed.exitStatus = exitStatus;
  const failure = detectFailure(lines, parsed);
  return failure ? { ok: false, error: failure, ...parsed } : { ok: true, ...parsed };
}

function readLines(lines: OutputLine[]): ParsedBenchmarkOutput {
  const out: ParsedBenchmarkOutput = {
    generation: 'unknown',
    synthetic: false,
    parameters: {},
    known: {},
    delegates: [],
    opProfiles: [],
    warnings: [],
    errors: [],
    sparseInference: sparseInferenceFromOpProfile([]),
  };
  const profile = new OpProfileReader();
  const memory: MemoryReport = {};
  let litert: LiteRtResults | undefined;
  const stats: StatLine[] = [];

  for (const line of lines) {
    const t = line.text.trim();
    if (line.level === 'ERROR' || line.level === 'FATAL') {
      if (t !== '') out.errors.push(t);
      const failedDelegate = parseDelegateLine(t);
      if (failedDelegate) out.delegates.push(failedDelegate);
      continue;
    }
    if (t === SYNTHETIC_MARKER) {
      out.synthetic = true;
      continue;
    }
    if (profile.read(line.text)) continue;
    if (isLiteRtResultsBanner(t)) {
      litert = {};
      continue;
    }
    if (litert && readLiteRtLine(t, litert)) continue;
    if (readMemoryLine(t, memory)) continue;
    const stat = parseStatLine(t);
    if (stat) {
      stats.push(stat);
      continue;
    }
    const summary = parseTimingSummary(t);
    if (summary) {
      out.summary = summary;
      continue;
    }
    const delegate = parseDelegateLine(t);
    if (delegate) out.delegates.push(delegate);
    if (WARNINGS.test(t) || line.level === 'WARN') out.warnings.push(t);
    if (delegate) continue;
    readToolLine(t, out);
  }

  if (stats[0]) out.warmup = stats[0];
  if (stats[1]) out.inference = stats[1];
  out.known = knownParameters(out.parameters);
  if (Object.keys(memory).length > 0) out.memory = memory;
  out.opProfiles = profile.sections;
  const runRows = profile.sections.filter((s) => s.phase !== 'initialization').flatMap((s) => s.runOrder);
  out.sparseInference = sparseInferenceFromOpProfile(runRows);
  applyTimings(out, litert);
  return out;
}

function readToolLine(t: string, out: ParsedBenchmarkOutput): void {
  const loaded = /^Loaded model (.+)$/.exec(t);
  if (loaded?.[1]) {
    out.modelPath = loaded[1].trim();
    return;
  }
  const size = MODEL_SIZE.exec(t);
  const sizeMb = toNumber(size?.[1]);
  if (sizeMb !== undefined) {
    out.modelSizeMb = sizeMb;
    return;
  }
  const init = INIT_SESSION.exec(t);
  const initMs = toNumber(init?.[1]);
  if (initMs !== undefined) {
    out.initSessionMs = initMs;
    return;
  }
  const parameter = parseParameterLine(t);
  if (parameter) out.parameters[parameter.label] = parameter.value;
}

/** Fills the µs fields from the summary line and the regular-run stats, or from the LiteRT block (ms -> µs). */
function applyTimings(out: ParsedBenchmarkOutput, litert: LiteRtResults | undefined): void {
  const s = out.summary;
  if (s) {
    out.generation = s.form === 'current' ? 'classic' : 'classic-2018';
    if (s.initUs !== undefined) out.initUs = s.initUs;
    if (s.firstInferenceUs !== undefined) out.firstInferenceUs = s.firstInferenceUs;
    if (s.warmupAvgUs !== undefined) out.warmupAvgUs = s.warmupAvgUs;
    if (s.inferenceAvgUs !== undefined) out.inferenceAvgUs = s.inferenceAvgUs;
  }
  const stats = out.inference ? latencyStatsFromStatLine(out.inference) : undefined;
  if (stats) out.stats = stats;
  if (!litert) return;
  out.litert = litert;
  if (!s) out.generation = 'litert';
  const us = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms * 1e6) / 1e3);
  out.initUs ??= us(litert.initMs);
  out.firstInferenceUs ??= us(litert.warmupFirstMs);
  out.warmupAvgUs ??= us(litert.warmupAvgMs);
  out.inferenceAvgUs ??= us(litert.inferenceAvgMs);
  const [avg, min, max, std] = [litert.inferenceAvgMs, litert.inferenceMinMs, litert.inferenceMaxMs, litert.inferenceStdMs].map(
    us,
  );
  if (
    !out.stats &&
    litert.inferenceRuns !== undefined &&
    avg !== undefined &&
    min !== undefined &&
    max !== undefined &&
    std !== undefined
  ) {
    out.stats = { count: litert.inferenceRuns, avg, min, max, std };
  }
  for (const key of ['initUs', 'firstInferenceUs', 'warmupAvgUs', 'inferenceAvgUs'] as const) {
    if (out[key] === undefined) delete out[key];
  }
}

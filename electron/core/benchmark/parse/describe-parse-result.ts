import type { BenchmarkParseResult } from './types';

function time(us: number | undefined): string {
  if (us === undefined) return '?';
  return us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`;
}

/** A few readable lines about a parsed output (the CLI's default view). */
export function describeParseResult(result: BenchmarkParseResult): string[] {
  const lines: string[] = [];
  const generation = {
    classic: 'classic benchmark_model (Inference timings in us)',
    'classic-2018': 'classic benchmark_model, 2018-19 summary',
    litert: 'LiteRT CompiledModel benchmark_model (BENCHMARK RESULTS block)',
    unknown: 'no summary found',
  }[result.generation];
  lines.push(`Format: ${generation}`);
  if (result.synthetic) lines.push('SYNTHETIC numbers from the test emulator: not a measurement.');
  if (result.modelPath)
    lines.push(`Model: ${result.modelPath}${result.modelSizeMb !== undefined ? ` (${result.modelSizeMb} MB)` : ''}`);
  const k = result.known;
  const settings = [
    k.numThreads !== undefined && `threads ${k.numThreads}`,
    k.numRuns !== undefined && `min runs ${k.numRuns}`,
    k.warmupRuns !== undefined && `min warm-up runs ${k.warmupRuns}`,
  ].filter(Boolean);
  if (settings.length > 0) lines.push(`Settings: ${settings.join(', ')}`);
  if (result.initUs !== undefined) lines.push(`Init: ${time(result.initUs)}`);
  if (result.firstInferenceUs !== undefined) lines.push(`First inference: ${time(result.firstInferenceUs)}`);
  if (result.warmupAvgUs !== undefined)
    lines.push(`Warm-up average: ${time(result.warmupAvgUs)}${result.warmup ? ` (${result.warmup.count} runs)` : ''}`);
  const s = result.stats;
  if (s) {
    const median = s.median !== undefined ? `, median ${time(s.median)}` : '';
    lines.push(
      `Inference: avg ${time(s.avg)}${median}, min ${time(s.min)}, max ${time(s.max)}, std ${time(s.std)} (${s.count} runs)`,
    );
  } else if (result.inferenceAvgUs !== undefined) {
    lines.push(`Inference: avg ${time(result.inferenceAvgUs)}`);
  }
  const m = result.memory;
  if (m) {
    const parts = [
      m.initMb !== undefined && `init ${m.initMb} MB`,
      m.overallMb !== undefined && `overall ${m.overallMb} MB`,
      m.peakMb !== undefined && `peak ${m.peakMb} MB`,
    ].filter(Boolean);
    if (parts.length > 0) lines.push(`Memory: ${parts.join(', ')}`);
  }
  for (const d of result.delegates) lines.push(`Delegate: ${d.delegate} ${d.status}`);
  for (const section of result.opProfiles) {
    const graph = section.graph ? ` ${section.graph.name}` : '';
    const rows = section.runOrder.length;
    lines.push(
      `Op profile (${section.phase}${graph}${section.delegateInternal ? ', delegate internal' : ''}): ${rows} node rows, ${section.summaryByNodeType.length} node types`,
    );
  }
  lines.push(`Sparse inference engaged: ${result.sparseInference.engaged} (${result.sparseInference.reason})`);
  for (const w of result.warnings) lines.push(`Warning: ${w}`);
  if (result.exitStatus !== undefined) lines.push(`Exit status: ${result.exitStatus}`);
  if (result.ok) lines.push('Result: the benchmark ran.');
  else
    lines.push(
      `Result: the output records a failure (${result.error.kind}): ${result.error.message}`,
      `Hint: ${result.error.hint}`,
    );
  return lines;
}

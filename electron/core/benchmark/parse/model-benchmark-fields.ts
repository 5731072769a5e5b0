import type { ModelBenchmark } from '../../../../shared/benchmark-result';
import type { ParsedBenchmarkOutput } from './types';

export type ParsedModelBenchmarkFields = Pick<ModelBenchmark, 'stats' | 'sparseInference' | 'synthetic'> &
  Partial<Pick<ModelBenchmark, 'initUs' | 'firstInferenceUs' | 'warmupAvgUs' | 'memory' | 'opProfile' | 'opProfileCalls' | 'opProfileSource'>>;

/**
 * The parts of a ModelBenchmark that come from the tool's output. Undefined when the output has no regular-run
 * statistics (a failure, or an excerpt), since a result without them would have nothing to report.
 */
export function modelBenchmarkFields(parsed: ParsedBenchmarkOutput): ParsedModelBenchmarkFields | undefined {
  if (!parsed.stats) return undefined;
  const fields: ParsedModelBenchmarkFields = {
    stats: parsed.stats,
    sparseInference: parsed.sparseInference,
    synthetic: parsed.synthetic,
  };
  if (parsed.initUs !== undefined) fields.initUs = parsed.initUs;
  if (parsed.firstInferenceUs !== undefined) fields.firstInferenceUs = parsed.firstInferenceUs;
  if (parsed.warmupAvgUs !== undefined) fields.warmupAvgUs = parsed.warmupAvgUs;
  const m = parsed.memory;
  if (m && (m.initMb !== undefined || m.overallMb !== undefined || m.peakMb !== undefined)) {
    fields.memory = {};
    if (m.initMb !== undefined) fields.memory.initMb = m.initMb;
    if (m.overallMb !== undefined) fields.memory.overallMb = m.overallMb;
    if (m.peakMb !== undefined) fields.memory.peakMb = m.peakMb;
  }
  const rows = parsed.opProfiles.filter((s) => s.phase !== 'initialization').flatMap((s) => s.runOrder);
  if (rows.length > 0) {
    fields.opProfile = rows.map((r) => ({
      nodeType: r.nodeType,
      name: r.name,
      avgMs: r.avgMs,
      percent: r.percent,
      timesCalled: r.timesCalled,
    }));
    fields.opProfileCalls = parsed.stats.count;
    fields.opProfileSource = 'these-runs';
  }
  return fields;
}

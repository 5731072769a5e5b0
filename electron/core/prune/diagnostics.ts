/** Which PruneForLatencyOnXNNPack check a layer failed: the start search, the end search or the middle check. */
export type XnnpackRule = 'start-layer' | 'end-layer' | 'layer-support';

/**
 * One failed check: the layer (null when no layer is to blame, e.g. a branch with no convolution at all), the rule,
 * upstream's message, the requirement the layer breaks, and what to change.
 */
export interface XnnpackDiagnostic {
  layer: string | null;
  rule: XnnpackRule;
  message: string;
  requirement: string;
  fix: string;
}

export interface XnnpackCheck {
  ok: boolean;
  /** The error TFMOT would raise (the first failed check in upstream order); absent when ok. */
  message?: string;
  diagnostics: XnnpackDiagnostic[];
}

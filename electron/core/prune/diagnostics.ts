/** Which PruneForLatencyOnXNNPack check a layer failed. */
export type XnnpackRule = 'start-layer' | 'end-layer' | 'layer-support';

/** One failed check: the layer (null when no layer is to blame), the rule, upstream's message, and what to change. */
export interface XnnpackDiagnostic {
  layer: string | null;
  rule: XnnpackRule;
  message: string;
  fix: string;
}

export interface XnnpackCheck {
  ok: boolean;
  /** The error TFMOT would raise (the first failed check in upstream order); absent when ok. */
  message?: string;
  diagnostics: XnnpackDiagnostic[];
}

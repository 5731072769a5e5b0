// Magnitude pruning for XNNPACK sparse inference: a TypeScript port of TFMOT's prune_low_magnitude.
export { ConstantSparsity, PolynomialDecay, scheduleFromConfig, shouldPruneInStep } from './schedules';
export type { PruningSchedule, ScheduleConfig, ScheduleDecision } from './schedules';
export { roundHalfEven } from './round-half-even';
export { keptCount, magnitudeMask } from './magnitude-mask';
export { blockMask } from './block-mask';
export type { BlockPooling, BlockSize } from './block-mask';
export { pruneLowMagnitude } from './pruned-model';
export type { PrunedModel, PrunedTensor, PruneOptions, PruningPolicyName } from './pruned-model';
export { PruningController } from './pruning-controller';
export type { PruningSummary } from './pruning-summary';
export { stripPruning } from './strip-pruning';
export {
  checkXnnpack,
  ensureModelSupportsXnnpackPruning,
  XnnpackPolicyError,
  XNNPACK_POLICY,
  xnnpackAllowsPruning,
} from './xnnpack-policy';
export type { XnnpackCheck, XnnpackDiagnostic, XnnpackRule } from './diagnostics';
export { fixForXnnpack, fixSpecForXnnpack } from './fix-for-xnnpack';
export { formatChanges, formatDiagnostics } from './format-diagnostics';
export { loadSourceModel } from './source-model';
export type { XnnpackChange, XnnpackFix } from './fix-for-xnnpack';

import { UserError } from '../util/errors';

/** What a schedule says about one training step: recompute the masks or not, and the target sparsity (float32). */
export interface ScheduleDecision {
  shouldPrune: boolean;
  sparsity: number;
}

export interface ConstantSparsityConfig {
  target_sparsity: number;
  begin_step: number;
  end_step: number;
  frequency: number;
}

export interface PolynomialDecayConfig {
  initial_sparsity: number;
  final_sparsity: number;
  power: number;
  begin_step: number;
  end_step: number;
  frequency: number;
}

/** TFMOT's `get_config()` shape, with its snake_case keys, so configs read the same as upstream's. */
export type ScheduleConfig =
  | { class_name: 'ConstantSparsity'; config: ConstantSparsityConfig }
  | { class_name: 'PolynomialDecay'; config: PolynomialDecayConfig };

export interface PruningSchedule {
  readonly beginStep: number;
  readonly endStep: number;
  readonly frequency: number;
  at(step: number): ScheduleDecision;
  getConfig(): ScheduleConfig;
}

function invalid(message: string): never {
  throw new UserError('INVALID_PRUNING_SCHEDULE', message);
}

/** Upstream `PruningSchedule._validate_step`, same order and messages. */
function validateSteps(beginStep: number, endStep: number, frequency: number, allowNegative1: boolean): void {
  if (beginStep < 0) invalid('begin_step should be >= 0');
  if (!allowNegative1 && endStep === -1) invalid('end_step cannot be -1.');
  if (endStep !== -1) {
    if (endStep < 0) invalid('end_step can be -1 or >= 0');
    if (endStep < beginStep) invalid('begin_step should be <= end_step if end_step != -1');
  }
  if (frequency <= 0) invalid('frequency should be > 0');
}

function validateSparsity(value: number, name: string): void {
  if (!(value >= 0 && value < 1)) invalid(`${name} must be in range [0,1)`);
}

/** Steps are integers upstream (int64 tensors); a fractional or NaN step would silently never match the update rule. */
function requireIntegers(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isInteger(value)) invalid(`${name} must be a whole number, got ${value}`);
  }
}

/** Python's floormod: the result has the sign of the divisor. */
function floorMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** `s >= begin && (s <= end || end < 0) && floormod(s - begin, frequency) == 0`. */
export function shouldPruneInStep(step: number, beginStep: number, endStep: number, frequency: number): boolean {
  const inRange = step >= beginStep && (step <= endStep || endStep < 0);
  return inRange && floorMod(step - beginStep, frequency) === 0;
}

export interface ConstantSparsityOptions {
  targetSparsity: number;
  beginStep: number;
  /** -1 (the default) prunes forever. */
  endStep?: number;
  frequency?: number;
}

/** Upstream `ConstantSparsity(target_sparsity, begin_step, end_step=-1, frequency=100)`. */
export class ConstantSparsity implements PruningSchedule {
  readonly targetSparsity: number;
  readonly beginStep: number;
  readonly endStep: number;
  readonly frequency: number;

  constructor(options: ConstantSparsityOptions) {
    this.targetSparsity = options.targetSparsity;
    this.beginStep = options.beginStep;
    this.endStep = options.endStep ?? -1;
    this.frequency = options.frequency ?? 100;
    validateSteps(this.beginStep, this.endStep, this.frequency, true);
    validateSparsity(this.targetSparsity, 'target_sparsity');
    requireIntegers({ begin_step: this.beginStep, end_step: this.endStep, frequency: this.frequency });
  }

  at(step: number): ScheduleDecision {
    return {
      shouldPrune: shouldPruneInStep(step, this.beginStep, this.endStep, this.frequency),
      sparsity: Math.fround(this.targetSparsity),
    };
  }

  getConfig(): ScheduleConfig {
    return {
      class_name: 'ConstantSparsity',
      config: {
        target_sparsity: this.targetSparsity,
        begin_step: this.beginStep,
        end_step: this.endStep,
        frequency: this.frequency,
      },
    };
  }
}

export interface PolynomialDecayOptions {
  initialSparsity: number;
  finalSparsity: number;
  beginStep: number;
  endStep: number;
  power?: number;
  frequency?: number;
}

/** Upstream `PolynomialDecay(initial_sparsity, final_sparsity, begin_step, end_step, power=3, frequency=100)`. */
export class PolynomialDecay implements PruningSchedule {
  readonly initialSparsity: number;
  readonly finalSparsity: number;
  readonly beginStep: number;
  readonly endStep: number;
  readonly power: number;
  readonly frequency: number;

  constructor(options: PolynomialDecayOptions) {
    this.initialSparsity = options.initialSparsity;
    this.finalSparsity = options.finalSparsity;
    this.beginStep = options.beginStep;
    this.endStep = options.endStep;
    this.power = options.power ?? 3;
    this.frequency = options.frequency ?? 100;
    validateSteps(this.beginStep, this.endStep, this.frequency, false);
    validateSparsity(this.initialSparsity, 'initial_sparsity');
    validateSparsity(this.finalSparsity, 'final_sparsity');
    requireIntegers({ begin_step: this.beginStep, end_step: this.endStep, frequency: this.frequency });
  }

  /**
   * The same float32 operations as upstream: p = clamp(float32(s - begin) / float32(end - begin), 0, 1),
   * sparsity = (initial - final) * (1 - p)^power + final. With end == begin, step == begin gives 0/0 = NaN.
   */
  at(step: number): ScheduleDecision {
    const f = Math.fround;
    const ratio = f(f(step - this.beginStep) / f(this.endStep - this.beginStep));
    const p = Math.min(1, Math.max(0, ratio));
    const decay = f(Math.pow(f(1 - p), this.power));
    const sparsity = f(f(f(this.initialSparsity - this.finalSparsity) * decay) + f(this.finalSparsity));
    return { shouldPrune: shouldPruneInStep(step, this.beginStep, this.endStep, this.frequency), sparsity };
  }

  getConfig(): ScheduleConfig {
    return {
      class_name: 'PolynomialDecay',
      config: {
        initial_sparsity: this.initialSparsity,
        final_sparsity: this.finalSparsity,
        power: this.power,
        begin_step: this.beginStep,
        end_step: this.endStep,
        frequency: this.frequency,
      },
    };
  }
}

/** The inverse of `getConfig()`. Like the upstream wrapper, only these two classes are known. */
export function scheduleFromConfig(value: ScheduleConfig): PruningSchedule {
  switch (value.class_name) {
    case 'ConstantSparsity': {
      const c = value.config;
      return new ConstantSparsity({
        targetSparsity: c.target_sparsity,
        beginStep: c.begin_step,
        endStep: c.end_step,
        frequency: c.frequency,
      });
    }
    case 'PolynomialDecay': {
      const c = value.config;
      return new PolynomialDecay({
        initialSparsity: c.initial_sparsity,
        finalSparsity: c.final_sparsity,
        beginStep: c.begin_step,
        endStep: c.end_step,
        power: c.power,
        frequency: c.frequency,
      });
    }
    default:
      return invalid(
        `Unknown pruning schedule class '${String((value as { class_name?: unknown }).class_name)}'; expected ConstantSparsity or PolynomialDecay`,
      );
  }
}

// The Prune screen's schedule plot, computed in the page with the core's own PolynomialDecay (same float32 math).
import { PolynomialDecay } from '../../../electron/core/prune/schedules';
import { errorMessage } from '../../../electron/core/util/errors';

export interface ScheduleForm {
  initialSparsity: number;
  finalSparsity: number;
  /** The guide's schedule ends after this many epochs of steps (begin step 0). */
  endEpoch: number;
  frequency: number;
  power: number;
  epochs: number;
  batchSize: number;
}

export const GUIDE_SCHEDULE: ScheduleForm = {
  initialSparsity: 0.25,
  finalSparsity: 0.75,
  endEpoch: 5,
  frequency: 100,
  power: 3,
  epochs: 15,
  batchSize: 128,
};

export function stepsPerEpoch(trainImages: number, batchSize: number): number {
  return Math.max(1, Math.ceil(trainImages / Math.max(1, batchSize)));
}

export interface SchedulePlot {
  /** Target sparsity of step s, sampled evenly (always including the first, end and last steps). */
  points: { step: number; sparsity: number }[];
  /** Steps where the masks are recomputed (shouldPrune), capped for drawing. */
  updates: number[];
  totalSteps: number;
  endStep: number;
  error: string | undefined;
}

/** The form's PolynomialDecay from step 0 to `endStep`; throws TFMOT's message for a bad schedule. */
function formSchedule(form: ScheduleForm, endStep: number, frequency: number): PolynomialDecay {
  return new PolynomialDecay({
    initialSparsity: form.initialSparsity,
    finalSparsity: form.finalSparsity,
    beginStep: 0,
    endStep,
    power: form.power,
    frequency,
  });
}

export function schedulePlot(form: ScheduleForm, trainImages: number, maxPoints = 200): SchedulePlot {
  const perEpoch = stepsPerEpoch(trainImages, form.batchSize);
  const totalSteps = perEpoch * Math.max(1, form.epochs);
  const endStep = perEpoch * form.endEpoch;
  let schedule: PolynomialDecay;
  try {
    schedule = formSchedule(form, endStep, form.frequency);
  } catch (error) {
    return { points: [], updates: [], totalSteps, endStep, error: errorMessage(error) };
  }
  const stride = Math.max(1, Math.ceil(totalSteps / maxPoints));
  const steps = new Set<number>([1, Math.min(endStep, totalSteps), totalSteps]);
  for (let s = 1; s <= totalSteps; s += stride) steps.add(s);
  const points = [...steps]
    .filter((s) => s >= 1)
    .sort((a, b) => a - b)
    .map((step) => ({ step, sparsity: schedule.at(step).sparsity }));
  const updates: number[] = [];
  for (let s = 1; s <= totalSteps && updates.length < 500; s += 1) if (schedule.at(s).shouldPrune) updates.push(s);
  return { points, updates, totalSteps, endStep, error: undefined };
}

/**
 * When the schedule never recomputes the masks within the run (so nothing is pruned, as in TFMOT), the largest mask
 * update frequency that would prune; undefined when masks are updated or no frequency helps (e.g. end epoch 0).
 */
export function largestPruningFrequency(form: ScheduleForm, trainImages: number): number | undefined {
  const totalSteps = stepsPerEpoch(trainImages, form.batchSize) * Math.max(1, form.epochs);
  const endStep = stepsPerEpoch(trainImages, form.batchSize) * form.endEpoch;
  for (let frequency = Math.min(form.frequency - 1, totalSteps); frequency >= 1; frequency -= 1) {
    let schedule: PolynomialDecay;
    try {
      schedule = formSchedule(form, endStep, frequency);
    } catch {
      return undefined;
    }
    for (let s = 1; s <= totalSteps; s += 1) if (schedule.at(s).shouldPrune) return frequency;
  }
  return undefined;
}

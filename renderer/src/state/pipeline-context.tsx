// What one wizard step hands to the next (the data source, the model, the run folder, the converted files).
// Each screen keeps its own working state; only these few choices are shared.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ImportSummary } from '../../../electron/core/import/import-run';
import type { BackendChoice, ModelName, TrainThreadsChoice } from './job-configs';

export interface Pipeline {
  data: string;
  /** Training images in the chosen data (after limit), once known: sizes the schedule plot. */
  trainImages: number | undefined;
  limit: number | undefined;
  /** Classes in the chosen data (10 for CIFAR-10): tells an accuracy at chance level. */
  classes: number;
  model: ModelName;
  /** The model opened with "Open model…": its run folder (`runDir`) holds it, ready to prune (no training). */
  imported: ImportSummary | undefined;
  /** The training engine chosen in step 3; pruning and validation use it too. */
  backend: BackendChoice;
  /** The training threads chosen in step 3; pruning starts from them. */
  trainThreads: TrainThreadsChoice;
  fixForXnnpack: boolean;
  /** The batch size training used; pruning starts from it. */
  batchSize: number;
  runDir: string | undefined;
  /**
   * Counts the runs this window has worked on: a new training (or a run opened from History) bumps it, and every
   * step drops whatever it showed for an earlier run, so no screen shows another run's result.
   */
  generation: number;
  /** The current run has a pruned model (step 4 done, or the run opened from History has one). */
  pruned: boolean;
  tfliteFiles: string[];
  workspace: string | undefined;
  /** 'websocket' in browser mode: exports become downloads; 'ipc' in the desktop app: a save dialog. */
  transport: 'ipc' | 'websocket' | undefined;
  /** The adb server from Settings (HOST:PORT), passed to benchmark jobs; undefined: the local default. */
  adbServer: string | undefined;
}

interface PipelineContextValue {
  pipeline: Pipeline;
  update(changes: Partial<Pipeline>): void;
  /** Starts working on another run (or none yet): every downstream step forgets what it showed. */
  switchRun(changes: Partial<Pipeline>): void;
}

const PipelineContext = createContext<PipelineContextValue | null>(null);

const INITIAL: Pipeline = {
  data: 'sample',
  trainImages: undefined,
  limit: undefined,
  classes: 10,
  model: 'baseline-keepdims',
  imported: undefined,
  backend: 'auto',
  trainThreads: 'auto',
  fixForXnnpack: false,
  batchSize: 128,
  runDir: undefined,
  generation: 0,
  pruned: false,
  tfliteFiles: [],
  workspace: undefined,
  transport: undefined,
  adbServer: undefined,
};

export function PipelineProvider({ children }: { children: ReactNode }) {
  const [pipeline, setPipeline] = useState<Pipeline>(INITIAL);
  const value = useMemo(
    () => ({
      pipeline,
      update: (changes: Partial<Pipeline>) => setPipeline((p) => ({ ...p, ...changes })),
      switchRun: (changes: Partial<Pipeline>) =>
        setPipeline((p) => ({
          ...p,
          runDir: undefined,
          imported: undefined,
          pruned: false,
          tfliteFiles: [],
          ...changes,
          generation: p.generation + 1,
        })),
    }),
    [pipeline],
  );
  return <PipelineContext.Provider value={value}>{children}</PipelineContext.Provider>;
}

export function usePipeline(): PipelineContextValue {
  const value = useContext(PipelineContext);
  if (!value) throw new Error('usePipeline() outside <PipelineProvider>');
  return value;
}

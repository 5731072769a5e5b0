// What one wizard step hands to the next (the data source, the model, the run folder, the converted files).
// Each screen keeps its own working state; only these few choices are shared.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { BackendChoice, ModelName } from './job-configs';

export interface Pipeline {
  data: string;
  /** Training images in the chosen data (after limit), once known: sizes the schedule plot. */
  trainImages: number | undefined;
  limit: number | undefined;
  model: ModelName;
  /** The training engine chosen in step 3; pruning and validation use it too. */
  backend: BackendChoice;
  fixForXnnpack: boolean;
  runDir: string | undefined;
  tfliteFiles: string[];
  workspace: string | undefined;
  /** The adb server from Settings (HOST:PORT), passed to benchmark jobs; undefined: the local default. */
  adbServer: string | undefined;
}

interface PipelineContextValue {
  pipeline: Pipeline;
  update(changes: Partial<Pipeline>): void;
}

const PipelineContext = createContext<PipelineContextValue | null>(null);

const INITIAL: Pipeline = {
  data: 'sample',
  trainImages: undefined,
  limit: undefined,
  model: 'baseline-keepdims',
  backend: 'auto',
  fixForXnnpack: false,
  runDir: undefined,
  tfliteFiles: [],
  workspace: undefined,
  adbServer: undefined,
};

export function PipelineProvider({ children }: { children: ReactNode }) {
  const [pipeline, setPipeline] = useState<Pipeline>(INITIAL);
  const value = useMemo(
    () => ({ pipeline, update: (changes: Partial<Pipeline>) => setPipeline((p) => ({ ...p, ...changes })) }),
    [pipeline],
  );
  return <PipelineContext.Provider value={value}>{children}</PipelineContext.Provider>;
}

export function usePipeline(): PipelineContextValue {
  const value = useContext(PipelineContext);
  if (!value) throw new Error('usePipeline() outside <PipelineProvider>');
  return value;
}

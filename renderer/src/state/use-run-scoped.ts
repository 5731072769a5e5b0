import { useEffect, useRef } from 'react';
import { usePipeline } from './pipeline-context';

/**
 * Calls `reset` whenever the wizard switches to another run, or when what this step was built on goes away
 * (`upstreamReady` turns false, e.g. the model was pruned again), so a step never shows an out-of-date result.
 */
export function useRunScoped(reset: () => void, upstreamReady = true): void {
  const { pipeline } = usePipeline();
  const seen = useRef({ generation: pipeline.generation, ready: upstreamReady });
  const latest = useRef(reset);
  latest.current = reset;
  useEffect(() => {
    const before = seen.current;
    seen.current = { generation: pipeline.generation, ready: upstreamReady };
    if (before.generation !== pipeline.generation || (before.ready && !upstreamReady)) latest.current();
  }, [pipeline.generation, upstreamReady]);
}

import type { Network } from '../electron/core/train/fast/network';

export interface NodeTime {
  name: string;
  forwardMs: number;
  backwardMs: number;
}

/**
 * Wraps every node of `network` with timers (bench only: the wrapped network is slower by a few calls per node).
 * Returns a function that reads the accumulated times per node, divided by `steps`.
 */
export function profileNodes(network: Network): (steps: number) => NodeTime[] {
  const times = network.layers.map((node) => {
    const t = { name: node.name, forwardMs: 0, backwardMs: 0 };
    const forward = node.forward.bind(node);
    const backward = node.backward.bind(node);
    Object.assign(node, {
      forward: (...args: Parameters<typeof forward>) => {
        const t0 = performance.now();
        forward(...args);
        t.forwardMs += performance.now() - t0;
      },
      backward: (...args: Parameters<typeof backward>) => {
        const t0 = performance.now();
        backward(...args);
        t.backwardMs += performance.now() - t0;
      },
    });
    return t;
  });
  return (steps) => times.map((t) => ({ ...t, forwardMs: t.forwardMs / steps, backwardMs: t.backwardMs / steps }));
}

import { stateAdvice } from '../state/devices';

const KNOWN = new Set(['unauthorized', 'offline', 'no permissions', 'no-permissions']);

export function DeviceAdvice({
  state,
  coreAdvice,
  network = false,
}: {
  state: string;
  coreAdvice?: string | undefined;
  network?: boolean;
}) {
  const advice = stateAdvice(state, network);
  if (!advice) return null;
  return (
    <div className="advice" data-testid={`device-advice-${state}`}>
      <strong>{advice.title}</strong>
      {/* The core's one-line advice covers USB and network at once; the known states have specific steps here. */}
      {coreAdvice && !KNOWN.has(state) ? <p className="advice-core">{coreAdvice}</p> : null}
      <ol>
        {advice.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </div>
  );
}

import { stateAdvice } from '../state/devices';

export function DeviceAdvice({ state, coreAdvice }: { state: string; coreAdvice?: string | undefined }) {
  const advice = stateAdvice(state);
  if (!advice) return null;
  return (
    <div className="advice" data-testid={`device-advice-${state}`}>
      <strong>{advice.title}</strong>
      {coreAdvice ? <p className="advice-core">{coreAdvice}</p> : null}
      <ol>
        {advice.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </div>
  );
}

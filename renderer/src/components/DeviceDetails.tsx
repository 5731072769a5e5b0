import { useEffect } from 'react';
import { useCommand } from '../api/use-command';
import type { DeviceDetails as Details } from '../api/responses';
import { ErrorBox } from './ErrorBox';

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [[prefix, '—']];
  if (typeof value !== 'object') return [[prefix, String(value)]];
  if (Array.isArray(value))
    return [[prefix, value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')]];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

/** Facts about one device from `devices.details`, as a key/value table. */
export function DeviceDetails({ id }: { id: string }) {
  const details = useCommand<'devices.details', Details>('devices.details');
  const { run } = details;
  useEffect(() => {
    void run({ id });
  }, [run, id]);
  return (
    <div className="device-details" data-testid={`device-details-${id}`}>
      {details.busy ? <p className="muted">Reading device details…</p> : null}
      <ErrorBox error={details.error} />
      {details.value ? (
        <table className="table compact">
          <tbody>
            {flatten(details.value).map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/**
 * adbkit's legacy `shell:` service gives no exit status, so the runner appends `; echo __RC=$?` (and may start with
 * `echo __PID=$$; exec ...` to be able to cancel). This splits those marker lines from the tool's output.
 */
export interface ShellMarkers {
  /** The output with the marker lines removed. */
  output: string;
  exitStatus?: number;
  pid?: number;
}

const RC_AT_END = /(?:\r?\n)?__RC=(\d+)\s*$/;
const PID_AT_START = /^\s*__PID=(\d+)\r?\n?/;

export function extractShellMarkers(text: string): ShellMarkers {
  let output = text;
  const markers: ShellMarkers = { output };
  const pid = PID_AT_START.exec(output);
  if (pid) {
    markers.pid = Number(pid[1]);
    output = output.slice(pid[0].length);
  }
  const rc = RC_AT_END.exec(output);
  if (rc) {
    markers.exitStatus = Number(rc[1]);
    output = output.slice(0, rc.index);
    // Keep the tool's own final newline when the marker sat on its own line.
    if (rc[0].startsWith('\n') || rc[0].startsWith('\r\n')) output += '\n';
  }
  markers.output = output;
  return markers;
}

/** Just the status, when the caller keeps the raw output as it is. */
export function extractExitStatus(text: string): number | undefined {
  return extractShellMarkers(text).exitStatus;
}

// Executes shell scripts on the emulated phone: sh semantics for quoting, `$?`, `$$`, `$(...)`, `;`, `&&`, `||`,
// plus the toybox commands the app uses. Unknown commands fail like Android's mksh does.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { PhoneFilesystem } from './phone-filesystem';
import { parseScript, ShellSyntaxError, type Script, type Word } from './shell-parser';
import { runStandinBenchmark, STANDIN_MARKER, type BenchmarkFault } from './standin-benchmark-model';

export interface PhoneHost {
  fs: PhoneFilesystem;
  props: Record<string, string>;
  dumpsys: Record<string, string>;
  userlandBits: 32 | 64;
  benchmarkFault: BenchmarkFault | undefined;
  processes: Map<number, AbortController>;
  nextPid(): number;
  dropConnection(): void;
}

export class KilledError extends Error {
  constructor() {
    super('killed');
  }
}

class ExitShell {
  constructor(readonly status: number) {}
}

interface Session {
  host: PhoneHost;
  cwd: string;
  pid: number;
  status: number;
  out(text: string): void;
  signal: AbortSignal;
}

const SH = '/system/bin/sh';

/** Runs `script` as a new shell process. Resolves with its exit status; rejects with KilledError when killed. */
export async function runShellProcess(
  host: PhoneHost,
  script: string,
  out: (text: string) => void,
  parentSignal?: AbortSignal,
  cwd = '/',
): Promise<number> {
  const controller = new AbortController();
  const pid = host.nextPid();
  host.processes.set(pid, controller);
  const abort = () => controller.abort();
  parentSignal?.addEventListener('abort', abort);
  const session: Session = { host, cwd, pid, status: 0, out, signal: controller.signal };
  try {
    let parsed: Script;
    try {
      parsed = parseScript(script);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      out(`${SH}: ${error.message}\n`);
      return 2;
    }
    return await runScript(parsed, session);
  } catch (error) {
    if (error instanceof ExitShell) return error.status;
    throw error;
  } finally {
    parentSignal?.removeEventListener('abort', abort);
    host.processes.delete(pid);
  }
}

async function runScript(script: Script, session: Session): Promise<number> {
  let previous: string = ';';
  for (const { words, next } of script.commands) {
    const skip = (previous === '&&' && session.status !== 0) || (previous === '||' && session.status === 0);
    previous = next;
    if (skip) continue;
    if (session.signal.aborted) throw new KilledError();
    const argv: string[] = [];
    for (const word of words) argv.push(...(await expandWord(word, session)));
    if (argv.length === 0) continue;
    session.status = await runCommand(argv, session);
  }
  return session.status;
}

async function expandWord(word: Word, session: Session): Promise<string[]> {
  const fields: string[] = [];
  let current = '';
  let hasField = false;
  let glob = false;
  const addUnquoted = (value: string) => {
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, index) => {
      if (index > 0 && hasField) {
        fields.push(current);
        current = '';
        hasField = false;
      }
      if (piece !== '') {
        current += piece;
        hasField = true;
      }
    });
  };
  for (const part of word) {
    let value: string;
    if (part.kind === 'text') value = part.text;
    else if (part.kind === 'var') value = variable(part.name, session);
    else {
      let captured = '';
      const sub: Session = { ...session, out: (text) => (captured += text) };
      try {
        await runScript(part.script, sub);
      } catch (error) {
        if (!(error instanceof ExitShell)) throw error;
      }
      value = captured.replace(/\n+$/, '');
    }
    if (part.kind === 'text' && !part.quoted && part.text.includes('*')) glob = true;
    if (part.quoted || part.kind === 'text') {
      current += value;
      hasField = true;
    } else addUnquoted(value);
  }
  if (hasField) fields.push(current);
  return glob ? fields.flatMap((field) => expandGlob(field, session)) : fields;
}

/** Pathname expansion of `*` (within one path component), as sh does; no match leaves the word as it is. */
function expandGlob(pattern: string, session: Session): string[] {
  const absolute = PhoneFilesystem.resolve(session.cwd, pattern);
  const regex = new RegExp(
    '^' +
      absolute
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*') +
      '$',
  );
  const matches = [...session.host.fs.files.keys(), ...session.host.fs.dirs].filter((p) => regex.test(p)).sort();
  if (matches.length === 0) return [pattern];
  return pattern.startsWith('/') ? matches : matches.map((m) => posix.relative(session.cwd, m));
}

function variable(name: string, session: Session): string {
  if (name === '?') return String(session.status);
  if (name === '$') return String(session.pid);
  if (name === 'PWD') return session.cwd;
  return '';
}

type Builtin = (args: string[], session: Session) => Promise<number> | number;

const fail = (session: Session, text: string, status = 1) => {
  session.out(text + '\n');
  return status;
};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new KilledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new KilledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const BUILTINS: Record<string, Builtin> = {
  true: () => 0,
  false: () => 1,
  echo(args, s) {
    const noNewline = args[0] === '-n';
    s.out(args.slice(noNewline ? 1 : 0).join(' ') + (noNewline ? '' : '\n'));
    return 0;
  },
  cd(args, s) {
    const target = PhoneFilesystem.resolve(s.cwd, args[0] ?? '/');
    if (!s.host.fs.isDir(target)) return fail(s, `${SH}: cd: ${target}: No such file or directory`, 2);
    s.cwd = target;
    return 0;
  },
  exit(args) {
    throw new ExitShell(Number(args[0] ?? 0));
  },
  async exec(args, s) {
    if (args.length === 0) return 0;
    throw new ExitShell(await runCommand(args, s));
  },
  async sh(args, s) {
    if (args[0] !== '-c' || args[1] === undefined) return fail(s, `${SH}: only 'sh -c SCRIPT' is emulated`, 2);
    return runShellProcess(s.host, args[1], s.out, s.signal, s.cwd);
  },
  getprop(args, s) {
    if (args[0] !== undefined) {
      s.out((s.host.props[args[0]] ?? '') + '\n');
      return 0;
    }
    for (const [key, value] of Object.entries(s.host.props).sort()) s.out(`[${key}]: [${value}]\n`);
    return 0;
  },
  cat(args, s) {
    let status = 0;
    for (const name of args) {
      const file = s.host.fs.files.get(PhoneFilesystem.resolve(s.cwd, name));
      if (file) s.out(file.data.toString('utf8'));
      else status = fail(s, `cat: ${name}: No such file or directory`);
    }
    return status;
  },
  grep(args, s) {
    const [pattern, ...names] = args;
    if (pattern === undefined) return fail(s, 'usage: grep PATTERN [FILE...]', 2);
    const regex = new RegExp(pattern);
    let found = false;
    for (const name of names) {
      const file = s.host.fs.files.get(PhoneFilesystem.resolve(s.cwd, name));
      if (!file) {
        s.out(`grep: ${name}: No such file or directory\n`);
        continue;
      }
      for (const line of file.data.toString('utf8').split('\n')) {
        if (line !== '' && regex.test(line)) {
          s.out(names.length > 1 ? `${name}:${line}\n` : `${line}\n`);
          found = true;
        }
      }
    }
    return found ? 0 : 1;
  },
  dumpsys(args, s) {
    const text = s.host.dumpsys[args[0] ?? ''];
    if (text === undefined) return fail(s, `Can't find service: ${args[0] ?? ''}`);
    s.out(text.endsWith('\n') ? text : text + '\n');
    return 0;
  },
  mkdir(args, s) {
    const parents = args.includes('-p');
    for (const name of args.filter((a) => !a.startsWith('-'))) {
      const path = PhoneFilesystem.resolve(s.cwd, name);
      if (!parents && !s.host.fs.isDir(posix.dirname(path))) return fail(s, `mkdir: '${name}': No such file or directory`);
      s.host.fs.mkdirp(path);
    }
    return 0;
  },
  rm(args, s) {
    const flags = args.filter((a) => a.startsWith('-')).join('');
    let status = 0;
    for (const name of args.filter((a) => !a.startsWith('-'))) {
      const removed = s.host.fs.remove(PhoneFilesystem.resolve(s.cwd, name), flags.includes('r'));
      if (!removed && !flags.includes('f')) status = fail(s, `rm: ${name}: No such file or directory`);
    }
    return status;
  },
  touch(args, s) {
    for (const name of args) {
      const path = PhoneFilesystem.resolve(s.cwd, name);
      if (!s.host.fs.files.has(path)) s.host.fs.writeFile(path, Buffer.alloc(0), 0o644);
    }
    return 0;
  },
  chmod(args, s) {
    const [mode, ...names] = args;
    if (mode === undefined || !/^[0-7]{3,4}$/.test(mode)) return fail(s, `chmod: bad mode '${mode ?? ''}'`);
    for (const name of names) {
      const file = s.host.fs.files.get(PhoneFilesystem.resolve(s.cwd, name));
      if (!file) return fail(s, `chmod: ${name}: No such file or directory`);
      file.mode = parseInt(mode, 8);
    }
    return 0;
  },
  sha256sum: (args, s) => digest('sha256', args, s),
  md5sum: (args, s) => digest('md5', args, s),
  stat(args, s) {
    if (args[0] !== '-c' || args[1] !== '%s' || args[2] === undefined) return fail(s, 'stat: only stat -c %s FILE is emulated');
    const file = s.host.fs.files.get(PhoneFilesystem.resolve(s.cwd, args[2]));
    if (!file) return fail(s, `stat: '${args[2]}': No such file or directory`);
    s.out(`${file.data.length}\n`);
    return 0;
  },
  ls(args, s) {
    const dir = PhoneFilesystem.resolve(s.cwd, args.find((a) => !a.startsWith('-')) ?? '.');
    if (s.host.fs.files.has(dir)) return (s.out(dir + '\n'), 0);
    if (!s.host.fs.isDir(dir)) return fail(s, `ls: ${dir}: No such file or directory`);
    for (const name of s.host.fs.list(dir)) s.out(name + '\n');
    return 0;
  },
  uname(_args, s) {
    s.out(s.host.userlandBits === 64 ? 'aarch64\n' : 'armv7l\n');
    return 0;
  },
  async sleep(args, s) {
    await sleep(Number(args[0] ?? 0) * 1000, s.signal);
    return 0;
  },
  async taskset(args, s) {
    const [mask, ...command] = args;
    if (mask === undefined || !/^(0x)?[0-9a-fA-F]+$/.test(mask) || command.length === 0) {
      return fail(s, 'usage: taskset [-ap] [mask] [PID | cmd [args...]]');
    }
    return runCommand(command, s);
  },
  kill(args, s) {
    let status = 0;
    for (const arg of args.filter((a) => !a.startsWith('-'))) {
      const process = s.host.processes.get(Number(arg));
      if (process) process.abort();
      else status = fail(s, `kill: ${arg}: No such process`);
    }
    return status;
  },
};

function digest(algorithm: string, args: string[], s: Session): number {
  let status = 0;
  for (const name of args) {
    const file = s.host.fs.files.get(PhoneFilesystem.resolve(s.cwd, name));
    if (file) s.out(`${createHash(algorithm).update(file.data).digest('hex')}  ${name}\n`);
    else status = fail(s, `${algorithm}sum: ${name}: No such file or directory`);
  }
  return status;
}

async function runCommand(argv: string[], s: Session): Promise<number> {
  const [name, ...args] = argv as [string, ...string[]];
  const builtin = name.includes('/') ? undefined : BUILTINS[name];
  if (builtin) return builtin(args, s);
  if (!name.includes('/')) return fail(s, `${SH}: ${name}: inaccessible or not found`, 127);
  const path = PhoneFilesystem.resolve(s.cwd, name);
  const file = s.host.fs.files.get(path);
  if (!file) return fail(s, `${SH}: ${name}: inaccessible or not found`, 127);
  if ((file.mode & 0o111) === 0 || s.host.fs.isNoexec(path))
    return fail(s, `${SH}: ${name}: can't execute: Permission denied`, 126);
  const elfClass = file.data.subarray(0, 4).toString('latin1') === '\x7fELF' ? file.data[4] : undefined;
  if (elfClass === 2 && s.host.userlandBits === 32) return fail(s, `${SH}: ${name}: not executable: 64-bit ELF file`, 1);
  if (!file.data.includes(STANDIN_MARKER)) return fail(s, `${SH}: ${name}: can't execute: Exec format error`, 126);
  return runStandinBenchmark(args, {
    fs: s.host.fs,
    cwd: s.cwd,
    out: s.out,
    sleep: (ms) => sleep(ms, s.signal),
    fault: s.host.benchmarkFault,
    dropConnection: () => s.host.dropConnection(),
    forever: () =>
      new Promise<never>((_, reject) => {
        if (s.signal.aborted) reject(new KilledError());
        s.signal.addEventListener('abort', () => reject(new KilledError()), { once: true });
      }),
  });
}

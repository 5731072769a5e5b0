// Parses the subset of POSIX sh that the app sends to a phone, with sh's real quoting rules, so that a
// wrongly quoted argument really runs `$(...)`, `;` or backticks in the emulated phone (and a test can catch it).

export type Part =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean }
  | { kind: 'sub'; script: Script; quoted: boolean };

export type Word = Part[];
export type Joiner = ';' | '&&' | '||';

export interface Script {
  commands: { words: Word[]; next: Joiner }[];
}

export class ShellSyntaxError extends Error {}

const OPERATOR_CHARS = new Set([';', '&', '|', '(', ')', '<', '>', '\n']);

export function parseScript(source: string): Script {
  const parser = new Parser(source);
  const script = parser.script(undefined);
  if (parser.pos < source.length) throw new ShellSyntaxError(`syntax error: unexpected '${source[parser.pos]}'`);
  return script;
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  script(closer: string | undefined): Script {
    const commands: Script['commands'] = [];
    let words: Word[] = [];
    const finish = (next: Joiner) => {
      if (words.length > 0) commands.push({ words, next });
      else if (next !== ';') throw new ShellSyntaxError(`syntax error: '${next}' without a command before it`);
      words = [];
    };
    for (;;) {
      this.skipBlanks();
      const c = this.src[this.pos];
      if (c === undefined) {
        if (closer) throw new ShellSyntaxError(`syntax error: missing '${closer}'`);
        break;
      }
      if (c === closer) break;
      if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
        continue;
      }
      if (c === ';' || c === '\n') {
        this.pos++;
        finish(';');
        continue;
      }
      if (this.src.startsWith('&&', this.pos) || this.src.startsWith('||', this.pos)) {
        const op = this.src.slice(this.pos, this.pos + 2) as Joiner;
        this.pos += 2;
        finish(op);
        continue;
      }
      if (OPERATOR_CHARS.has(c)) throw new ShellSyntaxError(`syntax error: '${c}' is not supported by the emulated shell`);
      words.push(this.word(closer));
    }
    finish(';');
    return { commands };
  }

  private skipBlanks(): void {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
  }

  private word(closer: string | undefined): Word {
    const parts: Part[] = [];
    const text = (t: string, quoted: boolean) => parts.push({ kind: 'text', text: t, quoted });
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || c === ' ' || c === '\t' || c === closer || OPERATOR_CHARS.has(c)) break;
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string');
        text(this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        this.doubleQuoted(parts);
      } else if (c === '\\') {
        text(this.src[this.pos + 1] ?? '', true);
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        parts.push(this.expansion(false));
      } else {
        text(c, false);
        this.pos++;
      }
    }
    return parts;
  }

  private doubleQuoted(parts: Part[]): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new ShellSyntaxError('syntax error: unterminated quoted string');
      if (c === '"') {
        this.pos++;
        parts.push({ kind: 'text', text: '', quoted: true });
        return;
      }
      if (c === '\\' && '$`"\\\n'.includes(this.src[this.pos + 1] ?? '')) {
        parts.push({ kind: 'text', text: this.src[this.pos + 1]!, quoted: true });
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        parts.push(this.expansion(true));
      } else {
        parts.push({ kind: 'text', text: c, quoted: true });
        this.pos++;
      }
    }
  }

  private expansion(quoted: boolean): Part {
    if (this.src[this.pos] === '`') {
      const end = this.src.indexOf('`', this.pos + 1);
      if (end < 0) throw new ShellSyntaxError('syntax error: unterminated `');
      const script = parseScript(this.src.slice(this.pos + 1, end));
      this.pos = end + 1;
      return { kind: 'sub', script, quoted };
    }
    this.pos++; // '$'
    const c = this.src[this.pos];
    if (c === '(') {
      this.pos++;
      const script = this.script(')');
      this.pos++; // ')'
      return { kind: 'sub', script, quoted };
    }
    if (c === '?' || c === '$' || c === '#') {
      this.pos++;
      return { kind: 'var', name: c, quoted };
    }
    if (c === '{') {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) throw new ShellSyntaxError('syntax error: missing }');
      const name = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { kind: 'var', name, quoted };
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos));
    if (match) {
      this.pos += match[0].length;
      return { kind: 'var', name: match[0], quoted };
    }
    return { kind: 'text', text: '$', quoted };
  }
}

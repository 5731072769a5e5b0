import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shellCommand, shellQuote } from '../../electron/core/devices/shell-quote';
import { EmulatedPhone } from '../rig/emulated-phone';
import { runShellProcess } from '../rig/phone-shell';

const NASTY = [
  "a b'c;$(touch pwned).tflite",
  'plain.tflite',
  '',
  "'",
  "''",
  '"double" and `backtick touch pwned`',
  '$HOME $$ $? ${x}',
  'semi;colon && and || or',
  'back\\slash\\',
  'new\nline',
  '*',
];

async function sh(phone: EmulatedPhone, script: string): Promise<string> {
  let out = '';
  await runShellProcess(phone, script, (text) => (out += text));
  return out;
}

describe('shellQuote', () => {
  it('wraps in single quotes and escapes embedded quotes', () => {
    const table: [string, string][] = [
      ['abc', "'abc'"],
      ['', "''"],
      ["it's", "'it'\\''s'"],
      ['$(x)', "'$(x)'"],
    ];
    for (const [input, expected] of table) assert.equal(shellQuote(input), expected);
  });

  it('gives back every argument unchanged through a real sh-like interpreter, executing nothing', async () => {
    const phone = new EmulatedPhone();
    for (const text of NASTY) {
      const out = await sh(phone, `echo -n ${shellQuote(text)}`);
      assert.equal(out, text, `round trip of ${JSON.stringify(text)}`);
      // Nested once more, as the benchmark command does with sh -c.
      const nested = await sh(phone, `sh -c ${shellQuote(`echo -n ${shellQuote(text)}`)}`);
      assert.equal(nested, text, `nested round trip of ${JSON.stringify(text)}`);
    }
    assert.deepEqual(phone.fs.findByName('pwned'), []);
  });

  it('the emulated shell really runs unquoted command substitution (so the test above can fail)', async () => {
    const phone = new EmulatedPhone();
    await sh(phone, 'cd /data/local/tmp && echo a b;$(touch pwned)');
    assert.deepEqual(phone.fs.findByName('pwned'), ['/data/local/tmp/pwned']);
    await sh(phone, 'echo "`touch pwned2`"');
    assert.equal(phone.fs.findByName('pwned2').length, 1);
  });

  it('shellCommand quotes each argument', async () => {
    const phone = new EmulatedPhone();
    phone.fs.writeFile("/data/local/tmp/x y'z", Buffer.from('hello'), 0o644);
    assert.equal(await sh(phone, shellCommand(['cat', "/data/local/tmp/x y'z"])), 'hello');
  });

  it('interprets $?, $$, &&, || and ; like sh', async () => {
    const phone = new EmulatedPhone();
    assert.equal(await sh(phone, 'false; echo $?'), '1\n');
    assert.equal(await sh(phone, 'false && echo no || echo yes'), 'yes\n');
    assert.match(await sh(phone, 'echo $$'), /^\d+\n$/);
    assert.equal(await sh(phone, 'nosuch; echo __RC=$?'), '/system/bin/sh: nosuch: inaccessible or not found\n__RC=127\n');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvField, parseCsv, toCsv } from '../../electron/core/report/csv';

describe('csv', () => {
  const fields: [Parameters<typeof csvField>[0], string][] = [
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
    [true, 'true'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['[a/Mul, b/Mul]:270', '"[a/Mul, b/Mul]:270"'],
  ];
  for (const [value, expected] of fields) it(`field ${JSON.stringify(value)}`, () => assert.equal(csvField(value), expected));

  it('round-trips through the parser', () => {
    const rows = [
      ['x', 1, null, 'a,b'],
      ['say "hi"', 'two\r\nlines', true, ''],
    ];
    const text = toCsv(['h1', 'h2', 'h3', 'h4'], rows);
    assert.deepEqual(parseCsv(text), [
      ['h1', 'h2', 'h3', 'h4'],
      ['x', '1', '', 'a,b'],
      ['say "hi"', 'two\r\nlines', 'true', ''],
    ]);
  });
});

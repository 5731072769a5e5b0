import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMAND_NAMES, type CommandName, type CommandResponses, type EventPayloads } from '../../shared/contract';

// Type-level checks, enforced by `tsc` (part of `npm test`): no response or event of the contract is `unknown`.
type IsUnknown<T> = unknown extends T ? true : false;
type UnknownResponses = { [C in CommandName]: IsUnknown<CommandResponses[C]> extends true ? C : never }[CommandName];
type UnknownJobEvents = IsUnknown<EventPayloads['job.event']['event']> | IsUnknown<EventPayloads['job.finished']['result']>;
type UnknownDevices = IsUnknown<EventPayloads['devices.changed']['devices'][number]>;

const noUnknownResponses: [UnknownResponses] extends [never] ? true : UnknownResponses = true;
const noUnknownJobEvents: UnknownJobEvents extends false ? true : never = true;
const noUnknownDevices: UnknownDevices extends false ? true : never = true;

test('every contract response and event is typed from the core (checked by tsc)', () => {
  assert.deepEqual([noUnknownResponses, noUnknownJobEvents, noUnknownDevices], [true, true, true]);
  assert.ok(COMMAND_NAMES.length >= 20);
});

test('the renderer names contract responses only by the contract’s types (no shape declared again, no cast)', async () => {
  const { readFile } = await import('node:fs/promises');
  const responses = await readFile(new URL('../../renderer/src/api/responses.ts', import.meta.url), 'utf8');
  assert.doesNotMatch(responses, /\binterface\b|:\s*\{/, 'renderer/src/api/responses.ts declares a shape');
  const useCommand = await readFile(new URL('../../renderer/src/api/use-command.ts', import.meta.url), 'utf8');
  assert.doesNotMatch(useCommand, /useCommand<C extends CommandName, /, 'useCommand takes a response type other than the contract’s');
  assert.doesNotMatch(useCommand, /\bas T\b/);
});

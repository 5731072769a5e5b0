import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnknownPairService, parsePairReply } from '../../electron/core/devices/parse/pair-reply';

// Replies of the adb server to host:pair, as `adb pair` (platform-tools 30+) prints them and as Debian's adb 29 fails.
const REPLIES: { name: string; text: string; expected: ReturnType<typeof parsePairReply> }[] = [
  {
    name: 'success with guid (platform-tools 34)',
    text: 'Successfully paired to 192.168.100.212:39687 [guid=adb-10ADAT0U58001GJ-raBpbs]\n',
    expected: { paired: true, endpoint: '192.168.100.212:39687', guid: 'adb-10ADAT0U58001GJ-raBpbs' },
  },
  {
    name: 'success without guid (platform-tools 30)',
    text: 'Successfully paired to 10.0.0.7:41235',
    expected: { paired: true, endpoint: '10.0.0.7:41235', guid: undefined },
  },
  {
    name: 'wrong code',
    text: 'Failed: Wrong password or connection was dropped.',
    expected: { paired: false, reason: 'Wrong password or connection was dropped.' },
  },
  {
    name: 'unreachable pairing port',
    text: 'Failed: Unable to start pairing client.',
    expected: { paired: false, reason: 'Unable to start pairing client.' },
  },
  { name: 'empty reply', text: '', expected: { paired: false, reason: 'the adb server gave no reason' } },
];

describe('adb pair replies', () => {
  for (const { name, text, expected } of REPLIES)
    it(name, () => {
      assert.deepEqual(parsePairReply(text), expected);
    });

  it('tells an adb server without pairing from a refused pairing', () => {
    assert.equal(isUnknownPairService('unknown host service'), true);
    assert.equal(isUnknownPairService('Failed: Wrong password or connection was dropped.'), false);
  });
});

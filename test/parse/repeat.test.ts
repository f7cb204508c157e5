import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWordChar } from '../../src/parse/chars.ts';
import { repeatedAt, repeatIn } from '../../src/parse/repeat.ts';

// The parser reads rsyslog's repeat marker from text and the summary's scanner from bytes: they
// must agree on every spelling, near misses included.
test('the text and byte readers of `message repeated N times: [` agree, near misses included', () => {
  const bodies = ['message repeated 3 times: [ x]', 'message repeated 3 times: [x]', 'message repeated 123456789 times: [', 'message repeated 1234567890 times: [',
    'message repeated  3 times: [', 'message repeated 3 time: [', 'message repeated x times: [', 'message repeated 0 times: [ ', 'Message repeated 3 times: [', 'message repeated 3 times:[', 'message repeated 3 times: ', ''];
  for (const body of bodies) {
    for (const prefix of ['', 'Nov 20 10:00:00 fw-1 ', '%ASA-6-302013: ']) {
      const text = prefix + body;
      const pos = prefix.length;
      const fromText = repeatIn(text, pos);
      assert.equal(repeatedAt(Buffer.from(text), pos, text.length), fromText?.count ?? null, JSON.stringify(text));
      // the message inside the brackets starts after `[` and at most one blank
      if (fromText) assert.match(text.slice(pos, fromText.end), /^message repeated \d{1,9} times: \[ ?$/, JSON.stringify(text));
    }
  }
});

test('isWordChar: ASCII letters and digits only, as a character code or a byte', () => {
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(isWordChar(c), /^[A-Za-z0-9]$/.test(ch), `code ${c}`);
  }
  assert.equal(isWordChar(NaN), false, 'past the end of a line');
});

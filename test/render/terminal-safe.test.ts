import assert from 'node:assert/strict';
import { test } from 'node:test';
import { terminalSafe } from '../../src/terminal-safe.ts';

test('escape sequences, OSC titles, backspaces and C1 controls become visible text', () => {
  assert.equal(terminalSafe('\x1b[31mred\x1b[0m'), '\\x1b[31mred\\x1b[0m');
  assert.equal(terminalSafe('\x1b]0;pwned\x07'), '\\x1b]0;pwned\\x07');
  assert.equal(terminalSafe('abc\b\b\bxyz'), 'abc\\x08\\x08\\x08xyz');
  assert.equal(terminalSafe('\u009b31m'), '\\x9b31m');
  assert.equal(terminalSafe('a\rb\nc'), 'a\\x0db\\x0ac');
  assert.equal(terminalSafe('\u202eevil'), '\\u202eevil');
});

test('ordinary text, tabs and CJK are unchanged', () => {
  const s = 'Group <RA> User <bob>\tIP 10.0.0.1 セッション 会话';
  assert.equal(terminalSafe(s), s);
});

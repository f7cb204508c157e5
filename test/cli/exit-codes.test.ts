import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, runCli } from '../helpers.ts';

// The exit codes the README documents (0 success, 1 usage, 2 input or runtime error), one
// command each; 130 (an interrupted stream view) is in signals.test.ts.
const SAMPLE = join(ROOT, 'test', 'fixtures', 'sample.log');
const MISSING = join(ROOT, 'test', 'fixtures', 'no-such-file.log');

const cases: { name: string; args: string[]; code: number; stdout?: RegExp; stderr?: RegExp }[] = [
  { name: 'success: the stream view', args: ['-o', 'json', SAMPLE], code: 0, stdout: /"id":"\d{6}"/ },
  { name: 'success: a filter that matches nothing', args: ['-o', 'json', '-s', '0', '-g', 'no such text anywhere', SAMPLE], code: 0, stdout: /^$/ },
  { name: 'success: summary with a filter that matches nothing', args: ['summary', '-o', 'json', '-i', '999999', SAMPLE], code: 0, stdout: /"messages": 0/ },
  { name: 'success: search with no hits', args: ['search', 'zzzqqqxxy'], code: 0, stdout: /no message matches "zzzqqqxxy"/ },
  { name: 'success: --version', args: ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: 'usage: an unknown option', args: ['--frobnicate', SAMPLE], code: 1, stderr: /^asalog: unknown option '--frobnicate'\n$/ },
  { name: 'usage: explain without an argument', args: ['explain'], code: 1, stderr: /^asalog: missing required argument 'items'\n$/ },
  { name: 'usage: a misspelt logging class', args: ['-c', 'vpn,nosuchclass', SAMPLE], code: 1, stdout: /^$/, stderr: /^asalog: --category "nosuchclass" is not a logging class: see `asalog categories`/ },
  { name: 'usage: list with an unknown platform', args: ['list', '--platform', 'PIX'], code: 1, stderr: /^asalog: --platform "PIX" is not a platform: use ASA or FTD\n$/ },
  { name: 'usage: list with a bad severity', args: ['list', '-s', 'loud'], code: 1, stderr: /^asalog: invalid severity "loud": use a level 0-7/ },
  { name: 'input: a missing file', args: [MISSING], code: 2, stderr: /^asalog: .*no-such-file\.log: no such file or directory\n$/ },
  ...(existsSync('/dev/full') ? [{ name: 'input: summary --html onto a full disk (/dev/full)', args: ['summary', '--html', '/dev/full', SAMPLE], code: 2, stderr: /^asalog: write failed: no space left on device\n$/ }] : []),
  // A mistyped command is not read as a file name (which would stream the other arguments).
  { name: 'usage: a mistyped command', args: ['explian', '722001'], code: 1, stdout: /^$/, stderr: /^asalog: unknown command 'explian'; did you mean 'explain'\? \(to read a file of that name, write \.\/explian\)\n$/ },
  { name: 'usage: a mistyped command before a file', args: ['sumary', SAMPLE], code: 1, stdout: /^$/, stderr: /did you mean 'summary'/ },
  { name: 'input: a missing file whose name is no command', args: ['firewall', SAMPLE], code: 2, stderr: /^asalog: firewall: no such file or directory\n$/ },
  { name: 'input: summary --html into a missing directory', args: ['summary', '--html', join(MISSING, 'report.html'), SAMPLE], code: 2, stderr: /^asalog: .*no-such-file\.log\/report\.html: no such file or directory\n$/ },
  { name: 'input: explain 999999', args: ['explain', '999999'], code: 2, stderr: /^asalog: 999999 is not in the catalog; nearest documented IDs: \d{6}, \d{6}, \d{6} \(or try `asalog search <words>`\)\n$/ },
  { name: 'input: explain of a word', args: ['explain', 'blorf'], code: 2, stderr: /^asalog: "blorf" is not a message ID, tag or ASA\/FTD log line; try `asalog search <words>`\n$/ },
  { name: 'input: explain of a seven-digit number', args: ['explain', '1234567'], code: 2, stderr: /^asalog: "1234567" is not a message ID/ },
  { name: 'input: explain of one known and one unknown ID prints the known one', args: ['explain', '722001', '999999'], code: 2, stdout: /722001/, stderr: /999999 is not in the catalog/ },
];

describe('exit codes', { concurrency: true }, () => {
  for (const c of cases) {
    test(`${c.code}: ${c.name}`, async () => {
      const r = await runCli(c.args);
      assert.equal(r.code, c.code, r.stderr);
      if (c.stdout) assert.match(r.stdout.toString(), c.stdout);
      if (c.stderr) assert.match(r.stderr, c.stderr);
      else assert.equal(r.stderr, '');
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

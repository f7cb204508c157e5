import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { BIN, runCli } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'asalog-completion-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

async function script(shell: string): Promise<string> {
  const r = await runCli(['completion', shell]);
  assert.equal(r.code, 0, r.stderr);
  const file = join(dir, `asalog.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

describe('shell completion, generated from the program', () => {
  test('bash: commands, nested commands, options of each command, and their values', async () => {
    const file = await script('bash');
    const complete = (words: string[]) => {
      const cmd = `source "${file}"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _asalog; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const r = spawnSync('bash', ['-c', cmd], { cwd: dir, timeout: 10_000 });
      assert.equal(r.status, 0, r.stderr.toString());
      return r.stdout.toString().split('\n').filter(Boolean).sort();
    };
    assert.deepEqual(complete(['asalog', 'su']), ['summary']);
    assert.deepEqual(complete(['asalog', 'summary', '--t']), ['--top', '--tz']);
    assert.deepEqual(complete(['asalog', 'summary', '-o', '']), ['csv', 'json', 'markdown', 'table']);
    assert.deepEqual(complete(['asalog', '-o', 'j']), ['json']);
    assert.deepEqual(complete(['asalog', '--lang', '']), ['en', 'ja', 'zh']);
    assert.deepEqual(complete(['asalog', '-c', 'threat']), ['threat-detection']);
    assert.deepEqual(complete(['asalog', 'catalog', 'ex']), ['export']);
    assert.deepEqual(complete(['asalog', 'catalog', 'export', '--format', '']), ['csv', 'json']);
    assert.deepEqual(complete(['asalog', '-s', 'err', 'summary', '--b']), ['--bucket', '--by']);
    assert.deepEqual(complete(['asalog', 'completion', '']), ['bash', 'fish', 'zsh']);
    assert.ok(complete(['asalog', '-']).includes('--ignore-case'));
    assert.ok(complete(['asalog', '-']).includes('--compact'));
  });

  test('every option of every command is offered (the script follows the program)', async () => {
    const text = (await runCli(['completion', 'bash'])).stdout.toString();
    for (const args of [[], ['summary'], ['explain'], ['search'], ['list'], ['catalog', 'import'], ['catalog', 'export']]) {
      const help = (await runCli([...args, '--help'])).stdout.toString();
      for (const [flag] of help.matchAll(/--[a-z][a-z-]+/g)) {
        if (flag === '--help') continue;
        assert.ok(text.includes(flag), `${['asalog', ...args].join(' ')} ${flag} is not in the completion`);
      }
    }
  });

  test('zsh: the script loads and registers asalog', async (t) => {
    if (!has('zsh')) return t.skip('zsh not installed');
    const file = await script('zsh');
    const r = spawnSync('zsh', ['-c', `source "${file}" && print -r -- $_comps[asalog]`], { timeout: 10_000 });
    assert.equal(r.status, 0, r.stderr.toString());
    assert.match(r.stdout.toString(), /_asalog/);
  });

  test('fish: commands, options and values', async (t) => {
    if (!has('fish')) return t.skip('fish not installed');
    const file = await script('fish');
    const complete = (line: string) => {
      const r = spawnSync('fish', ['-c', `source "${file}"; complete -C "${line}"`], { timeout: 10_000 });
      assert.equal(r.status, 0, r.stderr.toString());
      return r.stdout.toString().split('\n').filter(Boolean).map((l) => l.split('\t')[0]!).sort();
    };
    assert.deepEqual(complete('asalog summary --t'), ['--top', '--tz']);
    assert.deepEqual(complete('asalog summary -o '), ['csv', 'json', 'markdown', 'table']);
    assert.deepEqual(complete('asalog completion '), ['bash', 'fish', 'zsh']);
    assert.ok(complete('asalog ').includes('summary'));
  });

  test('--help of each command ends with examples', async () => {
    for (const args of [[], ['summary'], ['explain'], ['search'], ['list'], ['catalog', 'import'], ['completion']]) {
      const help = (await runCli([...args, '--help'])).stdout.toString();
      const examples = help.split('\nExamples:\n')[1];
      assert.ok(examples !== undefined, `asalog ${args.join(' ')} --help has no examples`);
      const lines = examples.split('\n').filter(Boolean);
      assert.ok(lines.length >= 2 && lines.length <= 4, `${lines.length} examples`);
      for (const l of lines) assert.match(l, /^ {2}(tail -f .* \| )?asalog /);
    }
  });

  test('an unknown shell is a usage error', async () => {
    const r = await runCli(['completion', 'tcsh']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^asalog: .*'tcsh'.*bash, zsh, fish/);
  });
});

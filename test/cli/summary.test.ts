import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { canonical, expectSummary, normaliseReport, type Bucket, type ExpectedSummary } from '../fixtures/summary/expect-summary.ts';
import { MEANING, generateLog, logText, type GeneratedLine } from '../fixtures/summary/generated-log.ts';
import { ROOT, runCli } from '../helpers.ts';

// A generated log whose every figure is known from how it was built: the summary must give them exactly.

const CATALOG = join(ROOT, 'test', 'fixtures', 'summary', 'catalog.json');
const dir = mkdtempSync(join(tmpdir(), 'asalog-summary-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LOG = generateLog();
const LOG_FILE = join(dir, 'generated.log');
writeFileSync(LOG_FILE, logText(LOG));

const DOCUMENTED_FIELDS = ['schema', 'files', 'lines', 'classified', 'unparsed', 'messages', 'known', 'unknown', 'hostCount', 'first', 'last', 'spanSeconds', 'severity', 'categories', 'ids', 'hosts', 'overrides', 'bucket', 'timeline'];

type Report = Omit<ExpectedSummary, 'ids'> & { schema: string; files: string[]; ids: (ExpectedSummary['ids'][number] & { meaning: string })[] };

async function summary(args: string[], input?: string, env?: NodeJS.ProcessEnv): Promise<Report> {
  const r = await runCli(['summary', '-o', 'json', '--year', '2026', '--catalog', CATALOG, ...args], { input, env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout.toString()) as Report;
}

const at = (iso: string) => Date.parse(iso);

describe('summary of a generated log with known counts', () => {
  test('the generated log exercises what it should', () => {
    const e = expectSummary(LOG);
    // A guard on the generator itself, so a change to it cannot quietly make the checks below weak.
    assert.equal(e.lines, 600);
    assert.ok(e.unparsed >= 10 && e.messages > e.classified + 30, JSON.stringify([e.unparsed, e.messages, e.classified]));
    assert.ok(e.ids.length > 15 && e.unknown > 0 && e.overrides.length >= 3);
    assert.ok(LOG.some((l) => l.id !== null && l.time === null), 'tagged lines without a time');
    assert.equal(e.bucket, 'hour');
    assert.ok(e.timeline.some((p) => p.errors === 0 && p.other === 0), 'an empty hour');
    assert.ok(e.timeline.every((p) => p.start.endsWith(':00:00.000Z')));
  });

  test('every documented field, exactly', async () => {
    const report = await summary([LOG_FILE]);
    assert.deepEqual(Object.keys(report).sort(), [...DOCUMENTED_FIELDS].sort());
    assert.equal(report.schema, 'asalog.summary/1');
    assert.deepEqual(report.files, [LOG_FILE]);
    assert.deepEqual(Object.keys(report.severity), ['0', '1', '2', '3', '4', '5', '6', '7']);
    assert.deepEqual(normaliseReport(report), canonical(expectSummary(LOG)));
  });

  // The summary counts by one of three paths (src/summary/run.ts): each must give the same figures.
  for (const path of ['records', 'scan', 'workers']) {
    test(`the same exact figures by the ${path} path`, async () => {
      const report = await summary([LOG_FILE], undefined, { ASALOG_SUMMARY_PATH: path });
      assert.deepEqual(normaliseReport(report), canonical(expectSummary(LOG)));
    });
  }

  test('figures worked out by hand from the generator, independent of the oracle', async () => {
    const r = await summary([LOG_FILE]);
    const tagged = LOG.filter((l) => l.id !== null);
    const sum = (ls: GeneratedLine[]) => ls.reduce((s, l) => s + l.repeat, 0);
    assert.equal(r.lines, 600);
    assert.equal(r.classified + r.unparsed, r.lines);
    assert.equal(r.known + r.unknown, r.messages);
    assert.equal(r.messages, sum(tagged));
    assert.equal(Object.values(r.severity).reduce((a, b) => a + b, 0), r.messages);
    assert.equal(Object.values(r.categories).reduce((a, b) => a + b, 0), r.messages);
    assert.equal(r.ids.reduce((s, i) => s + i.count, 0), r.messages);
    assert.equal(r.hosts.reduce((s, h) => s + h.count, 0), sum(tagged.filter((l) => l.host !== null)));
    assert.equal(r.timeline.reduce((s, p) => s + p.errors + p.other, 0), sum(tagged.filter((l) => l.time !== null)));
    assert.equal(r.timeline.reduce((s, p) => s + p.errors, 0), sum(tagged.filter((l) => l.time !== null && l.severity! <= 3)));
    // The hours run 09 to 14 with 12 empty.
    assert.deepEqual(r.timeline.map((p) => p.start.slice(11, 13)), ['09', '10', '11', '12', '13', '14']);
    assert.deepEqual(r.timeline[3], { start: '2026-11-20T12:00:00.000Z', errors: 0, other: 0 });
    assert.equal(r.first, '2026-11-20T09:10:00.000Z');
    assert.equal(r.spanSeconds, (at(r.last!) - at(r.first!)) / 1000);
    // 106023 is documented at 4 and logged at 3, 4 and 5: two overrides, with both levels.
    const o = r.overrides.filter((x) => x.id === '106023').map((x) => [x.documented, x.logged]).sort();
    assert.deepEqual(o, [[4, 3], [4, 5]]);
    assert.ok(r.overrides.some((x) => x.id === '302013' && x.documented === 6 && x.logged === 7));
    assert.ok(!r.overrides.some((x) => ['302014', '113999', '999001'].includes(x.id)), 'no override for IDs logged at their level or unknown');
    const id = (x: string) => r.ids.find((i) => i.id === x)!;
    assert.deepEqual([id('106023').severity, id('106023').category, id('106023').known], [4, 'access-lists', true]);
    assert.deepEqual([id('113999').severity, id('113999').category, id('113999').known], [3, 'auth', false]);
    assert.deepEqual([id('722999').category, id('999001').category], ['svc', 'other']);
    // The relay's host (relay-9) never wins over the device's own.
    assert.deepEqual(r.hosts.map((h) => h.host).sort(), ['10.0.0.1', 'fw-core', 'fw-edge-1', 'fw-edge-2']);
  });

  test('meanings: the first sentence of the catalog explanation; none for unknown IDs', async () => {
    const r = await summary([LOG_FILE]);
    for (const i of r.ids) {
      const full = MEANING[i.id];
      if (!i.known) {
        assert.equal(full, undefined);
        assert.equal(i.meaning, '', i.id);
        continue;
      }
      assert.ok(i.meaning === full || (i.meaning.endsWith('…') && full!.startsWith(i.meaning.slice(0, -1)) && i.meaning.length >= 40), `${i.id}: ${i.meaning}`);
    }
    assert.equal(r.ids.find((i) => i.id === '302013')!.meaning, MEANING['302013']);
  });

  test('stdin gives the same figures as the file', async () => {
    const fromStdin = await summary(['-'], logText(LOG));
    assert.deepEqual(normaliseReport(fromStdin), canonical(expectSummary(LOG)));
  });

  test('empty input: zeros, no times, no timeline', async () => {
    const r = await summary(['-'], '');
    assert.deepEqual(normaliseReport(r), canonical(expectSummary([])));
    assert.equal(r.first, null);
    assert.deepEqual(r.timeline, []);
  });

  // README: `files` is "inputs, in order". The counters learn of a file only from a counted line.
  test('files names every input, also an empty one and one whose lines are all filtered out', async () => {
    const empty = join(dir, 'empty.log');
    const quiet = join(dir, 'quiet.log');
    writeFileSync(empty, '');
    writeFileSync(quiet, '%ASA-6-302013: informational only\n');
    assert.deepEqual((await summary([empty, LOG_FILE])).files, [empty, LOG_FILE]);
    assert.deepEqual((await summary(['-s', '0-3', LOG_FILE, quiet])).files, [LOG_FILE, quiet]);
  });

  test('an unknown ID takes the level it is logged at most, counting repeated messages; the lower one on a tie', async () => {
    const log = [
      'Nov 20 10:00:00 fw %ASA-2-999101: tie',
      'Nov 20 10:00:01 fw %ASA-5-999101: tie',
      'Nov 20 10:00:02 fw %ASA-2-999102: two lines at 2',
      'Nov 20 10:00:03 fw %ASA-2-999102: two lines at 2',
      'Nov 20 10:00:04 fw message repeated 3 times: [ %ASA-5-999102: one line of three at 5]',
    ].join('\n');
    const r = await summary(['-'], log);
    assert.deepEqual(r.ids.map((i) => [i.id, i.count, i.severity, i.known]), [['999102', 5, 5, false], ['999101', 2, 2, false]]);
    assert.deepEqual(r.hosts, [{ host: 'fw', count: 7, worstSeverity: 2 }]);
    assert.deepEqual(r.severity, { 0: 0, 1: 0, 2: 3, 3: 0, 4: 0, 5: 4, 6: 0, 7: 0 });
    assert.deepEqual(r.overrides, []);
  });
});

describe('timeline bucket: chosen from the span, or forced', () => {
  const span = async (from: string, to: string, extra: string[] = []) => {
    const log = [`${from} fw : %ASA-3-113999: first`, `${to} fw : %ASA-6-302013: last`].join('\n');
    return summary(['-', ...extra], log);
  };
  for (const [name, from, to, bucket, points] of [
    ['one instant', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 'minute', 1],
    ['exactly 120 minutes', '2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z', 'minute', 121],
    ['120 minutes and a second', '2026-11-20T10:00:00Z', '2026-11-20T12:00:01Z', 'hour', 3],
    ['exactly 120 hours', '2026-11-20T10:00:00Z', '2026-11-25T10:00:00Z', 'hour', 121],
    ['120 hours and a second', '2026-11-20T10:00:00Z', '2026-11-25T10:00:01Z', 'day', 6],
    ['a year', '2025-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 'day', 366],
  ] as const) {
    test(`${name}: per ${bucket}, ${points} points`, async () => {
      const r = await span(from, to);
      assert.equal(r.bucket, bucket);
      assert.equal(r.timeline.length, points);
      assert.equal(r.spanSeconds, (at(to) - at(from)) / 1000);
      assert.deepEqual(r.timeline[0], points === 1 ? { start: r.timeline[0]!.start, errors: 1, other: 1 } : { start: r.timeline[0]!.start, errors: 1, other: 0 });
      assert.equal(r.timeline.at(-1)!.other, 1);
      assert.ok(r.timeline.slice(1, -1).every((p) => p.errors === 0 && p.other === 0));
    });
  }

  for (const bucket of ['minute', 'hour', 'day'] as Bucket[]) {
    test(`--bucket ${bucket} on the generated log`, async () => {
      const r = await summary([LOG_FILE, '--bucket', bucket]);
      const e = expectSummary(LOG, bucket);
      assert.equal(r.bucket, bucket);
      assert.deepEqual(r.timeline, e.timeline);
      const times = LOG.filter((l) => l.id !== null && l.time !== null).map((l) => l.time!);
      const minutes = Math.floor(Math.max(...times) / 60_000) - Math.floor(Math.min(...times) / 60_000) + 1;
      assert.equal(r.timeline.length, { minute: minutes, hour: 6, day: 1 }[bucket]);
    });
  }

  // An ASA whose clock was never set logs 1993 among this year's lines; --bucket minute over a
  // month asks for 40,000 minutes. Past 10,000 buckets the timeline lists the non-empty ones only,
  // and no message may go missing from it.
  test('a clock reset (1993 among 2026): per day, and every timed message is in the timeline', async () => {
    const log = ['Mar  1 1993 00:00:07 fw : %ASA-3-113999: clock not set', 'Nov 20 2026 10:00:00 fw : %ASA-6-302013: a', 'Nov 21 2026 10:00:00 fw : %ASA-6-302013: b'].join('\n');
    const r = await summary(['-'], log);
    assert.equal(r.bucket, 'day');
    assert.deepEqual(r.timeline, [
      { start: '1993-03-01T00:00:00.000Z', errors: 1, other: 0 },
      { start: '2026-11-20T00:00:00.000Z', errors: 0, other: 1 },
      { start: '2026-11-21T00:00:00.000Z', errors: 0, other: 1 },
    ]);
    assert.equal(r.last, '2026-11-21T10:00:00.000Z');
  });

  test('--bucket minute: dense up to 10,000 buckets, then only the non-empty ones', async () => {
    const lines = (days: number) => ['2026-11-01T00:00:00Z fw : %ASA-3-113999: a', `2026-11-${String(1 + days).padStart(2, '0')}T00:00:00Z fw : %ASA-6-302013: b`].join('\n');
    const dense = await summary(['-', '--bucket', 'minute'], lines(6));
    assert.equal(dense.timeline.length, 6 * 1440 + 1);
    const sparse = await summary(['-', '--bucket', 'minute'], lines(7));
    assert.deepEqual(sparse.timeline, [
      { start: '2026-11-01T00:00:00.000Z', errors: 1, other: 0 },
      { start: '2026-11-08T00:00:00.000Z', errors: 0, other: 1 },
    ]);
    for (const output of ['table', 'markdown', 'csv']) {
      const t = await runCli(['summary', '-o', output, '--bucket', 'minute', '-'], { input: lines(7) });
      assert.equal(t.code, 0, t.stderr);
    }
  });

  test('offsets are resolved: a +02:00 time lands in its UTC bucket', async () => {
    const r = await summary(['-', '--bucket', 'hour'], '2026-11-20T11:30:00+02:00 fw : %ASA-3-113999: at 09:30 UTC\n');
    assert.equal(r.first, '2026-11-20T09:30:00.000Z');
    assert.deepEqual(r.timeline, [{ start: '2026-11-20T09:00:00.000Z', errors: 1, other: 0 }]);
  });
});

describe('filters apply to the summary as to the stream view', () => {
  const tagged = (l: GeneratedLine) => l.id !== null;
  const cases: [string, string[], (l: GeneratedLine) => boolean][] = [
    ['-s 0-3', ['-s', '0-3'], (l) => tagged(l) && l.severity! <= 3],
    ['-s =warning (logged level, not documented)', ['-s', '=warning'], (l) => tagged(l) && l.severity === 4],
    ['-s warning: that level and worse', ['-s', 'warning'], (l) => tagged(l) && l.severity! <= 4],
    ['--host fw-edge-1 (untagged lines from it too)', ['--host', 'fw-edge-1'], (l) => l.host === 'fw-edge-1'],
    ['--host "fw-edge-*,10.0.0.1"', ['--host', 'fw-edge-*,10.0.0.1'], (l) => l.host !== null && /^(fw-edge-.*|10\.0\.0\.1)$/.test(l.host)],
    ['-i 106023,113000-113999', ['-i', '106023,113000-113999'], (l) => tagged(l) && (l.id === '106023' || (l.id! >= '113000' && l.id! <= '113999'))],
    ['--unknown', ['--unknown'], (l) => tagged(l) && !l.known],
    ['-v -i 302013 (untagged lines stay)', ['-v', '-i', '302013'], (l) => !(tagged(l) && l.id === '302013')],
    ['--since 13:00 --until 14:00', ['--since', '2026-11-20T13:00:00Z', '--until', '2026-11-20T14:00:00Z'], (l) => l.time !== null && l.time >= at('2026-11-20T13:00:00Z') && l.time < at('2026-11-20T14:00:00Z')],
    ['-s =4 --host fw-core', ['-s', '=4', '--host', 'fw-core'], (l) => tagged(l) && l.severity === 4 && l.host === 'fw-core'],
  ];
  for (const [name, args, keep] of cases) {
    test(name, async () => {
      const kept = LOG.filter(keep);
      assert.ok(kept.length > 0 && kept.length < LOG.length, `${name} selects ${kept.length}`);
      const r = await summary([LOG_FILE, ...args]);
      assert.deepEqual(normaliseReport(r), canonical(expectSummary(kept)));
    });
  }
});

describe('--top N', () => {
  /** Data rows of the markdown section titled `title`. */
  const sectionRows = (md: string, title: string): string[] => {
    const at = md.indexOf(`\n## ${title}\n`);
    if (at < 0) return [];
    const body = md.slice(at + title.length + 5).split('\n## ')[0]!;
    return body.split('\n').filter((l) => l.startsWith('| ')).slice(1);
  };
  const markdown = async (args: string[]) => {
    const r = await runCli(['summary', '-o', 'markdown', '--year', '2026', '--catalog', CATALOG, LOG_FILE, ...args]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.toString();
  };
  const e = expectSummary(LOG);

  test('default 15: the ID table holds the 15 largest', async () => {
    const rows = sectionRows(await markdown([]), 'Messages by ID');
    assert.equal(rows.length, 15);
    const counts = rows.map((row) => Number(row.split(' | ')[3]));
    assert.deepEqual(counts, e.ids.slice(0, 15).map((i) => i.count));
  });

  for (const n of [1, 3]) {
    test(`--top ${n}: every table is cut to ${n} rows, JSON keeps every ID`, async () => {
      const md = await markdown(['--top', String(n)]);
      assert.deepEqual(sectionRows(md, 'Messages by ID').map((row) => row.split(' | ')[0]!.slice(2)), e.ids.slice(0, n).map((i) => i.id));
      assert.equal(sectionRows(md, 'Hosts').length, n);
      assert.equal(sectionRows(md, 'Unknown IDs (not in the catalog)').length, n);
      const json = await summary([LOG_FILE, '--top', String(n)]);
      assert.equal(json.ids.length, e.ids.length);
    });
  }

  test('--top 0 and --top x are usage errors (exit 1)', async () => {
    for (const bad of ['0', 'x', '-3']) {
      const r = await runCli(['summary', '--top', bad, LOG_FILE]);
      assert.equal(r.code, 1, `--top ${bad}`);
      assert.match(r.stderr, /^asalog: .*--top/);
    }
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseLine, type ParseContext, type ParsedLine } from '../../src/parse/line.js';

interface ShapeCase {
  name: string;
  line: string;
  ctx?: ParseContext;
  expect: Partial<ParsedLine>;
}

const shapes = JSON.parse(
  readFileSync(new URL('../fixtures/parse/shapes.json', import.meta.url), 'utf8'),
) as { cases: ShapeCase[] };

const CORE_KEYS = ['timestamp', 'host', 'platform', 'severity', 'id'] as const;
const OPTIONAL_KEYS = ['pri', 'repeat', 'classInfix'] as const;

function check(actual: ParsedLine, expected: Partial<ParsedLine>): void {
  for (const key of CORE_KEYS) assert.deepEqual(actual[key], expected[key], key);
  for (const key of OPTIONAL_KEYS) assert.deepEqual(actual[key], expected[key], key);
  if ('message' in expected) assert.equal(actual.message, expected.message, 'message');
}

describe('wrapper shapes (test/fixtures/parse/shapes.json)', () => {
  for (const c of shapes.cases) {
    test(c.name, () => check(parseLine(c.line, c.ctx ?? { year: 2026 }), c.expect));
  }

  test('a missing year without ctx.year is the current year', () => {
    const year = new Date().getUTCFullYear();
    assert.equal(parseLine('Jun  5 10:01:02 fw01 : %ASA-6-302013: x').timestamp, `${year}-06-05T10:01:02.000Z`);
  });
});

describe('message repeated', () => {
  test('rsyslog form: the marker wraps the tag', () => {
    const p = parseLine('Jan 23 15:10:55 fw1 message repeated 3 times: [ %ASA-2-106006: Deny inbound UDP from 192.168.2.66/137]', { year: 2026 });
    check(p, { timestamp: '2026-01-23T15:10:55.000Z', host: 'fw1', platform: 'ASA', severity: 2, id: '106006', repeat: 3 });
    assert.equal(p.message, 'Deny inbound UDP from 192.168.2.66/137');
  });

  test('marker after the tag (elastic test-repeat-deny.log)', () => {
    const p = parseLine('Jan 23 15:10:55 10.10.10.1 %ASA-2-106006: message repeated 2 times: [ Deny inbound UDP from 192.168.2.66/137 to 10.1.2.42/137 on interface inside]');
    assert.equal(p.repeat, 2);
    assert.equal(p.id, '106006');
    assert.equal(p.message, 'Deny inbound UDP from 192.168.2.66/137 to 10.1.2.42/137 on interface inside');
  });

  test('a ] inside the text is kept; only the closing one goes', () => {
    const p = parseLine('%ASA-4-733100: message repeated 4 times: [ [192.168.2.2] drop rate-1 exceeded] ');
    assert.equal(p.repeat, 4);
    assert.equal(p.message, '[192.168.2.2] drop rate-1 exceeded');
  });

  test('without the marker there is no repeat key', () => {
    assert.equal('repeat' in parseLine('%ASA-2-106006: Deny inbound UDP'), false);
  });
});

describe('#ooo escapes in the message', () => {
  test('#012 newline and #011 tab are decoded', () => {
    const p = parseLine('<164>Jun 26 2026 20:54:29: %ASA-4-733100: [ LOCAL\\alice#012   ] drop#011rate-1');
    assert.equal(p.message, '[ LOCAL\\alice\n   ] drop\trate-1');
  });

  test('#177 is DEL; printable codes like #123 and short ones like #12 stay', () => {
    assert.equal(parseLine('%ASA-6-302013: a#177b ticket #123 and #12').message, 'a\x7fb ticket #123 and #12');
  });
});

describe('PRI decoding', () => {
  const cases: [string, ParsedLine['pri'] | undefined][] = [
    ['<0>', { facility: 0, severity: 0 }],
    ['<13>', { facility: 1, severity: 5 }],
    ['<166>', { facility: 20, severity: 6 }],
    ['<191>', { facility: 23, severity: 7 }],
    ['<192>', undefined],
    ['<999>', undefined],
  ];
  for (const [pri, expected] of cases) {
    test(`${pri} → ${JSON.stringify(expected)}`, () => {
      const p = parseLine(`${pri}%ASA-6-302013: x`);
      assert.deepEqual(p.pri, expected);
      assert.equal(p.id, '302013');
    });
  }
});

describe('tags', () => {
  const accepted: [string, Partial<ParsedLine>][] = [
    ['%FTD--6-852002: x', { platform: 'FTD', severity: 6, id: '852002' }],
    ['%FTD<Up>-4-313005: x', { platform: 'FTD', severity: 4, id: '313005' }],
    ['%FDT-6-113004: x', { platform: 'FTD', severity: 6, id: '113004' }],
    ['%PIX-7-710001: x', { platform: 'PIX', severity: 7, id: '710001' }],
    ['%NGIPS-1-430002: x', { platform: 'NGIPS', severity: 1, id: '430002' }],
    ['%Threat Defense-5-111008: x', { platform: 'FTD', severity: 5, id: '111008' }],
    ['%ASA-auth-4-113005: x', { platform: 'ASA', severity: 4, id: '113005', classInfix: 'auth' }],
    ['%ASA-threat-detection-4-733100: x', { platform: 'ASA', severity: 4, id: '733100', classInfix: 'threat-detection' }],
    ['%ASA-4-401004 Shunned packet', { platform: 'ASA', severity: 4, id: '401004' }],
    ['%ASA-6-302013:', { platform: 'ASA', severity: 6, id: '302013', message: '' }],
    ['ASA-2-106001: x', { platform: 'ASA', severity: 2, id: '106001' }],
    ['<166>Aug 18 2026 18:24:29 fw : ASA-6-302020: x', { platform: 'ASA', severity: 6, id: '302020' }],
    ['%ASA-8-999999: junk %ASA-6-302013: real', { platform: 'ASA', severity: 6, id: '302013', message: 'real' }],
  ];
  for (const [line, expected] of accepted) {
    test(`accepts ${JSON.stringify(line)}`, () => {
      const p = parseLine(line);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(p[key as keyof ParsedLine], value, key);
    });
  }

  const rejected = [
    '%ASA-x-12: junk',
    '%ASA-8-999999: This phony message is dropped due to log level.',
    '%ASA-6-12345: five digits',
    '%ASA-6-1234567: seven digits',
    '%ASA-6-302013x: glued',
    '%asa-6-302013: lower case',
    '%FOO-6-BAR: Test header format',
    '<191>Jan 24 11:28:30.407: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0',
    '<171>250756222: FNZPRPE11: 328926563: May 8 14:21:40.139 MDT: %IOSXE-3-PLATFORM: R0/0: bcm_switch',
    'ASA-2-106001 no colon after a bare tag',
    'Deny tcp because ASA-2-106001: is quoted mid-text',
    'abc%ASA-6-302013: glued to a word',
    '6|Nov 28 2014 12:59:03|302021: Teardown ICMP connection',
  ];
  for (const line of rejected) {
    test(`rejects ${JSON.stringify(line.slice(0, 60))}`, () => {
      const p = parseLine(line);
      assert.equal(p.id, null);
      assert.equal(p.severity, null);
      assert.equal(p.platform, null);
      assert.equal(p.message, null);
    });
  }
});

describe('never throws, stays linear', { timeout: 20_000 }, () => {
  const big = 100_000;
  const hostile: [string, string][] = [
    ['empty', ''],
    ['NUL bytes', '\0'.repeat(1000) + '%ASA-6-302013:\0x\0'],
    ['lone surrogates', '\ud800<\udc00>1 \udfff%ASA-\ud83d-6-302013: \ud800'],
    ['100 KB of %ASA-', '%ASA-'.repeat(big / 5)],
    ['100 KB of %ASA-6-', '%ASA-6-'.repeat(big / 7)],
    ['100 KB of : : :', ': '.repeat(big / 2)],
    ['100 KB of <', '<'.repeat(big)],
    ['100 KB of <1>', '<1>'.repeat(big / 3)],
    ['100 KB of digits', '9'.repeat(big)],
    ['100 KB of one word', 'a'.repeat(big) + ' %ASA-6-302013: x'],
    ['100 KB of class letters', '%ASA-' + 'a-'.repeat(big / 2)],
    ['100 KB of month names', 'Jan '.repeat(big / 4)],
    ['100 KB of #0', '%ASA-6-302013: ' + '#01'.repeat(big / 3)],
    ['100 KB of [', '<165>1 2026-11-20T10:01:02Z h a p m ' + '['.repeat(big)],
    ['100 KB of \\ in structured data', '<165>1 - h a p m [x ' + '\\'.repeat(big)],
    ['100 KB of repeat markers', 'message repeated 2 times: [ '.repeat(big / 28)],
    ['100 KB of host-like tokens', '<166>' + 'host : '.repeat(big / 7)],
    ['100 KB of IPv6-ish', 'Jan 1 10:00:00 ' + 'a:'.repeat(big / 2)],
  ];
  for (const [name, line] of hostile) {
    test(name, () => {
      const p = parseLine(line, { year: 2026, tz: 'Europe/Berlin' });
      assert.equal(typeof p, 'object');
    });
  }

  test('100 KB message with a tag keeps all of its text', () => {
    const body = 'x'.repeat(big);
    assert.equal(parseLine(`Jan  1 10:00:00 fw : %ASA-6-302013: ${body}`).message, body);
  });

  test('random bytes decoded as UTF-8', () => {
    for (let i = 0; i < 2000; i++) parseLine(randomBytes(1 + (i % 300)).toString('utf8'));
  });

  test('any string (fast-check), with and without a real header in front', () => {
    const prefix = fc.constantFrom('', '<166>', 'Nov 20 10:01:02 fw : ', '<165>1 - h a - - - ', '%ASA-6-302013: ');
    fc.assert(fc.property(prefix, fc.string({ unit: 'binary', maxLength: 400 }), (head, tail) => {
      const p = parseLine(head + tail);
      return p.id === null || /^\d{6}$/.test(p.id);
    }), { numRuns: 3000 });
  });
});

// ---- the shared corpus ------------------------------------------------------------------

const corpusUrl = new URL('../../../shared/corpus/', import.meta.url);
const corpusDir = fileURLToPath(corpusUrl);
const STRICT_TAG = /%(?<platform>ASA|FTD|Threat Defense)(?<cls>-[a-z-]+)?-(?<sev>[0-7])-(?<id>\d{6})/;

function corpusFiles(suffix: string): string[] {
  return (readdirSync(corpusDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(corpusDir, f));
}

function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

describe('shared corpus', () => {
  test('every well-formed tag yields its ID and severity', (t) => {
    if (!existsSync(corpusDir)) return t.skip(`shared corpus not found at ${corpusDir}`);
    let tagged = 0;
    let agreed = 0;
    let lines = 0;
    let untagged = 0;
    const extra: string[] = [];
    const failures: string[] = [];
    for (const file of corpusFiles('.log')) {
      for (const line of linesOf(file)) {
        const p = parseLine(line, { year: 2026 }); // every physical line, empty ones included
        if (line === '') continue;
        lines++;
        const m = STRICT_TAG.exec(line);
        if (m === null) {
          if (p.id !== null) extra.push(`${p.platform}-${p.severity}-${p.id}  ${line.slice(0, 70)}`);
          else untagged++;
          continue;
        }
        tagged++;
        if (p.id === m.groups!.id && p.severity === Number(m.groups!.sev)) agreed++;
        else failures.push(`${file}: ${line.slice(0, 100)}`);
      }
    }
    t.diagnostic(`strict-tag lines: ${agreed}/${tagged} agree on ID and severity (${(100 * agreed / tagged).toFixed(1)}%), of ${lines} non-empty lines`);
    t.diagnostic(`lines without a strict tag that still parse (odd tag forms): ${extra.length}`);
    for (const e of extra) t.diagnostic(`  ${e}`);
    t.diagnostic(`lines read as no message at all: ${untagged}`);
    assert.deepEqual(failures, []);
  });

  test('negative samples are not messages', (t) => {
    if (!existsSync(corpusDir)) return t.skip(`shared corpus not found at ${corpusDir}`);
    const invalid = linesOf(join(corpusDir, 'elastic-integrations/cisco_asa/test-invalid-data.log')).filter((l) => l !== '');
    const phony = corpusFiles('filtered.log').flatMap((f) => linesOf(f)).filter((l) => l.includes('-8-999999'));
    assert.equal(phony.length, 2);
    for (const line of [...invalid, ...phony]) assert.equal(parseLine(line).id, null, line);
  });

  test('agrees with Elastic expected output on host, timestamp, ID, severity and PRI', (t) => {
    if (!existsSync(corpusDir)) return t.skip(`shared corpus not found at ${corpusDir}`);
    const count = { events: 0, host: 0, hostOf: 0, time: 0, timeOf: 0, code: 0, pri: 0, priOf: 0 };
    const timeDifferences: string[] = [];
    for (const file of corpusFiles('.log-expected.json')) {
      const { expected } = JSON.parse(readFileSync(file, 'utf8')) as { expected: ElasticEvent[] };
      for (const e of expected) {
        const line = e.event?.original;
        if (line === undefined) continue; // test-sgt has a trailing object with no event at all
        count.events++;
        // Elastic's tests stamp year-less lines with the year of the run; we pass that year
        // the way the CLI passes --year or the file's mtime.
        const p = parseLine(line, { year: new Date(e['@timestamp']!).getUTCFullYear() });
        if (p.id === e.event!.code && p.severity === e.event!.severity) count.code++;
        if (e.host?.hostname !== undefined) {
          count.hostOf++;
          if (p.host === e.host.hostname) count.host++;
          else assert.fail(`host ${p.host} ≠ ${e.host.hostname} in ${line}`);
        }
        if (e.log?.syslog?.priority !== undefined) {
          count.priOf++;
          assert.deepEqual(p.pri, { facility: e.log.syslog.facility!.code, severity: e.log.syslog.severity!.code });
          count.pri++;
        }
        const why = incomparableTime(e, line);
        if (why !== null) {
          t.diagnostic(`timestamp not compared: ${why}`);
          continue;
        }
        count.timeOf++;
        if (Date.parse(p.timestamp ?? '') === Date.parse(e['@timestamp']!)) count.time++;
        else timeDifferences.push(`${p.timestamp} ≠ ${e['@timestamp']} in ${line.slice(0, 80)}`);
      }
    }
    t.diagnostic(`Elastic events: ${count.events}; ID+severity agree ${count.code}/${count.events}`);
    t.diagnostic(`host.hostname agrees ${count.host}/${count.hostOf}; PRI agrees ${count.pri}/${count.priOf}`);
    t.diagnostic(`@timestamp agrees ${count.time}/${count.timeOf} comparable`);
    assert.equal(count.code, count.events);
    assert.deepEqual(timeDifferences, []);
  });
});

interface ElasticEvent {
  '@timestamp'?: string;
  event?: { original?: string; code?: string; severity?: number; timezone?: string };
  host?: { hostname?: string };
  log?: { syslog?: { priority?: number; facility?: { code: number }; severity?: { code: number } } };
  cisco?: { ftd?: { security_event?: { first_packet_second?: string } } };
}

// Where Elastic's @timestamp does not come from the syslog header, comparing it says nothing.
function incomparableTime(e: ElasticEvent, line: string): string | null {
  if (e.cisco?.ftd?.security_event?.first_packet_second !== undefined) {
    return 'Elastic takes FTD 430xxx event time from FirstPacketSecond in the body';
  }
  // Elastic's zone table has no WEST and falls back to UTC; WEST is UTC+01:00 and we say so.
  if (/ WEST: /.test(line)) return "WEST: Elastic's pipeline does not know it and reads UTC; we read +01:00";
  return null;
}

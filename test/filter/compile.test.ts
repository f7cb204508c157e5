import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { compileFilter, type FilterOptions, hasFilter } from '../../src/filter/compile.js';
import type { LogRecord } from '../../src/classify/record.js';

const NOW = new Date('2024-03-31T12:00:00Z');

function record(line: number, fields: Partial<LogRecord>): LogRecord {
  return {
    file: 'test.log', line, timestamp: null, host: null, platform: null, severity: null, defaultSeverity: null,
    id: null, category: null, known: false, message: null, raw: `line ${line}`, ...fields,
  };
}

const tagged = (line: number, id: string, severity: number, fields: Partial<LogRecord> = {}): LogRecord =>
  record(line, { id, severity, defaultSeverity: severity, platform: 'ASA', known: true, ...fields });

const RECORDS: LogRecord[] = [
  tagged(1, '106023', 4, { category: 'session', host: 'fw-edge-1', timestamp: '2024-03-31T10:00:00.000Z', message: 'Deny tcp src outside:10.0.0.1/1234' }),
  tagged(2, '302013', 6, { category: 'session', host: 'FW-EDGE-2', timestamp: '2024-03-31T11:30:00.000Z', message: 'Built inbound TCP connection 1' }),
  tagged(3, '722051', 6, { category: 'svc', host: 'vpn.example.com', timestamp: '2024-03-30T23:00:00.000Z', message: 'Group <GP> User <alice> IP address assigned' }),
  tagged(4, '999001', 3, { known: false, category: null, host: 'fw-edge-1', message: 'Something new happened' }),
  tagged(5, '113005', 2, { category: 'auth', timestamp: '2024-03-29T12:00:00.000Z', message: 'AAA user authentication Rejected' }),
  record(6, { host: 'fw-edge-1', timestamp: '2024-03-31T13:00:00.000+02:00', raw: 'Mar 31 2024 11:00:00 fw-edge-1 : kernel: Deny everything' }),
  record(7, { raw: 'garbage that is not syslog' }),
];

const lines = (opts: FilterOptions): number[] => RECORDS.filter(compileFilter(opts, NOW)).map((r) => r.line);

describe('compileFilter', () => {
  it('passes everything with no filter', () => {
    assert.deepEqual(lines({}), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(lines({ tz: 'Europe/Berlin', unknown: false, unparsed: false, invert: false }), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('filters by severity expression, skipping untagged lines', () => {
    assert.deepEqual(lines({ severity: '<=4' }), [1, 4, 5]);
    assert.deepEqual(lines({ severity: '=info' }), [2, 3]);
    assert.deepEqual(lines({ severity: 'info' }), [1, 2, 3, 4, 5], 'a level alone: that level and worse');
    assert.deepEqual(lines({ severity: 'err..warn' }), [1, 4]);
  });

  it('falls back to the catalog severity when the line has none', () => {
    const r = tagged(8, '106023', 4, { severity: null });
    assert.equal(compileFilter({ severity: 'warn' }, NOW)(r), true);
  });

  it('filters by category list, case-insensitively', () => {
    assert.deepEqual(lines({ category: 'session' }), [1, 2]);
    assert.deepEqual(lines({ category: 'SVC, auth' }), [3, 5]);
  });

  it('filters by id list', () => {
    assert.deepEqual(lines({ id: '106023,722*' }), [1, 3]);
    assert.deepEqual(lines({ id: '%ASA-6-302013' }), [2]);
    assert.deepEqual(lines({ id: '*' }), [1, 2, 3, 4, 5]);
  });

  it('filters by host, exact or glob, case-insensitively, on any line with a host', () => {
    assert.deepEqual(lines({ host: 'fw-edge-1' }), [1, 4, 6]);
    assert.deepEqual(lines({ host: 'FW-*' }), [1, 2, 4, 6]);
    assert.deepEqual(lines({ host: '*.example.com,fw-edge-2' }), [2, 3]);
    assert.deepEqual(lines({ host: 'vpn.example.co' }), []);
    assert.deepEqual(lines({ host: 'vpn?example.com' }), [], '? is literal, not a glob');
  });

  it('selects unknown ids and unparsed lines', () => {
    assert.deepEqual(lines({ unknown: true }), [4]);
    assert.deepEqual(lines({ unparsed: true }), [6, 7]);
    assert.deepEqual(lines({ unparsed: true, host: 'fw-*' }), [6]);
  });

  it('filters by time window: since inclusive, until exclusive, lines without time excluded', () => {
    assert.deepEqual(lines({ since: '2h' }), [1, 2, 6]);
    assert.deepEqual(lines({ since: '2024-03-31T10:00:00Z' }), [1, 2, 6]);
    assert.deepEqual(lines({ until: '2024-03-31T10:00:00Z' }), [3, 5]);
    assert.deepEqual(lines({ since: 'yesterday', until: 'today' }), [3]);
    assert.deepEqual(lines({ since: '3d' }), [1, 2, 3, 5, 6]);
  });

  it('reads zoneless flag times in the given tz, and honours the offset in each record', () => {
    // Line 6 is stamped 13:00+02:00, i.e. 11:00Z; 12:30 in Berlin (summer time) is 10:30Z.
    assert.deepEqual(lines({ since: '2024-03-31T11:00:00Z' }), [2, 6]);
    assert.deepEqual(lines({ since: '2024-03-31T12:30', tz: 'Europe/Berlin' }), [2, 6]);
    assert.deepEqual(lines({ since: '2024-03-31T12:30' }), []);
  });

  it('excludes a record whose timestamp cannot be read', () => {
    const r = tagged(8, '106023', 4, { timestamp: 'not a time' });
    assert.equal(compileFilter({ since: '1w' }, NOW)(r), false);
    assert.equal(compileFilter({ since: '1w', invert: true }, NOW)(r), true);
  });

  it('greps the message, or the raw line when there is no message, case-sensitively', () => {
    assert.deepEqual(lines({ grep: 'Deny' }), [1, 6]);
    assert.deepEqual(lines({ grep: 'deny' }), []);
    assert.deepEqual(lines({ grep: '[Dd]eny|Rejected' }), [1, 5, 6]);
    assert.deepEqual(lines({ grep: '^Built' }), [2]);
  });

  it('ANDs every given filter together', () => {
    assert.deepEqual(lines({ severity: '<=4', host: 'fw-edge-1' }), [1, 4]);
    assert.deepEqual(lines({ category: 'session', since: '1h', grep: 'TCP' }), [2]);
    assert.deepEqual(lines({ unknown: true, severity: '=info' }), []);
  });

  it('inverts the whole combined predicate', () => {
    assert.deepEqual(lines({ severity: '<=4', invert: true }), [2, 3, 6, 7]);
    assert.deepEqual(lines({ severity: '<=4', host: 'fw-edge-1', invert: true }), [2, 3, 5, 6, 7]);
    assert.deepEqual(lines({ unparsed: true, invert: true }), [1, 2, 3, 4, 5]);
    assert.deepEqual(lines({ since: '2h', invert: true }), [3, 4, 5, 7]);
  });

  it('rejects bad values with a fix', () => {
    assert.throws(() => compileFilter({ severity: 'loud' }, NOW), /^UsageError: invalid severity "loud": use a level 0-7/);
    assert.throws(() => compileFilter({ id: '7220' }, NOW), /^UsageError: invalid message id "7220": use six digits/);
    assert.throws(() => compileFilter({ since: 'yesterdayish' }, NOW), /^UsageError: --since: invalid time "yesterdayish": use ISO 8601/);
    assert.throws(() => compileFilter({ until: 'soon' }, NOW), /^UsageError: --until: invalid time "soon"/);
    assert.throws(() => compileFilter({ tz: 'Mars/Olympus' }, NOW), /^UsageError: unknown time zone "Mars\/Olympus"/);
    assert.throws(() => compileFilter({ category: 'vpn,,auth' }, NOW),
      new UsageError('--category "vpn,,auth" has an empty item: give a comma list such as a,b'));
    assert.throws(() => compileFilter({ host: '' }, NOW), /^UsageError: --host "" has an empty item/);
  });

  it('rejects an invalid --grep regex, saying what went wrong', () => {
    assert.throws(() => compileFilter({ grep: '(?s)deny' }, NOW), new UsageError(
      'invalid --grep regex "(?s)deny" (Invalid group): give a JavaScript regular expression such as "deny|drop" or "[Dd]enied"'));
    assert.throws(() => compileFilter({ grep: '[' }, NOW), UsageError);
  });

  it('rejects combinations that can never match', () => {
    assert.throws(() => compileFilter({ since: 'today', until: 'yesterday' }, NOW),
      new UsageError('--since "today" is not before --until "yesterday", so nothing can match: swap them or widen the window'));
    assert.throws(() => compileFilter({ unparsed: true, severity: '3' }, NOW),
      new UsageError('--unparsed selects lines without an ASA/FTD tag, which --severity never matches: drop one of the two'));
    assert.throws(() => compileFilter({ unparsed: true, unknown: true }, NOW), /--unknown never matches/);
    assert.throws(() => compileFilter({ invert: true }, NOW),
      new UsageError('--invert needs a filter to invert, such as --severity, --id or --grep'));
  });
});

describe('hasFilter', () => {
  it('is true when any filter is given', () => {
    for (const opts of [{ severity: '3' }, { category: 'vpn' }, { id: '302' }, { host: 'fw' }, { since: '1h' }, { until: 'now' },
      { grep: 'x' }, { unknown: true }, { unparsed: true }] satisfies FilterOptions[]) {
      assert.equal(hasFilter(opts), true, JSON.stringify(opts));
    }
  });

  it('is false for no filter, false flags, or only --tz / --invert', () => {
    for (const opts of [{}, { unknown: false, unparsed: false }, { tz: 'UTC' }, { invert: true }] satisfies FilterOptions[]) {
      assert.equal(hasFilter(opts), false, JSON.stringify(opts));
    }
  });
});

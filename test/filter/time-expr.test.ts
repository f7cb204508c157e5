import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { parseTimeExpr } from '../../src/filter/time-expr.js';

const NOW = new Date('2024-03-31T12:00:00Z');
const iso = (s: string, tz?: string): string => parseTimeExpr(s, NOW, tz).toISOString();

describe('parseTimeExpr', () => {
  it('reads ISO 8601 dates and date-times, zoneless ones as UTC by default', () => {
    assert.equal(iso('2024-05-01'), '2024-05-01T00:00:00.000Z');
    assert.equal(iso('2024-05-01T13:45'), '2024-05-01T13:45:00.000Z');
    assert.equal(iso('2024-05-01T13:45:30'), '2024-05-01T13:45:30.000Z');
    assert.equal(iso('2024-05-01 13:45:30.25'), '2024-05-01T13:45:30.250Z');
    assert.equal(iso('2024-05-01t13:45:30,123456'), '2024-05-01T13:45:30.123Z');
  });

  it('honours a zone in the text over the tz parameter', () => {
    assert.equal(iso('2024-05-01T13:45:00Z', 'Europe/Berlin'), '2024-05-01T13:45:00.000Z');
    assert.equal(iso('2024-05-01T13:45:00+02:00'), '2024-05-01T11:45:00.000Z');
    assert.equal(iso('2024-05-01T13:45:00-0530'), '2024-05-01T19:15:00.000Z');
    assert.equal(iso('2024-05-01T13:45:00+02'), '2024-05-01T11:45:00.000Z');
  });

  it('reads a zoneless time in the given tz, across daylight saving', () => {
    assert.equal(iso('2024-01-15T12:00', 'Europe/Berlin'), '2024-01-15T11:00:00.000Z');
    assert.equal(iso('2024-07-15T12:00', 'Europe/Berlin'), '2024-07-15T10:00:00.000Z');
    assert.equal(iso('2024-01-01', 'America/New_York'), '2024-01-01T05:00:00.000Z');
    assert.equal(iso('2024-01-01', '+05:30'), '2023-12-31T18:30:00.000Z');
    assert.equal(iso('2024-01-01', 'utc'), '2024-01-01T00:00:00.000Z');
  });

  it('reads relative ages as now minus that', () => {
    assert.equal(iso('30s'), '2024-03-31T11:59:30.000Z');
    assert.equal(iso('15m'), '2024-03-31T11:45:00.000Z');
    assert.equal(iso('2h'), '2024-03-31T10:00:00.000Z');
    assert.equal(iso('3d'), '2024-03-28T12:00:00.000Z');
    assert.equal(iso('1w'), '2024-03-24T12:00:00.000Z');
    assert.equal(iso('1h30m'), '2024-03-31T10:30:00.000Z');
    assert.equal(iso('0s'), NOW.toISOString());
  });

  it('reads now, today and yesterday, midnight in the given tz', () => {
    assert.equal(iso('now'), NOW.toISOString());
    assert.equal(iso(' NOW '), NOW.toISOString());
    assert.equal(iso('today'), '2024-03-31T00:00:00.000Z');
    assert.equal(iso('yesterday'), '2024-03-30T00:00:00.000Z');
    // Berlin switched to summer time on 2024-03-31: that day began at 00:00 CET, the day before too.
    assert.equal(iso('today', 'Europe/Berlin'), '2024-03-30T23:00:00.000Z');
    assert.equal(iso('yesterday', 'Europe/Berlin'), '2024-03-29T23:00:00.000Z');
    assert.equal(iso('today', 'America/Los_Angeles'), '2024-03-31T07:00:00.000Z');
  });

  it('reads --tz the way the log parser does: offsets and abbreviations are fixed, IANA names follow DST', () => {
    assert.equal(iso('2024-07-15T12:00', 'CET'), '2024-07-15T11:00:00.000Z');
    assert.equal(iso('2024-07-15T12:00', 'PDT'), '2024-07-15T19:00:00.000Z');
    assert.equal(iso('2024-07-15T12:00', '-0800'), '2024-07-15T20:00:00.000Z');
    assert.equal(iso('2024-07-15T12:00', 'America/Los_Angeles'), '2024-07-15T19:00:00.000Z');
  });

  it('rejects anything else, naming the accepted forms', () => {
    const forms = 'use ISO 8601 (2024-05-01, 2024-05-01T13:45:00, 2024-05-01T13:45:00Z, …+02:00), ' +
      'a date as syslog writes it (Aug 16 2019, Aug 16 2019 10:00:00, Aug 16 10:00:00), ' +
      'a relative age (30s, 15m, 2h, 3d, 1w), now, today or yesterday';
    assert.throws(() => parseTimeExpr('yesterdayish', NOW), new UsageError(`invalid time "yesterdayish": ${forms}`));
    for (const bad of ['', 'tomorrow', '2h ago', '-2h', '1x', 'h', '2024-02-30', '2023-02-29', '2024-13-01', '2024-05-01T24:00',
      '2024-05-01T12:60', '2024-5-1', '13:45', '2024-05-01Z', 'Feb 30 2024', 'Mar 30 2024 25:00', 'Mar 2024', 'Foo 16 2019', '0001-01-01']) {
      assert.throws(() => parseTimeExpr(bad, NOW), UsageError, bad);
    }
    assert.equal(iso('2024-02-29'), '2024-02-29T00:00:00.000Z');
  });

  it('reads dates as syslog writes them, which users copy from the log', () => {
    assert.equal(iso('Aug 16 2019'), '2019-08-16T00:00:00.000Z');
    assert.equal(iso('Aug 16 2019 10:00'), '2019-08-16T10:00:00.000Z');
    assert.equal(iso('Mar 30 2024 13:45:00'), '2024-03-30T13:45:00.000Z');
    assert.equal(iso('aug  6 2019 09:05:01.5'), '2019-08-06T09:05:01.500Z');
    assert.equal(iso('16 Aug 2019'), '2019-08-16T00:00:00.000Z');
    assert.equal(iso('2019 Aug 16 10:00:00'), '2019-08-16T10:00:00.000Z');
    assert.equal(iso('August 16, 2019'), '2019-08-16T00:00:00.000Z');
    assert.equal(iso('Aug 16 2019 10:00', 'Europe/Berlin'), '2019-08-16T08:00:00.000Z');
    // without a year: the last such date, not one in the future (now is 2024-03-31)
    assert.equal(iso('Mar 30 13:45:00'), '2024-03-30T13:45:00.000Z');
    assert.equal(iso('Dec 24 10:00:00'), '2023-12-24T10:00:00.000Z');
  });

  it('rejects an unknown time zone with what to use instead', () => {
    assert.throws(() => parseTimeExpr('today', NOW, 'Mars/Olympus'), new UsageError(
      'unknown time zone "Mars/Olympus": use UTC, an IANA name (Europe/Berlin, America/New_York) or an offset (+02:00)'));
  });
});

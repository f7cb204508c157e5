import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../src/errors.ts';
import { fixedOffset, wallOffsetMinutes, zoneOffset } from '../../src/parse/zone.ts';
import { parseLine } from '../../src/parse/line.ts';
import { parseTimeExpr } from '../../src/filter/time-expr.ts';

// One zone module serves the log parser (a zone in a line, --tz) and --since/--until.
test('fixed offsets and the abbreviations read as one', () => {
  const cases: [string, number | null][] = [['Z', 0], ['UTC', 0], ['+02:00', 120], ['-0800', -480], ['+02', 120], ['+05:30', 330], ['CEST', 120], ['EDT', -240], ['CST', -360], ['IST', null], ['Europe/Berlin', null]];
  for (const [text, minutes] of cases) assert.equal(fixedOffset(text), minutes, text);
});

test('IANA zones across a DST change: the wall clock before and after the switch', () => {
  // Europe/Berlin moves from +01:00 to +02:00 at 02:00 local on 2026-03-29
  assert.equal(wallOffsetMinutes('Europe/Berlin', Date.UTC(2026, 2, 29, 1, 30)), 60);
  assert.equal(wallOffsetMinutes('Europe/Berlin', Date.UTC(2026, 2, 29, 3, 30)), 120);
  assert.equal(wallOffsetMinutes('America/New_York', Date.UTC(2026, 0, 15, 12)), -300);
  assert.equal(wallOffsetMinutes('America/New_York', Date.UTC(2026, 6, 15, 12)), -240);
  assert.equal(wallOffsetMinutes('Bogus/Zone', Date.UTC(2026, 0, 1)), null, 'an unknown zone gives UTC to the parser, never an exception');
});

test('the parser and --since read a zoneless time in the same zone to the same instant', () => {
  for (const [tz, wall] of [['Europe/Berlin', '2026-03-29T03:30:00'], ['America/New_York', '2026-11-01T01:30:00'], ['+05:30', '2026-05-01T10:00:00'], ['Asia/Tokyo', '2026-12-31T23:59:59']] as const) {
    const [date, time] = wall.split('T') as [string, string];
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const line = `${y} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d} ${time} fw-1 : %ASA-6-302013: x`;
    const parsed = Date.parse(parseLine(line, { tz }).timestamp!);
    assert.equal(parsed, parseTimeExpr(wall, new Date(), tz).getTime(), `${tz} ${wall}`);
  }
});

test('zoneOffset: ms ahead of UTC at an instant; an unknown zone is a usage error naming the forms', () => {
  assert.equal(zoneOffset('Europe/Berlin')(Date.UTC(2026, 0, 1)), 3_600_000);
  assert.equal(zoneOffset('Europe/Berlin')(Date.UTC(2026, 6, 1)), 7_200_000);
  assert.equal(zoneOffset('-03:30')(0), -210 * 60_000);
  assert.throws(() => zoneOffset('Bogus/Zone'), (err: unknown) => err instanceof UsageError && /unknown time zone "Bogus\/Zone": use UTC, an IANA name/.test(err.message));
});

test('a historic offset in seconds: --since keeps them, the parser writes whole minutes', () => {
  // Berlin kept local mean time, +00:53:28, until April 1893
  const instant = Date.UTC(1890, 5, 1, 12);
  assert.equal(zoneOffset('Europe/Berlin')(instant), (53 * 60 + 28) * 1000);
  assert.equal(wallOffsetMinutes('Europe/Berlin', instant), 53);
});

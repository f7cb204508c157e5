import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toEcs } from '../../src/render/ecs.ts';
import { decodePriority, FACILITY_NAMES, facilityCode } from '../../src/parse/priority.ts';
import { parseLine } from '../../src/parse/line.ts';
import { SEVERITY_NAMES, severityLevel, SYSLOG_SEVERITY_NAMES } from '../../src/parse/severity.ts';
import type { LogRecord } from '../../src/classify/record.ts';

test('one facility table: 15 is printed solaris-cron, and clock is read as 15', () => {
  assert.equal(FACILITY_NAMES.length, 24);
  assert.equal(FACILITY_NAMES[15], 'solaris-cron');
  assert.equal(facilityCode('clock'), 15);
  assert.equal(facilityCode('LOCAL4'), 20);
  assert.equal(facilityCode('nope'), -1);
  assert.deepEqual(decodePriority(166), { facility: 20, severity: 6 });
  assert.equal(decodePriority(192), null);
});

test('a spelt-out priority in front of the line is read with the same tables', () => {
  const line = (prefix: string) => parseLine(`${prefix} Nov 20 10:00:00 fw-1 : %ASA-6-302013: x`).pri;
  assert.deepEqual(line('LOCAL4.WARNING:'), { facility: 20, severity: 4 });
  assert.deepEqual(line('clock.info:'), { facility: 15, severity: 6 });
  assert.deepEqual(line('local7.ERRORS:'), { facility: 23, severity: 3 }, "Cisco's level name");
  assert.equal(line('LOCAL4.LOUD:'), undefined);
});

test('every severity spelling maps to its level; printed names are unchanged', () => {
  assert.deepEqual(SYSLOG_SEVERITY_NAMES, ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug']);
  for (const names of [SEVERITY_NAMES, SYSLOG_SEVERITY_NAMES]) names.forEach((name, level) => assert.equal(severityLevel(name.toUpperCase()), level, name));
  for (const [word, level] of [['emerg', 0], ['panic', 0], ['crit', 2], ['err', 3], ['warn', 4], ['info', 6]] as const) assert.equal(severityLevel(word), level);
  const record = { file: '', line: 1, timestamp: null, host: null, platform: 'ASA', severity: 4, defaultSeverity: 4, id: '106023', category: 'access-lists', known: true, message: '', raw: '', pri: { facility: 15, severity: 3 } } satisfies LogRecord;
  const syslog = (toEcs(record).log as { syslog: { facility: { name: string }; severity: { name: string } } }).syslog;
  assert.equal(syslog.facility.name, 'solaris-cron');
  assert.equal(syslog.severity.name, 'error');
  assert.equal((toEcs(record).log as { level: string }).level, 'warnings');
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { parseSeverityExpr, parseSeverityLevel, parseSeverityLevels, SEVERITY_NAMES, severityName } from '../../src/parse/severity.js';

const levels = (expr: string): number[] => [...parseSeverityLevels(expr)].sort((a, b) => a - b);

describe('severity names', () => {
  it('names levels 0-7 the Cisco way', () => {
    assert.deepEqual(SEVERITY_NAMES, ['emergencies', 'alerts', 'critical', 'errors', 'warnings', 'notifications', 'informational', 'debugging']);
    assert.equal(severityName(4), 'warnings');
    assert.equal(severityName(8), '8');
  });

  it('parses every Cisco name, syslog alias and digit', () => {
    const table: [number, string[]][] = [
      [0, ['0', 'emergencies', 'emerg']],
      [1, ['1', 'alerts', 'alert']],
      [2, ['2', 'critical', 'crit']],
      [3, ['3', 'errors', 'err', 'error']],
      [4, ['4', 'warnings', 'warning', 'warn']],
      [5, ['5', 'notifications', 'notice']],
      [6, ['6', 'informational', 'info']],
      [7, ['7', 'debugging', 'debug']],
    ];
    for (const [level, words] of table) {
      for (const word of words) assert.equal(parseSeverityLevel(word), level, word);
    }
    assert.equal(parseSeverityLevel(' WARN '), 4);
  });

  it('rejects a bad level with the list of names', () => {
    for (const bad of ['8', '-1', '07', 'loud', '']) {
      assert.throws(() => parseSeverityLevel(bad), (err: unknown) =>
        err instanceof UsageError && err.message.startsWith(`invalid severity level "${bad}": use 0-7 or a name (emergencies, alerts,`));
    }
  });
});

describe('parseSeverityExpr', () => {
  it('reads one level alone as that level and more severe, as journalctl -p does', () => {
    assert.deepEqual(levels('3'), [0, 1, 2, 3]);
    assert.deepEqual(levels('err'), [0, 1, 2, 3]);
    assert.deepEqual(levels(' Informational '), [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(levels('0'), [0]);
  });

  it('=level selects that level only, alone or in a list', () => {
    assert.deepEqual(levels('=3'), [3]);
    assert.deepEqual(levels('=err'), [3]);
    assert.deepEqual(levels('=3,=5'), [3, 5]);
  });

  it('accepts comparisons, in levels (lower is more severe)', () => {
    assert.deepEqual(levels('<=4'), [0, 1, 2, 3, 4]);
    assert.deepEqual(levels('<4'), [0, 1, 2, 3]);
    assert.deepEqual(levels('>=5'), [5, 6, 7]);
    assert.deepEqual(levels('>5'), [6, 7]);
    assert.deepEqual(levels('<= warn'), [0, 1, 2, 3, 4]);
    assert.deepEqual(levels('>=0'), [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('accepts ranges with - or .. in either order', () => {
    assert.deepEqual(levels('0-3'), [0, 1, 2, 3]);
    assert.deepEqual(levels('3-0'), [0, 1, 2, 3]);
    assert.deepEqual(levels('warning..critical'), [2, 3, 4]);
    assert.deepEqual(levels('critical..warning'), [2, 3, 4]);
    assert.deepEqual(levels('err-warn'), [3, 4]);
    assert.deepEqual(levels('5 .. 5'), [5]);
  });

  it('accepts lists and combinations', () => {
    assert.deepEqual(levels('1,3'), [1, 3]);
    assert.deepEqual(levels('err,warn'), [3, 4]);
    assert.deepEqual(levels('<=1, 4-5 ,debug'), [0, 1, 4, 5, 7]);
    assert.deepEqual(levels('3,3,err'), [3]);
  });

  it('returns a predicate on levels', () => {
    const atMostWarn = parseSeverityExpr('<=warnings');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].filter(atMostWarn), [0, 1, 2, 3, 4]);
  });

  it('rejects a bad expression, naming every accepted form', () => {
    const forms = 'use a level 0-7 or name (emergencies…debugging, err, warn, info …; alone it means that level and more severe), ' +
      'one level only (=4), a comparison (<=4, >=5), a range (0-3, warning..critical) or a list (1,3)';
    assert.throws(() => parseSeverityExpr('loud'), new UsageError(`invalid severity "loud": ${forms}`));
    assert.throws(() => parseSeverityExpr('1,loud'), new UsageError(`invalid severity "loud" in "1,loud": ${forms}`));
    for (const bad of ['', '8', '1,,3', '=<4', '<=', '0-9', 'warn..', '..', '1-2-3', '==3', '!3']) {
      assert.throws(() => parseSeverityExpr(bad), UsageError, bad);
    }
  });

  it('rejects a comparison that selects nothing', () => {
    assert.throws(() => parseSeverityExpr('<0'),
      new UsageError('severity "<0" selects no level: levels run from 0 (emergencies) to 7 (debugging)'));
    assert.throws(() => parseSeverityExpr('3,>debug'), /severity ">debug" selects no level/);
  });
});

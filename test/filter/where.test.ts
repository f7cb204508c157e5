import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { LogRecord } from '../../src/classify/record.ts';
import { whereTest } from '../../src/filter/where.ts';
import { HAVE_CORPUS, NO_CORPUS, corpusLogs, runCli } from '../helpers.ts';

const rec = (canonical: Record<string, string>): LogRecord => ({
  file: 'f', line: 1, timestamp: null, host: null, platform: 'ASA', severity: 4, defaultSeverity: 4, id: '106023', category: 'access-lists', known: true,
  message: '', raw: '', canonical,
});

test('addresses: one IP, CIDR blocks in IPv4 and IPv6, a list of them', () => {
  const t = whereTest('src_ip=10.0.0.0/8,2001:db8::/32,192.0.2.7');
  assert.equal(t(rec({ src_ip: '10.200.3.4' })), true);
  assert.equal(t(rec({ src_ip: '11.0.0.1' })), false);
  assert.equal(t(rec({ src_ip: '2001:db8:ffff::1' })), true);
  assert.equal(t(rec({ src_ip: '2001:db9::1' })), false);
  assert.equal(t(rec({ src_ip: '192.0.2.7' })), true);
  assert.equal(t(rec({ src_ip: '192.0.2.8' })), false);
  assert.equal(t(rec({})), false, 'a record without the field does not match =');
  assert.equal(whereTest('dst_ip!=10.0.0.0/8')(rec({})), true, 'and does match !=');
  assert.equal(whereTest('dst_ip!=10.0.0.0/8')(rec({ dst_ip: '10.1.1.1' })), false);
});

test('ports: numbers, service names, ranges; text: case-insensitive, * wildcards', () => {
  const ports = whereTest('dst_port=22,https,6000-6010');
  for (const [p, want] of [['22', true], ['443', true], ['6005', true], ['6011', false], ['80', false]] as const) assert.equal(ports(rec({ dst_port: p })), want, p);
  assert.equal(whereTest('user=Alice')(rec({ user: 'alice' })), true);
  assert.equal(whereTest('user=*admin*')(rec({ user: 'CORP\\netadmin1' })), true);
  assert.equal(whereTest('user=*admin*')(rec({ user: 'bob' })), false);
  assert.equal(whereTest('action!=allowed')(rec({ action: 'denied' })), true);
  assert.equal(whereTest('user=*')(rec({ user: 'x' })), true, 'field=*: the field is there');
});

test('mistakes are usage errors that say what to write', () => {
  assert.throws(() => whereTest('srcip=10.0.0.1'), /"srcip" is not a canonical field; did you mean src_ip\?/);
  assert.throws(() => whereTest('src_ip=10.0.0.0/33'), /not an IP address or a CIDR block/);
  assert.throws(() => whereTest('src_ip=example.com'), /not an IP address or a CIDR block/);
  assert.throws(() => whereTest('dst_port=99999'), /not a port, a service name/);
  assert.throws(() => whereTest('dst_port=10-5'), /not a port, a service name/);
  assert.throws(() => whereTest('user'), /write field=value or field!=value/);
  assert.throws(() => whereTest('user='), /give a value/);
});

test('corpus: --where counts what a plain regex counts (106023 denies by source network, by destination port)', { skip: HAVE_CORPUS ? false : NO_CORPUS }, async (t) => {
  const files = corpusLogs();
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n'));
  // independent of asalog's fields: the IPv4 address after `src <if>:` (an interface may carry a
  // `v1:` prefix), and the port after the destination address, when it has one
  const deny = /%(?:ASA|FTD)-\d-106023: Deny \S+ src \S*?:?(?<src>\d+\.\d+\.\d+\.\d+)(?:\/\d+)?\S* dst \S*?(?<dst>\d+\.\d+\.\d+\.\d+)(?:\/(?<dport>\d+))?/;
  const denies = lines.map((l) => deny.exec(l)?.groups).filter((g) => g !== undefined);
  const from10 = denies.filter((g) => g.src!.startsWith('10.')).length;
  const to443 = denies.filter((g) => g.dport === '443').length;
  const count = async (where: string) => {
    const r = await runCli(['--count', '-i', '106023', '-w', where, ...files]);
    assert.equal(r.code, 0, r.stderr.toString());
    return r.stdout.toString().trim().split('\n').reduce((n, l) => n + Number(l.split(':').pop()), 0);
  };
  t.diagnostic(`${denies.length} 106023 denies with IPv4 addresses: ${from10} from 10/8, ${to443} to port 443`);
  assert.ok(denies.length > 10);
  assert.equal(await count('src_ip=10.0.0.0/8'), from10);
  assert.equal(await count('dst_port=443'), to443);
});

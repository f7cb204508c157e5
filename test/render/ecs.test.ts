import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { LogRecord } from '../../src/classify/record.ts';
import { renderEcs, toEcs } from '../../src/render/ecs.ts';
import { ROOT, runCli } from '../helpers.ts';

function record(over: Partial<LogRecord>): LogRecord {
  return {
    file: 'fw.log', line: 1, timestamp: '2026-11-20T10:01:04.000Z', host: 'fw-1', platform: 'ASA', severity: 6, defaultSeverity: 6,
    id: '302013', category: 'session', known: true, message: 'Built inbound TCP connection', raw: '<166>Nov 20 2026 10:01:04 fw-1 : %ASA-6-302013: Built inbound TCP connection',
    pri: { facility: 20, severity: 6 }, ...over,
  };
}

const ASA = record({
  fields: { direction: 'inbound', protocol: 'TCP', connection_id: '1234', interface_name: 'outside', source_address: '198.51.100.7', source_port: '51544', dest_address: '10.0.0.5', dest_port: '443' },
  canonical: { action: 'built', protocol: 'tcp', src_interface: 'outside', src_ip: '198.51.100.7', src_port: '51544', dst_ip: '10.0.0.5', dst_port: '443', connection_id: '1234' },
});

test('an ASA record: timestamp, event, log.syslog, observer, host, cisco.asa.* and the mapped ECS fields', () => {
  assert.deepEqual(toEcs(ASA), {
    '@timestamp': '2026-11-20T10:01:04.000Z',
    message: 'Built inbound TCP connection',
    event: { original: ASA.raw, kind: 'event', dataset: 'cisco_asa.log', code: '302013', severity: 6, category: ['network'], action: 'built' },
    log: {
      level: 'informational',
      syslog: { priority: 166, facility: { code: 20, name: 'local4' }, severity: { code: 6, name: 'informational' } },
      file: { path: 'fw.log' },
    },
    observer: { vendor: 'Cisco', product: 'asa', type: 'firewall', ingress: { interface: { name: 'outside' } } },
    host: { hostname: 'fw-1' },
    cisco: { asa: { message_id: '302013', logging_class: 'session', ...ASA.fields } },
    source: { ip: '198.51.100.7', port: 51544 },
    destination: { ip: '10.0.0.5', port: 443 },
    network: { transport: 'tcp', iana_number: '6' },
    related: { ip: ['198.51.100.7', '10.0.0.5'] },
  });
});

test('an FTD record goes under cisco.ftd, with user.name and the application protocol', () => {
  const doc = toEcs(record({
    platform: 'FTD', id: '430003', category: 'ftd-events', severity: 1,
    fields: { src_ip: '10.0.1.20', dst_ip: '10.0.100.30', src_port: '57176', dst_port: '631', protocol: 'tcp', user: 'Default-AD\\user1', application_protocol: 'IPP' },
    canonical: { protocol: 'tcp', app_protocol: 'ipp', src_ip: '10.0.1.20', src_port: '57176', dst_ip: '10.0.100.30', dst_port: '631', user: 'Default-AD\\user1' },
  }));
  assert.equal((doc.event as Record<string, unknown>).dataset, 'cisco_ftd.log');
  assert.equal((doc.log as Record<string, unknown>).level, 'alerts');
  assert.deepEqual(doc.observer, { vendor: 'Cisco', product: 'ftd', type: 'firewall' });
  assert.equal((doc.cisco as { ftd: Record<string, string> }).ftd.user, 'Default-AD\\user1');
  assert.equal('asa' in (doc.cisco as object), false);
  assert.deepEqual(doc.source, { ip: '10.0.1.20', port: 57176 });
  assert.deepEqual(doc.destination, { ip: '10.0.100.30', port: 631 });
  assert.deepEqual(doc.user, { name: 'Default-AD\\user1' });
  assert.deepEqual(doc.network, { transport: 'tcp', iana_number: '6', protocol: 'ipp' });
});

test('nothing is invented: no fields, no PRI, no ID, values of the wrong shape', () => {
  const bare = toEcs(record({ pri: undefined, fields: undefined, id: '111008', category: 'config' }));
  assert.deepEqual(Object.keys(bare), ['@timestamp', 'message', 'event', 'log', 'observer', 'host', 'cisco']);
  assert.deepEqual(bare.log, { level: 'informational', file: { path: 'fw.log' } });
  const unparsed = toEcs(record({ id: null, category: null, severity: null, platform: null, message: null, timestamp: null, host: null, pri: undefined, raw: 'not a syslog line' }));
  assert.deepEqual(unparsed, { message: 'not a syslog line', event: { original: 'not a syslog line', kind: 'event', dataset: 'cisco_asa.log' }, log: { file: { path: 'fw.log' } }, observer: { vendor: 'Cisco', product: 'asa', type: 'firewall' } });
  // the ECS fields come from the canonical ones (test/fields/vocabulary.test.ts checks their shapes), never from raw placeholders
  const raw = toEcs(record({ fields: { source_address: '192.0.2.1', dest_port: '443', user: 'bob' } }));
  assert.equal('source' in raw || 'destination' in raw || 'user' in raw, false);
});

test('an extracted field cannot overwrite message_id or logging_class', () => {
  const doc = toEcs(record({ fields: { message_id: 'x', logging_class: 'y', group: 'GP' } }));
  assert.deepEqual(doc.cisco, { asa: { message_id: '302013', logging_class: 'session', group: 'GP' } });
});

test('renderEcs writes one JSON object per line, whatever the text holds', () => {
  const out = renderEcs(record({ raw: 'line with \n newline, "quotes" and \u2028', fields: { reason: 'a\nb' } }));
  assert.equal(out.endsWith('\n'), true);
  assert.equal(out.slice(0, -1).includes('\n'), false);
  assert.equal((JSON.parse(out) as { event: { original: string } }).event.original, 'line with \n newline, "quotes" and \u2028');
});

test('asalog -o ecs over the sample: valid NDJSON, one document per input line', async () => {
  const sample = join(ROOT, 'test', 'fixtures', 'sample.log');
  const lines = readFileSync(sample, 'utf8').split('\n').filter((l) => l !== '').length;
  const r = await runCli(['-o', 'ecs', sample]);
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(docs.length, lines);
  for (const d of docs) {
    assert.equal(typeof (d.event as { original: unknown }).original, 'string');
    assert.equal((d.observer as { vendor: unknown }).vendor, 'Cisco');
  }
});

test('asalog -o ecs end to end: extracted fields reach cisco.* and the ECS fields', async () => {
  const input = [
    '<166>Nov 20 2026 10:01:09 fw-1 : %ASA-6-716001: Group <GP_RA> User <bob> IP <198.51.100.50> WebVPN session started.',
    '2019-08-16T09:33:15Z firepower  %FTD-1-430003: AccessControlRuleAction: Allow, SrcIP: 10.0.1.20, DstIP: 81.2.69.144, SrcPort: 46000, DstPort: 80, Protocol: tcp, User: No Authentication Required, Client: cURL, ApplicationProtocol: HTTP, URL: http://www.eicar.org/download/a,b.zip',
  ].join('\n');
  const r = await runCli(['-o', 'ecs', '-'], { input });
  assert.equal(r.code, 0, r.stderr);
  const [asa, ftd] = r.stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);
  assert.deepEqual(asa!.cisco, { asa: { message_id: '716001', logging_class: 'webvpn', group: 'GP_RA', user: 'bob', ip: '198.51.100.50' } });
  assert.deepEqual(asa!.source, { ip: '198.51.100.50' });
  assert.deepEqual(asa!.user, { name: 'bob' });
  const cisco = ftd!.cisco!.ftd as Record<string, string>;
  assert.equal(cisco.access_control_rule_action, 'Allow');
  assert.equal(cisco.url, 'http://www.eicar.org/download/a,b.zip');
  assert.deepEqual(ftd!.source, { ip: '10.0.1.20', port: 46000 });
  assert.deepEqual(ftd!.destination, { ip: '81.2.69.144', port: 80 });
  assert.deepEqual(ftd!.network, { transport: 'tcp', iana_number: '6', protocol: 'http' });
  assert.equal('user' in ftd!, false);
});

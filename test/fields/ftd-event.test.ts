import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseFtdEventFields, snakeKey } from '../../src/fields/ftd-event.ts';
import { parseLine } from '../../src/parse/line.ts';
import { HAVE_CORPUS, NO_CORPUS, ROOT, corpusLogs } from '../helpers.ts';

const FTD_EVENT = /%FTD-\d-43000[1-5]:/;
const body = (line: string): string => parseLine(line).message ?? '';

test('every corpus 430001-430005 line parses to fields', { skip: HAVE_CORPUS ? false : NO_CORPUS }, (t) => {
  let lines = 0;
  const failed: string[] = [];
  for (const file of corpusLogs()) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!FTD_EVENT.test(line)) continue;
      lines++;
      const fields = parseFtdEventFields(body(line));
      if (fields === null || !fields.src_ip || !fields.dst_ip || !fields.protocol) failed.push(line);
      else for (const [k, v] of Object.entries(fields)) if (v.includes(': ')) failed.push(`${k}=${v} in ${line}`);
    }
  }
  t.diagnostic(`${lines - failed.length}/${lines} corpus 43000x lines parsed to fields`);
  assert.ok(lines > 0, 'the corpus has 43000x lines');
  assert.deepEqual(failed, []);
});

test('every supplement sample of 430001-430005 parses to fields', () => {
  const dir = join(ROOT, 'catalog', 'supplement');
  const samples: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { messages: { id: string; variants: { samples?: string[] }[] }[] };
    for (const m of doc.messages) if (/^43000[1-5]$/.test(m.id)) for (const v of m.variants) samples.push(...(v.samples ?? []));
  }
  assert.ok(samples.length >= 5);
  for (const s of samples) {
    const f = parseFtdEventFields(body(s));
    assert.ok(f?.src_ip && f.dst_ip && f.protocol, s);
  }
});

test('an intrusion event (430001) from the Elastic Beats corpus, field by field', () => {
  const line = '2019-08-16T09:54:00Z firepower  %FTD-0-430001: SrcIP: 10.0.1.20, DstIP: 10.0.100.30, SrcPort: 55644, DstPort: 80, Protocol: tcp, IngressInterface: inside, EgressInterface: outside, IngressZone: input-zone, EgressZone: output-zone, Priority: 1, GID: 1, SID: 17279, Revision: 12, Message: SERVER-WEBAPP Ipswitch WhatsUp Small Business directory traversal attempt, Classification: Attempted User Privilege Gain, User: No Authentication Required, Client: Firefox, ApplicationProtocol: HTTP, IntrusionPolicy: intrusion-policy, ACPolicy: default, NAPPolicy: Balanced Security and Connectivity';
  assert.deepEqual(parseFtdEventFields(body(line)), {
    src_ip: '10.0.1.20', dst_ip: '10.0.100.30', src_port: '55644', dst_port: '80', protocol: 'tcp',
    ingress_interface: 'inside', egress_interface: 'outside', ingress_zone: 'input-zone', egress_zone: 'output-zone',
    priority: '1', gid: '1', sid: '17279', revision: '12',
    message: 'SERVER-WEBAPP Ipswitch WhatsUp Small Business directory traversal attempt',
    classification: 'Attempted User Privilege Gain', user: 'No Authentication Required', client: 'Firefox',
    application_protocol: 'HTTP', intrusion_policy: 'intrusion-policy', ac_policy: 'default',
    nap_policy: 'Balanced Security and Connectivity',
  });
});

test('a file/malware event (430005) that starts with DeviceUUID, from the Elastic integration corpus', () => {
  const line = '<113>2021-08-25T14:55:13Z   %FTD-1-430005: DeviceUUID: c20ef000-c4f3-11e9-9b57-c6a90fda2892, InstanceID: 3, FirstPacketSecond: 2021-08-25T14:55:06Z, ConnectionID: 44560, SrcIP: 172.16.0.2, DstIP: 89.160.20.156, SrcPort: 65000, DstPort: 80, Protocol: tcp, FileDirection: Download, FileAction: Malware Cloud Lookup, FileSHA256: 2e05c13906b7435e80b6128c2bf86ba0644b0e6205efb96f3c14e52afd75f1c9, SHA_Disposition: Unknown, SperoDisposition: Spero detection not performed on file, ThreatName: Invalid ID, FileName: 34990729_2caabbb9f7956d24f8b6124641b1df788e3ea127.cab, FileType: MSCAB, FileSize: 7179, ApplicationProtocol: HTTP, Client: Windows Update, WebApplication: Microsoft Update, User: Not Found, FilePolicy: FILE POLICY, URI: http://download.windowsupdate.com/d/msdownload/update/others/2021/08/34990729_2caabbb9f7956d24f8b6124641b1df788e3ea127.cab, IngressVRF: Global, EgressVRF: Global';
  assert.deepEqual(parseFtdEventFields(body(line)), {
    device_uuid: 'c20ef000-c4f3-11e9-9b57-c6a90fda2892', instance_id: '3', first_packet_second: '2021-08-25T14:55:06Z',
    connection_id: '44560', src_ip: '172.16.0.2', dst_ip: '89.160.20.156', src_port: '65000', dst_port: '80', protocol: 'tcp',
    file_direction: 'Download', file_action: 'Malware Cloud Lookup',
    file_sha256: '2e05c13906b7435e80b6128c2bf86ba0644b0e6205efb96f3c14e52afd75f1c9', sha_disposition: 'Unknown',
    spero_disposition: 'Spero detection not performed on file', threat_name: 'Invalid ID',
    file_name: '34990729_2caabbb9f7956d24f8b6124641b1df788e3ea127.cab', file_type: 'MSCAB', file_size: '7179',
    application_protocol: 'HTTP', client: 'Windows Update', web_application: 'Microsoft Update', user: 'Not Found',
    file_policy: 'FILE POLICY',
    uri: 'http://download.windowsupdate.com/d/msdownload/update/others/2021/08/34990729_2caabbb9f7956d24f8b6124641b1df788e3ea127.cab',
    ingress_vrf: 'Global', egress_vrf: 'Global',
  });
});

test('a connection event (430003) with EventPriority, spaced keys and a value holding colons', () => {
  const line = '2023-03-27T08:41:37Z   %FTD-1-430003: EventPriority: Low, DeviceUUID: 48a00000-8e53-11ec-9a0c-d396ffaa0000, InstanceID: 2, FirstPacketSecond: 2023-03-27T08:41:07Z, ConnectionID: 48101, AccessControlRuleAction: Monitor, SrcIP: 10.0.1.20, DstIP: 10.0.100.30, SrcPort: 57176, DstPort: 631, Protocol: tcp, IngressInterface: Inside, EgressInterface: Outside, IngressZone: Inside, EgressZone: Outside, IngressVRF: Global, EgressVRF: Global, Endpoint Profile: Workstation:Microsoft-Workstation:Windows10-Workstation, ACPolicy: ProductionPolicy, AccessControlRuleName: Monitor-Rule, Prefilter Policy: Default Prefilter Policy, User: Default-AD\\user1, ConnectionDuration: 30, InitiatorPackets: 5, ResponderPackets: 0, InitiatorBytes: 0, ResponderBytes: 0, NAPPolicy: Balanced Security and Connectivity';
  const f = parseFtdEventFields(body(line));
  assert.ok(f);
  assert.equal(f.event_priority, 'Low');
  assert.equal(f.endpoint_profile, 'Workstation:Microsoft-Workstation:Windows10-Workstation');
  assert.equal(f.access_control_rule_name, 'Monitor-Rule');
  assert.equal(f.prefilter_policy, 'Default Prefilter Policy');
  assert.equal(f.user, 'Default-AD\\user1');
  assert.equal(f.nap_policy, 'Balanced Security and Connectivity');
  assert.equal(Object.keys(f).length, 28);
});

test('values keep their commas when what follows is not a key', () => {
  assert.deepEqual(parseFtdEventFields('URL: http://x/?a=1,2, Client: Firefox, version 5, Message: one, two, and three, Source IP: 192.0.2.1'), {
    url: 'http://x/?a=1,2', client: 'Firefox, version 5', message: 'one, two, and three', source_ip: '192.0.2.1',
  });
  assert.deepEqual(parseFtdEventFields('Message: a, b: c, Access Control Rule Name: r1'), { message: 'a, b: c', access_control_rule_name: 'r1' });
  // `Key :` (space before the colon) is not a key, and neither is a lower-case word
  assert.deepEqual(parseFtdEventFields('A: x, B : y, c: z'), { a: 'x, B : y, c: z' });
});

test('empty values, a key at the very end, repeated keys, and surrounding spaces', () => {
  assert.deepEqual(parseFtdEventFields('  User: , Client:, DNSQuery: example.com , URL:  '), { user: '', client: '', dns_query: 'example.com', url: '' });
  assert.deepEqual(parseFtdEventFields('User: a, User: b'), { user: 'a' });
});

test('a body that does not start with a key is not an FTD event body', () => {
  assert.equal(parseFtdEventFields(''), null);
  assert.equal(parseFtdEventFields('  '), null);
  assert.equal(parseFtdEventFields('connection denied, SrcIP: 10.0.0.1'), null);
  assert.equal(parseFtdEventFields(': value'), null);
});

test('hostile long bodies come back with the right answer', () => {
  const noise = ', : , :'.repeat(100 * 1024 / 7);
  assert.equal(parseFtdEventFields(noise), null);
  const f = parseFtdEventFields(`SrcIP: 10.0.0.1${noise}`);
  assert.deepEqual(Object.keys(f ?? {}), ['src_ip']);
  const keys = parseFtdEventFields(`A: ${', Abcdefgh'.repeat(12 * 1024)}: end`);
  assert.deepEqual(Object.keys(keys ?? {}), ['a', 'abcdefgh']);
  const longKey = `A: x, ${'B'.repeat(100 * 1024)}: y`;
  assert.deepEqual(parseFtdEventFields(longKey), { a: `x, ${'B'.repeat(100 * 1024)}: y` });
});

test('key names become snake_case', () => {
  const cases: [string, string][] = [
    ['SrcIP', 'src_ip'], ['ACPolicy', 'ac_policy'], ['NAPPolicy', 'nap_policy'], ['DNS_TTL', 'dns_ttl'],
    ['FileSHA256', 'file_sha256'], ['SHA_Disposition', 'sha_disposition'], ['ICMPType', 'icmp_type'],
    ['DestinationIP_DynamicAttribute', 'destination_ip_dynamic_attribute'], ['Prefilter Policy', 'prefilter_policy'],
    ['Access Control Rule Name', 'access_control_rule_name'], ['URL', 'url'], ['InstanceID', 'instance_id'],
    ['Bytes (Sent)', 'bytes_sent'], ['Source/Dest-Zone', 'source_dest_zone'], ['SHA256Hash', 'sha256_hash'],
  ];
  for (const [key, name] of cases) assert.equal(snakeKey(key), name, key);
});

// One vocabulary across messages: lines of each family, written here (not copied from any corpus),
// give the same canonical names for the same things, whatever their documents call them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classifyLine } from '../../src/classify/line.ts';
import { toEcs } from '../../src/render/ecs.ts';
import { seconds } from '../../src/fields/vocabulary.ts';
import { withFields } from './with-fields.ts';

const catalog = loadCatalog();
const line = (id: string, message: string, sev = 6) => `<166>Nov 20 2026 10:00:00 fw-1 : %ASA-${sev}-${id}: ${message}`;
const canonical = (id: string, message: string) => withFields(classifyLine(line(id, message), 'f', 1, catalog, {}), catalog).canonical;

test('connections: the direction of a Built says which side opened it; a teardown carries bytes, duration and reason', () => {
  assert.deepEqual(canonical('302013', 'Built inbound TCP connection 41 for outside:198.51.100.7/51544 (198.51.100.7/51544) to dmz:10.20.0.15/443 (203.0.113.15/443)'), {
    action: 'built', protocol: 'tcp', src_interface: 'outside', src_ip: '198.51.100.7', src_port: '51544', src_mapped_ip: '198.51.100.7', src_mapped_port: '51544',
    dst_interface: 'dmz', dst_ip: '10.20.0.15', dst_port: '443', dst_mapped_ip: '203.0.113.15', dst_mapped_port: '443', connection_id: '41',
  });
  const outbound = canonical('302015', 'Built outbound UDP connection 42 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.1.1.5/60001 (203.0.113.9/60001)');
  assert.equal(outbound?.src_ip, '10.1.1.5');
  assert.equal(outbound?.src_interface, 'inside');
  assert.equal(outbound?.dst_ip, '8.8.8.8');
  assert.equal(outbound?.dst_port, '53');
  assert.equal(outbound?.protocol, 'udp');
  assert.deepEqual(canonical('302014', 'Teardown TCP connection 41 for outside:198.51.100.7/51544 to dmz:10.20.0.15/443 duration 1:02:03 bytes 5120 TCP FINs from outside'), {
    action: 'teardown', protocol: 'tcp', src_interface: 'outside', src_ip: '198.51.100.7', src_port: '51544', dst_interface: 'dmz', dst_ip: '10.20.0.15', dst_port: '443',
    reason: 'TCP FINs', bytes: '5120', duration: '3723', connection_id: '41',
  });
});

test('denies: the same names whether the document says source_address, IP_address or outside_address', () => {
  const expected = { src_ip: '198.51.100.7', src_port: '51544', dst_ip: '10.0.0.5', dst_port: '22' };
  const pick = (c: Record<string, string> | undefined) => Object.fromEntries(Object.entries(c ?? {}).filter(([k]) => k in expected));
  const lines: [string, string][] = [
    ['106023', 'Deny tcp src outside:198.51.100.7/51544 dst inside:10.0.0.5/22 by access-group "OUTSIDE_IN" [0x0, 0x0]'],
    ['106001', 'Inbound TCP connection denied from 198.51.100.7/51544 to 10.0.0.5/22 flags SYN on interface outside'],
    ['106006', 'Deny inbound UDP from 198.51.100.7/51544 to 10.0.0.5/22 on interface outside'],
    ['106015', 'Deny TCP (no connection) from 198.51.100.7/51544 to 10.0.0.5/22 flags RST on interface outside'],
    ['106100', 'access-list OUTSIDE_IN denied tcp outside/198.51.100.7(51544) -> inside/10.0.0.5(22) hit-cnt 1 first hit [0x1, 0x0]'],
    ['710003', 'TCP access denied by ACL from 198.51.100.7/51544 to outside:10.0.0.5/22'],
  ];
  for (const [id, message] of lines) {
    const c = canonical(id, message);
    assert.deepEqual(pick(c), expected, `${id}: ${JSON.stringify(c)}`);
    assert.equal(c?.action, 'denied', id);
  }
  const acl = canonical('106023', 'Deny udp src outside:198.51.100.7/5060 dst inside:10.0.0.5/5060 by access-group "OUTSIDE_IN" [0x0, 0x0]');
  assert.equal(acl?.acl, 'OUTSIDE_IN');
  assert.equal(acl?.src_interface, 'outside');
  assert.equal(acl?.dst_interface, 'inside');
  // `access-list … permitted`: the choice the line makes is the action
  assert.equal(canonical('106100', 'access-list OUTSIDE_IN permitted tcp outside/198.51.100.7(51544) -> inside/10.0.0.5(22) hit-cnt 1 first hit [0x1, 0x0]')?.action, 'allowed');
});

test('NAT: the translated address is the mapped side', () => {
  const c = canonical('305011', 'Built dynamic TCP translation from inside:10.1.1.5/51000 to outside:203.0.113.9/41000');
  assert.equal(c?.action, 'built');
  assert.equal(c?.src_ip, '10.1.1.5');
  assert.equal(c?.src_port, '51000');
  assert.equal(c?.src_mapped_ip, '203.0.113.9');
  assert.equal(c?.src_mapped_port, '41000');
  assert.equal(c?.dst_ip, undefined);
});

test('VPN sessions: the peer is src_ip, with user, group and the address assigned', () => {
  assert.deepEqual(canonical('722051', 'Group <GP_STAFF> User <alice> IP <198.51.100.40> IPv4 Address <10.99.0.7> IPv6 address <::> assigned to session'), {
    src_ip: '198.51.100.40', user: 'alice', group: 'GP_STAFF', assigned_ip: '10.99.0.7',
  });
  const ikev2 = canonical('751025', 'Local:192.0.2.1:4500 Remote:198.51.100.40:61000 Username:erin IKEv2 Group:GP_STAFF IPv4 Address=10.99.0.12 IPv6 address=:: assigned to session.');
  assert.equal(ikev2?.user, 'erin');
  assert.equal(ikev2?.src_ip, '198.51.100.40');
  assert.equal(ikev2?.dst_ip, '192.0.2.1');
  assert.equal(ikev2?.assigned_ip, '10.99.0.12');
  const ended = canonical('113019', 'Group = GP_STAFF, Username = alice, IP = 198.51.100.40, Session disconnected. Session Type: SSL, Duration: 1h:02m:03s, Bytes xmt: 1000, Bytes rcv: 2000, Reason: User Requested');
  assert.equal(ended?.user, 'alice');
  assert.equal(ended?.src_ip, '198.51.100.40');
  assert.equal(ended?.duration, '3723');
  assert.equal(ended?.reason, 'User Requested');
});

test('AAA: outcome from the words of the message; user, server and source', () => {
  const rejected = canonical('113005', 'AAA user authentication Rejected : reason = Invalid password : server = 10.9.0.5 : user = bob : user IP = 198.51.100.9');
  assert.equal(rejected?.outcome, 'failure');
  assert.equal(rejected?.user, 'bob');
  assert.equal(rejected?.server_ip, '10.9.0.5');
  assert.equal(rejected?.reason, 'Invalid password');
  assert.equal(canonical('113004', 'AAA user authentication Successful : server = 10.9.0.5 : user = bob')?.outcome, 'success');
  const login = canonical('611102', 'User authentication failed: IP address: 198.51.100.9, Uname: admin');
  assert.deepEqual([login?.outcome, login?.user, login?.src_ip], ['failure', 'admin', '198.51.100.9']);
});

test('admin commands and failover', () => {
  const cmd = canonical('111010', "User 'admin', running 'CLI' from IP 198.51.100.9, executed 'write memory'");
  assert.equal(cmd?.user, 'admin');
  assert.equal(cmd?.command, 'write memory');
  const failover = canonical('105005', '(Primary) Lost Failover communications with mate on interface failover-link');
  assert.equal(failover?.interface, 'failover-link');
});

test('no user where the device says there is none, and no address that is not one', () => {
  assert.equal(canonical('605004', 'Login denied from 198.51.100.7/51215 to outside:203.0.113.1/https for user "*****"')?.user, undefined);
  const c = canonical('605004', 'Login denied from 198.51.100.7/51215 to outside:203.0.113.1/https for user "admin"');
  assert.equal(c?.dst_port, '443');
  assert.equal(canonical('106017', 'Deny IP due to Land Attack from not-an-ip to 192.0.2.80')?.src_ip, undefined);
});

test('durations in seconds, whatever the device wrote', () => {
  assert.equal(seconds('0:00:07'), '7');
  assert.equal(seconds('1h:02m:03s'), '3723');
  assert.equal(seconds('2d 03:04:05'), String(2 * 86400 + 3 * 3600 + 4 * 60 + 5));
  assert.equal(seconds('65s'), '65');
  assert.equal(seconds('soon'), undefined);
  // hundreds of digits are no duration (Number() would make them Infinity)
  assert.equal(seconds('9'.repeat(400)), undefined);
  assert.equal(seconds(`${'9'.repeat(400)}:00:00`), undefined);
  assert.equal(seconds('1:2:3'), '3723');
  assert.equal(seconds('1:002:03'), undefined);
});

test('-o ecs takes the canonical fields: source, destination, observer interfaces, event action and duration', () => {
  const r = withFields(classifyLine(line('302014', 'Teardown TCP connection 41 for outside:198.51.100.7/51544 to dmz:10.20.0.15/443 duration 0:00:30 bytes 5120 TCP FINs from outside'), 'f', 1, catalog, {}), catalog);
  const doc = toEcs(r) as Record<string, Record<string, unknown>>;
  assert.deepEqual(doc.source, { ip: '198.51.100.7', port: 51544 });
  assert.deepEqual(doc.destination, { ip: '10.20.0.15', port: 443 });
  assert.deepEqual(doc.observer!.ingress, { interface: { name: 'outside' } });
  assert.deepEqual(doc.observer!.egress, { interface: { name: 'dmz' } });
  assert.equal(doc.event!.action, 'teardown');
  assert.equal(doc.event!.duration, 30e9);
  assert.equal(doc.network!.bytes, 5120);
});

test('an FTD event: its keys in the same vocabulary, its rule action as the action', () => {
  const text = '2019-08-16T09:33:15Z firepower  %FTD-1-430003: AccessControlRuleAction: Block, SrcIP: 10.0.1.20, DstIP: 81.2.69.144, SrcPort: 46000, DstPort: 80, Protocol: tcp, IngressInterface: inside, EgressInterface: outside, User: No Authentication Required, ApplicationProtocol: HTTP, InitiatorBytes: 100, ResponderBytes: 50';
  const c = withFields(classifyLine(text, 'f', 1, catalog, {}), catalog).canonical;
  assert.deepEqual(c, {
    action: 'denied', protocol: 'tcp', app_protocol: 'http', src_interface: 'inside', src_ip: '10.0.1.20', src_port: '46000', dst_interface: 'outside',
    dst_ip: '81.2.69.144', dst_port: '80', bytes: '150', bytes_in: '50', bytes_out: '100',
  });
});

test('words from the line or the documents never reach an object prototype (`constructor`, `toString`)', () => {
  for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const c = canonical('106100', `access-list OUT ${word} tcp outside/198.51.100.7(51544) -> inside/10.0.0.5(22) hit-cnt 1 first hit [0x1, 0x0]`);
    assert.equal(c?.action, undefined, word);
    assert.equal(c?.src_ip, '198.51.100.7', word);
    const ftd = withFields(classifyLine(`2019-08-16T09:33:15Z firepower  %FTD-1-430003: AccessControlRuleAction: ${word}, SrcIP: 10.0.1.20, Protocol: ${word}`, 'f', 1, catalog, {}), catalog).canonical;
    assert.deepEqual(ftd, { src_ip: '10.0.1.20' }, word);
  }
});

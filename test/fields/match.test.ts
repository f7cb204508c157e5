import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classifyLine } from '../../src/classify/line.ts';
import { explainTarget } from '../../src/classify/explain-target.ts';
import { compileTemplate } from '../../src/fields/compile.ts';
import { matchEntry } from '../../src/fields/match.ts';
import { runCli } from '../helpers.ts';
import { withFields } from './with-fields.ts';

const catalog = loadCatalog();
const entry = (id: string) => catalog.get(id)!;
const match = (id: string, message: string) => {
  const m = matchEntry(entry(id), message);
  return m && { variant: m.variant, fields: m.fields };
};
const line = (id: string, message: string, sev = 6) => `<166>Nov 20 2026 10:00:00 fw-1 : %ASA-${sev}-${id}: ${message}`;

test('placeholders from the variables lists and the formats’ own conventions, named in snake_case', () => {
  const names = (template: string, vars: string[] = []) => compileTemplate(template, vars).fieldNames;
  assert.deepEqual(names('Group group User user-name IP IP_address SVC Message: type-num /ERROR: message'), ['group', 'user_name', 'ip_address', 'type_num', 'message']);
  assert.deepEqual(names('IP Range type id was loaded: Direction %s, From: %a, Through: %a'), ['direction', 'from', 'through']);
  assert.deepEqual(names('({Primary|Secondary}) Switching to ACTIVE - string.', ['string']), ['primary_or_secondary', 'string']);
  assert.deepEqual(names('Built {inbound|outbound} {TCP|UDP} connection connection_id'), ['direction', 'protocol', 'connection_id']);
  assert.deepEqual(names('Peer certificate with serial number: <serial>, subject: <subject_name>'), ['serial', 'subject_name']);
  assert.deepEqual(names('Checking CRL from trustpoint: trustpoint name for purpose', ['trustpoint name', 'purpose']), ['trustpoint_name', 'purpose']);
  assert.deepEqual(names('Temporary license key key has expired.Applying permanent license key permkey', ['key', 'permkey']), ['key', 'permkey']);
  assert.deepEqual(names('Teardown TCP connection id duration hh:mm:ss bytes byte_count'), ['duration', 'byte_count']);
  // optional parts and alternatives are readings of one format, the fullest first
  const c = compileTemplate('SIP[/SPORT] by access-group "acl_ID" [hash_codes]', ['SIP', 'SPORT', 'acl_ID', 'hash_codes']);
  assert.equal(c.patterns.length, 4);
  assert.deepEqual(c.patterns[0]!.fields.map((f) => f.name), ['sip', 'sport', 'acl_id', 'hash_codes']);
});

test('real spellings: <…> around values, case, spacing around : , = ., trailing period', () => {
  assert.deepEqual(match('716058', 'Group <GP_RA> User <bob> IP <198.51.100.50> AnyConnect session lost connection. Waiting to resume.'),
    { variant: 0, fields: { group: 'GP_RA', user: 'bob', ip: '198.51.100.50' } });
  assert.deepEqual(match('716058', 'Group GP_RA User bob IP 198.51.100.50 ANYCONNECT session lost connection.Waiting to resume')?.fields,
    { group: 'GP_RA', user: 'bob', ip: '198.51.100.50' });
  assert.deepEqual(match('444004', 'Temporary license key 0xabc has expired. Applying permanent license key 0xdef.')?.fields, { key: '0xabc', permkey: '0xdef' });
  assert.deepEqual(match('113004', 'AAA user authentication Successful: server=10.9.0.5 , User = jdoe')?.fields,
    { aaa_type: 'authentication', server_ip_address: '10.9.0.5', username: 'jdoe' });
  // values come from the line as written, even when the tolerant pass had to drop spaces to match
  assert.deepEqual(match('113004', 'AAA user  authentication   Successful :  server =  10.9.0.5 ,  User =   jdoe smith ')?.fields,
    { aaa_type: 'authentication', server_ip_address: '10.9.0.5', username: 'jdoe smith' });
  assert.deepEqual(match('106017', 'Deny IP due to Land Attack from 192.0.2.80 to 192.0.2.80.')?.fields, { ip_address: '192.0.2.80', ip_address_2: '192.0.2.80' });
  // `"username"` in the format, the value with or without its quotes
  assert.equal(match('605004', 'Login denied from 198.51.100.7/51215 to outside:203.0.113.1/https for user "admin"')?.fields.username, 'admin');
  assert.equal(match('605004', 'Login denied from 198.51.100.7/51215 to outside:203.0.113.1/https for user admin')?.fields.username, 'admin');
});

test('the variant that explains the most of the line wins', () => {
  // 722022: variant 1 writes <…> around the values, variant 0 does not
  assert.equal(match('722022', 'Group GP User bob IP 192.0.2.1 UDP SVC connection established without compression')?.variant, 0);
  assert.equal(match('722022', 'Group <GP> User <bob> IP <192.0.2.1> UDP SVC connection established without compression')?.variant, 1);
  // 302014: the reading with the teardown reason and initiator beats the one that leaves them in a field
  const m = match('302014', 'Teardown TCP connection 7 for outside:198.51.100.2/443 to inside:10.1.1.5/51234 duration 0:00:30 bytes 5120 TCP Reset-O from outside');
  assert.equal(m?.fields.reason, 'TCP Reset-O');
  assert.equal(m?.fields.teardown_initiator, 'outside');
  assert.equal(match('106017', 'Something else entirely'), null);
});

test('hostile 100 KB lines after a known tag still match, or not, correctly', () => {
  const big = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length));
  for (const junk of [big('a. '), big(': '), big(' '), big('Group = , ')]) {
    for (const id of ['302014', '106023', '716001', '113039']) {
      const r = withFields(classifyLine(line(id, junk), 'f', 1, catalog, {}), catalog);
      assert.equal(r.variant, undefined, `${id} ${junk.slice(0, 6)}`);
      assert.deepEqual(r.fields, {});
      assert.equal(r.raw.length > 100_000, true);
    }
  }
  const long = big('a. ').trim();
  const r = withFields(classifyLine(line('106017', `Deny IP due to Land Attack from ${long} to 192.0.2.80`, 2), 'f', 1, catalog, {}), catalog);
  assert.equal(r.variant, 0);
  // the format matched word for word: the value is what the line has there (the canonical src_ip is not set)
  assert.equal(r.fields?.ip_address, long);
  assert.equal(r.canonical?.src_ip, undefined);
  assert.equal(r.fields?.ip_address_2, '192.0.2.80');
});

test('fields only when asked: the summary path does not match', () => {
  const text = line('106017', 'Deny IP due to Land Attack from 192.0.2.80 to 192.0.2.80', 2);
  const plain = classifyLine(text, 'f', 1, catalog);
  assert.equal(plain.fields, undefined);
  assert.equal(plain.variant, undefined);
  const unmatched = withFields(classifyLine(line('106017', 'Deny something undocumented', 2), 'f', 1, catalog, {}), catalog);
  assert.deepEqual(unmatched.fields, {});
  assert.equal(unmatched.message, 'Deny something undocumented');
});

test('FTD 430001-430005 bodies are parsed by key', () => {
  const r = withFields(classifyLine(line('430003', 'SrcIP: 10.0.0.1, DstIP: 10.0.0.2, SrcPort: 5000, DstPort: 443, Protocol: tcp, ACPolicy: Default'), 'f', 1, catalog, {}), catalog);
  assert.equal(r.variant, 0);
  assert.equal(r.fields?.src_ip, '10.0.0.1');
  assert.equal(r.fields?.ac_policy, 'Default');
});

test('--infer: a line without a tag is identified by its text', () => {
  const infer = (text: string) => classifyLine(text, 'f', 1, catalog, {}, { infer: true });
  for (const text of ['Deny IP due to Land Attack from 192.0.2.80 to 192.0.2.80', 'Nov 16 10:54:06 fw-1 : Deny IP due to Land Attack from 192.0.2.80 to 192.0.2.80']) {
    const r = infer(text);
    assert.equal(r.inferred, true);
    assert.equal(r.id, '106017');
    assert.equal(r.category, 'access-lists');
    assert.equal(r.variant, 0);
    assert.deepEqual(r.fields, { ip_address: '192.0.2.80', ip_address_2: '192.0.2.80' });
  }
  const t = infer('Teardown TCP connection 2751765169 for outside:198.51.100.2/443 to inside:10.1.1.5/51234 duration 0:00:30 bytes 5120 TCP FINs');
  assert.equal(t.id, '302014');
  assert.equal(t.fields?.byte_count, '5120');
  const none = infer('hello world, nothing to see here');
  assert.equal(none.id, null);
  assert.equal(none.inferred, undefined);
  assert.equal(infer(`Deny IP due to ${'a. '.repeat(40_000)}`).inferred, undefined);
  // a tagged line is never re-identified
  assert.equal(classifyLine(line('106017', 'Teardown TCP connection 1 for a:1/2 to b:3/4 duration 0:00:01 bytes 1', 2), 'f', 1, catalog, {}, { infer: true }).id, '106017');
});

test('explain of a whole line carries the line’s values and variant', () => {
  const target = explainTarget(line('113039', 'Group <GP_REMOTE> User <jdoe> IP <198.51.100.14> AnyConnect parent session started.'), catalog);
  assert.equal(target?.line?.variant, 0);
  assert.deepEqual(target?.line?.fields, { group_name: 'GP_REMOTE', user_name: 'jdoe', ip_address: '198.51.100.14' });
});

test('CLI: -o json has fields, --infer fills untagged lines, explain shows values and field names', async () => {
  const input = `${line('106017', 'Deny IP due to Land Attack from 192.0.2.80 to 192.0.2.80', 2)}\nDeny IP due to Land Attack from 192.0.2.81 to 192.0.2.81\n`;
  const json = await runCli(['-o', 'json', '--infer', '-'], { input });
  assert.equal(json.code, 0, json.stderr);
  const [tagged, untagged] = json.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(tagged.fields, { ip_address: '192.0.2.80', ip_address_2: '192.0.2.80' });
  assert.equal(untagged.inferred, true);
  assert.equal(untagged.id, '106017');
  const plain = await runCli(['-o', 'json', '-'], { input });
  assert.equal(JSON.parse(plain.stdout.toString().trim().split('\n')[1]!).id, null);
  const explained = await runCli(['explain', line('716058', 'Group <GP_RA> User <bob> IP <198.51.100.50> AnyConnect session lost connection. Waiting to resume.')]);
  assert.match(explained.stdout.toString(), /GP_RA/);
  const listed = await runCli(['explain', '302014']);
  assert.match(listed.stdout.toString(), /fields: connection_id, interface, real_address, real_port/);
});

test('the tolerant matcher: device spellings the documents do not have, and hostile lines near its token cap', () => {
  // a word added (`UDP`), a literal re-cased, an optional part left out, a literal the device does not print
  assert.deepEqual(match('722033', 'Group <GP> User <u1> IP <192.0.2.1> First UDP SVC connection established for SVC session.')?.fields, { group: 'GP', user_name: 'u1', ip_address: '192.0.2.1' });
  assert.deepEqual(match('725001', 'Starting SSL handshake with client inside:192.0.2.9/1133 for TLSv1.2 session.')?.fields,
    { peer_type: 'client', interface: 'inside', src_ip: '192.0.2.9', src_port: '1133', protocol: 'TLSv1.2' });
  assert.deepEqual(match('737026', 'IPAA: Client assigned 10.99.0.4 from local pool POOL_A')?.fields, { ip_address: '10.99.0.4', pool_name: 'POOL_A' });
  // an address is one run of characters: `IPv4` is a word the line added, not part of the value
  assert.equal(match('721016', '(WebVPN-Primary) WebVPN session for client user jdoe, IPv4 10.1.2.3 has been created.')?.fields.ip_address, '10.1.2.3');
  // the format's own words over and over, up to the cap: no values out of nothing
  for (const id of ['106023', '302014', '113019']) {
    const words = entry(id).variants[0]!.format.replace(/[^A-Za-z ]+/g, ' ');
    const m = match(id, words.repeat(20).split(/\s+/).slice(0, 250).join(' '));
    for (const [k, v] of Object.entries(m?.fields ?? {})) assert.ok(!/_ip|address|port/.test(k) || /\d/.test(v), `${id} ${k}=${v}`);
  }
});

test('typed values are re-cut where the type asks: an interface prefix, an IPv6 address before :port', () => {
  assert.deepEqual(match('106023', 'Deny tcp src v1:outside:10.8.1.9/54864 dst inside:10.1.1.1/443 by access-group "OUT" [0x0, 0x0]')?.fields.source_address, '10.8.1.9');
  assert.equal(match('106023', 'Deny tcp src v1:outside:10.8.1.9/54864 dst inside:10.1.1.1/443 by access-group "OUT" [0x0, 0x0]')?.fields.interface_name, 'v1:outside');
  const v6 = match('751025', 'Local:2001:db8::1:500 Remote:2001:db8::2:4500 Username:erin IKEv2 Group:GP IPv4 Address=10.9.0.1 IPv6 address=:: assigned to session');
  assert.equal(v6?.fields.local_ip, '2001:db8::1');
  assert.equal(v6?.fields.local_port, '500');
  assert.equal(v6?.fields.remote_ip, '2001:db8::2');
  assert.equal(v6?.fields.remote_port, '4500');
});

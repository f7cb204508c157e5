import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ecsFromFields, portValue } from '../../src/fields/ecs.ts';
import { parseFtdEventFields } from '../../src/fields/ftd-event.ts';

test('ASA names for the two ends of a connection map to source and destination', () => {
  assert.deepEqual(ecsFromFields({ interface_name: 'outside', source_address: '198.51.100.7', source_port: '51544', dest_address: '10.0.0.5', dest_port: '443', protocol: 'TCP' }), {
    source: { ip: '198.51.100.7', port: 51544 },
    destination: { ip: '10.0.0.5', port: 443 },
    network: { transport: 'tcp', iana_number: '6' },
  });
  assert.deepEqual(ecsFromFields({ src_ip: '2001:db8::1', dst_ip: 'fe80::1', src_port: '0', dst_port: '65535' }), {
    source: { ip: '2001:db8::1', port: 0 }, destination: { ip: 'fe80::1', port: 65535 },
  });
  for (const [s, d] of [['source_ip_address', 'destination_ip_address'], ['src_ip_addr', 'dest_ip_addr'], ['sip', 'dip'], ['source_addr2', 'destination_addr2']] as const) {
    assert.deepEqual(ecsFromFields({ [s]: '192.0.2.1', [d]: '192.0.2.2' }), { source: { ip: '192.0.2.1' }, destination: { ip: '192.0.2.2' } }, s);
  }
});

test('a value goes into *.ip only when it is an IP address, and into *.port only when it is a port', () => {
  assert.deepEqual(ecsFromFields({ source_address: 'inside:10.0.0.1', dest_address: '10.0.0.256', source_port: '65536', dest_port: '-1' }), {});
  assert.deepEqual(ecsFromFields({ src_ip: '10.0.0.1/24', dst_ip: 'host.example.com', src_port: '80a', dst_port: '' }), {});
  assert.deepEqual(ecsFromFields({ src_ip: ' 10.0.0.1 ' }), { source: { ip: '10.0.0.1' } });
  assert.equal(portValue('08080'), 8080);
  assert.equal(portValue('123456'), undefined);
});

test('names that are not clearly one end of a flow are left alone', () => {
  assert.deepEqual(ecsFromFields({ mapped_address: '192.0.2.9', real_port: '22', global_address: '192.0.2.1', interface_name: 'outside', group: 'GP', local_ip: '10.1.1.1' }), {});
  // a bare IP is the peer only beside a user name ("Group g User u IP a")
  assert.deepEqual(ecsFromFields({ ip_address: '192.0.2.1' }), {});
  assert.deepEqual(ecsFromFields({ group: 'GP_RA', user: 'bob', ip: '198.51.100.50' }), { source: { ip: '198.51.100.50' }, user: { name: 'bob' } });
  assert.deepEqual(ecsFromFields({ username: 'bob', peer_ip: '203.0.113.4' }), { source: { ip: '203.0.113.4' }, user: { name: 'bob' } });
  // an explicit source wins over the peer
  assert.deepEqual(ecsFromFields({ remote_ip: '203.0.113.4', src_ip: '10.0.0.1' }), { source: { ip: '10.0.0.1' } });
});

test('user.name skips the words FTD and ASA print when there is no user', () => {
  for (const none of ['No Authentication Required', 'Not Found', '*****', '', 'Unknown']) assert.deepEqual(ecsFromFields({ user: none }), {}, none);
  assert.deepEqual(ecsFromFields({ user_name: 'CORP\\alice' }), { user: { name: 'CORP\\alice' } });
  assert.deepEqual(ecsFromFields({ idfw_user: 'LOCAL\\bob' }), { user: { name: 'LOCAL\\bob' } });
  assert.deepEqual(ecsFromFields({ user_name: 'USER 1' }), { user: { name: 'USER 1' } });
  // `(idfw_user, sg_info)`: the user without its security group tag; a tag alone is no user
  assert.deepEqual(ecsFromFields({ idfw_user: 'LOCAL\\alice, 9999:my_SgtName' }), { user: { name: 'LOCAL\\alice' } });
  assert.deepEqual(ecsFromFields({ user: '9999:my_SgtName' }), {});
  // a LAN-to-LAN tunnel names its peer's IP as the user
  assert.deepEqual(ecsFromFields({ username: '192.168.0.38' }), {});
});

test('protocols: names and IANA numbers become network.transport, application protocols network.protocol', () => {
  assert.deepEqual(ecsFromFields({ protocol: '6' }), { network: { transport: 'tcp', iana_number: '6' } });
  assert.deepEqual(ecsFromFields({ protocol: 'icmp6' }), { network: { transport: 'ipv6-icmp', iana_number: '58' } });
  assert.deepEqual(ecsFromFields({ transport_protocol: 'UDP', application_protocol: 'DNS' }), { network: { transport: 'udp', iana_number: '17', protocol: 'dns' } });
  assert.deepEqual(ecsFromFields({ protocol: 'IKEv2' }), {});
  assert.deepEqual(ecsFromFields({ protocol: '999' }), {});
});

test('an FTD connection event maps through end to end', () => {
  const fields = parseFtdEventFields('AccessControlRuleAction: Allow, SrcIP: 10.0.1.20, DstIP: 81.2.69.144, SrcPort: 46000, DstPort: 80, Protocol: tcp, User: No Authentication Required, UserAgent: curl/7.58.0, Client: cURL, ApplicationProtocol: HTTP');
  assert.ok(fields);
  assert.deepEqual(ecsFromFields(fields), {
    source: { ip: '10.0.1.20', port: 46000 },
    destination: { ip: '81.2.69.144', port: 80 },
    network: { transport: 'tcp', iana_number: '6', protocol: 'http' },
  });
});

test('connection builds: the direction says which side opened the connection; teardowns say nothing', () => {
  const sides = { connection_id: '1', interface: 'outside', real_address: '198.51.100.23', real_port: '51334', mapped_address: '198.51.100.23', mapped_port: '51334',
    interface_2: 'dmz', real_address_2: '10.20.0.15', real_port_2: '443', mapped_address_2: '203.0.113.15', mapped_port_2: '443' };
  assert.deepEqual(ecsFromFields({ direction: 'inbound', ...sides }, '302013'), {
    source: { ip: '198.51.100.23', port: 51334 }, destination: { ip: '10.20.0.15', port: 443 }, network: { transport: 'tcp', iana_number: '6' },
  });
  assert.deepEqual(ecsFromFields({ direction: 'outbound', ...sides }, '302015'), {
    source: { ip: '10.20.0.15', port: 443 }, destination: { ip: '198.51.100.23', port: 51334 }, network: { transport: 'udp', iana_number: '17' },
  });
  // a teardown does not say who opened it: only the protocol its ID names
  assert.deepEqual(ecsFromFields(sides, '302014'), { network: { transport: 'tcp', iana_number: '6' } });
  // a side whose address is not an IP stays out
  assert.deepEqual(ecsFromFields({ direction: 'inbound', ...sides, real_address: 'outside-host' }, '302013'), {
    source: { port: 51334 }, destination: { ip: '10.20.0.15', port: 443 }, network: { transport: 'tcp', iana_number: '6' },
  });
});

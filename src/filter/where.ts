// `--where field=value`: a test on a record's canonical fields (src/fields/vocabulary.ts), so one
// filter means the same for every message: `src_ip=10.0.0.0/8` (CIDR, IPv4 or IPv6), `dst_port=22,3389`
// or `dst_port=1024-65535`, `user=alice`, `user=*admin*`, `action!=allowed`.
import { BlockList, isIP } from 'node:net';
import { UsageError } from '../errors.js';
import type { LogRecord } from '../classify/record.js';
import { CANONICAL_NAMES, isCanonicalField } from '../fields/vocabulary.js';
import { portNumber } from '../fields/value-types.js';
import { closestName } from '../parse/closest-name.js';
import { globSource } from './glob.js';

type ValueTest = (value: string) => boolean;

const WHERE = /^(?<field>[a-z_]+)\s*(?<op>!?=)\s*(?<values>.*)$/s;

function addressTest(item: string, expr: string): ValueTest {
  const [address, bits] = item.split('/');
  const family = isIP(address ?? '');
  const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
  if (family === 0 || !/^\d{0,3}$/.test(bits ?? '') || prefix > (family === 6 ? 128 : 32)) {
    throw new UsageError(`--where "${expr}": "${item}" is not an IP address or a CIDR block such as 10.0.0.0/8 or 2001:db8::/32`);
  }
  const block = new BlockList();
  block.addSubnet(address!, prefix, family === 6 ? 'ipv6' : 'ipv4');
  return (v) => {
    const f = isIP(v);
    return f !== 0 && block.check(v, f === 6 ? 'ipv6' : 'ipv4');
  };
}

function portTest(item: string, expr: string): ValueTest {
  const asNumber = (p: string): number => portNumber(p) ?? NaN;
  const range = /^(?<lo>[^-]+)-(?<hi>[^-]+)$/.exec(item);
  const [lo, hi] = range ? [asNumber(range.groups!.lo!), asNumber(range.groups!.hi!)] : [asNumber(item), asNumber(item)];
  if (!(lo <= hi && hi <= 65535)) throw new UsageError(`--where "${expr}": "${item}" is not a port, a service name (https) or a range such as 1024-65535`);
  return (v) => {
    const n = Number(v);
    return n >= lo && n <= hi;
  };
}

function textTest(item: string): ValueTest {
  if (!item.includes('*')) {
    const want = item.toLowerCase();
    return (v) => v.toLowerCase() === want;
  }
  const pattern = new RegExp(`^${globSource(item)}$`, 'is');
  return (v) => pattern.test(v);
}

/** One `--where` expression as a test on a record's canonical fields. */
export function whereTest(expr: string): (r: LogRecord) => boolean {
  const m = WHERE.exec(expr.trim());
  if (!m) throw new UsageError(`--where "${expr}": write field=value or field!=value, e.g. src_ip=10.0.0.0/8, dst_port=22,3389, user=alice`);
  const { field, op, values } = m.groups as { field: string; op: string; values: string };
  if (!isCanonicalField(field)) {
    const near = closestName(field, CANONICAL_NAMES);
    throw new UsageError(`--where "${expr}": "${field}" is not a canonical field${near ? `; did you mean ${near}?` : ''} (see README "Fields": ${CANONICAL_NAMES.join(', ')})`);
  }
  const items = values.split(',').map((v) => v.trim());
  if (items.some((v) => v === '')) throw new UsageError(`--where "${expr}": give a value, or a comma list of values, after ${op}`);
  const tests = items.map((item) => (field.endsWith('_ip') && item !== '*' ? addressTest(item, expr) : field.endsWith('_port') && item !== '*' ? portTest(item, expr) : textTest(item)));
  const any: ValueTest = (v) => tests.some((t) => t(v));
  // a record without the field matches `!=`, as `grep -v` keeps lines without the word
  return op === '=' ? (r) => r.canonical?.[field] !== undefined && any(r.canonical[field]!) : (r) => r.canonical?.[field] === undefined || !any(r.canonical[field]!);
}

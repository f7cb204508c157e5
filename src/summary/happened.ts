// `summary --sections`: what happened, from the canonical fields of every message — who was denied,
// which connections carried the bytes, who came in over VPN, who failed to log in, what the
// administrators ran, what failover did. Every table is a TopCounter, so memory stays bounded
// whatever the log; a table that had to estimate says so with its error bound.
import type { CatalogEntry } from '../catalog/types.js';
import type { LogRecord } from '../classify/record.js';
import type { HappenedSection } from '../render/summary-report.js';
import { addCounts, keepLongest, longestTable, table, takeCounts, type Longest } from './section-tables.js';
import { mergeAll, takeAll, TopCounter, type TopCounterState } from './top-counter.js';
import { SESSION_END, SESSION_START, TUNNEL_DOWN, TUNNEL_UP, VpnSessions, type VpnPart } from './vpn-sessions.js';

// Authentication outcomes: AAA (113004/113005/113008/113012/113015), local and ASDM/SSH logins (611101/611102, 605004/605005), VPN (716039)
const AUTH = new Set(['113004', '113005', '113008', '113012', '113015', '611101', '611102', '605004', '605005', '716039']);
const VPN_LOGIN = new Set(['716039', '113005', '113015']);
// Commands and configuration changes: 111008/111009/111010 commands, 111001/111005 configuration written or ended, 502103 privilege changes, 771002 CLI via REST
const ADMIN = new Set(['111001', '111005', '111008', '111009', '111010', '502103', '771002']);
// Health beside failover (category ha): interface up/down, threat-detection rates, CPU and memory
const HEALTH = new Set(['411001', '411002', '411003', '411004', '733100', '733101', '733102', '211001', '211004', '199019']);
const MAX_EVENTS = 200;

interface Event { time: string | null; host: string | null; id: string; text: string }

/** A VPN session start or end: what pairing and the per-user tables read of it. */
interface SessionEvent { end: boolean; time: string | null; c: Record<string, string> }

/**
 * What a Happened counted over a piece of a file, as plain data a thread can post: counters and
 * the longest connections merge in any order; session starts and ends are kept in line order and
 * replayed (pairing them is a walk through time), as are the first health events.
 */
export interface HappenedPart {
  messages: Happened['messages'];
  counters: Record<string, Record<string, TopCounterState>>;
  vpn: VpnPart;
  longest: Longest[];
  sessions: SessionEvent[];
  events: Event[];
}

/** The canonical fields a session start or end is read for. */
const SESSION_FIELDS = ['user', 'group', 'src_ip', 'duration', 'bytes_in', 'bytes_out'];

export class Happened {
  readonly messages = { denied: 0, built: 0, teardown: 0, authOk: 0, authFail: 0, admin: 0, events: 0, all: 0 };
  private readonly denied = { src: new TopCounter(), dst: new TopCounter(), port: new TopCounter(), acl: new TopCounter(), iface: new TopCounter() };
  private readonly conn = { built: new TopCounter(), teardown: new TopCounter(), talkers: new TopCounter(), reasons: new TopCounter() };
  private readonly longest: Longest[] = [];
  private readonly vpn: VpnSessions;
  private readonly auth = { okUser: new TopCounter(), failUser: new TopCounter(), failSrc: new TopCounter(), server: new TopCounter() };
  private readonly admin = { commands: new TopCounter(), users: new TopCounter() };
  private readonly events: Event[] = [];
  /** in a pool thread (`deferSessions`): session starts and ends are kept for the main thread to replay in order */
  private readonly deferred: SessionEvent[] | null;

  constructor(private readonly top: number, opts: { deferSessions?: boolean } = {}) {
    this.vpn = new VpnSessions(top);
    this.deferred = opts.deferSessions ? [] : null;
  }

  /** Whether a message of `entry`, which can carry the canonical fields `fields`, can count in a section. */
  static reads(entry: CatalogEntry, fields: ReadonlySet<string>): boolean {
    const id = entry.id;
    return fields.has('action') || fields.has('assigned_ip') || entry.category === 'ha' || SESSION_START.has(id) || SESSION_END.has(id)
      || id === TUNNEL_UP || id === TUNNEL_DOWN || AUTH.has(id) || ADMIN.has(id) || HEALTH.has(id);
  }

  /** A message of a known ID that `reads` says no section reads: counted, not read. */
  countOnly(n: number): void {
    this.messages.all += n;
  }

  add(r: LogRecord): void {
    const c = r.canonical;
    if (r.id === null || c === undefined) return;
    const n = r.repeat ?? 1;
    this.messages.all += n;
    const action = c.action;
    if (action === 'denied') {
      this.messages.denied += n;
      if (c.src_ip) this.denied.src.add(c.src_ip, n);
      if (c.dst_ip) this.denied.dst.add(c.dst_ip, n);
      if (c.dst_port || c.protocol) this.denied.port.add(c.dst_port ? `${c.dst_port}/${c.protocol ?? '?'}` : c.protocol!, n);
      if (c.acl) this.denied.acl.add(c.acl, n);
      const iface = c.src_interface ?? c.interface;
      if (iface) this.denied.iface.add(iface, n);
    } else if (action === 'built' && c.connection_id !== undefined) {
      this.messages.built += n;
      this.conn.built.add(c.protocol ?? 'other', n);
    } else if (action === 'teardown' && c.connection_id !== undefined) {
      this.messages.teardown += n;
      this.conn.teardown.add(c.protocol ?? 'other', n);
      const pair = `${c.src_ip ?? '?'} → ${c.dst_ip ?? '?'}${c.dst_port ? `:${c.dst_port}` : ''}`;
      if (c.bytes) this.conn.talkers.add(pair, Number(c.bytes));
      if (c.reason) this.conn.reasons.add(c.reason, n);
      if (c.duration) keepLongest(this.longest, this.top, Number(c.duration), `${c.protocol ?? ''} ${pair}`.trim());
    }
    if (SESSION_START.has(r.id) && c.user) this.session({ end: false, time: r.timestamp, c });
    if (SESSION_END.has(r.id) && c.user) this.session({ end: true, time: r.timestamp, c });
    if (r.id === TUNNEL_UP || r.id === TUNNEL_DOWN) this.vpn.tunnel(r.id === TUNNEL_UP, c.protocol, n);
    if (c.assigned_ip && c.user) this.vpn.assigned(c.user, c.assigned_ip, n);
    if (AUTH.has(r.id)) this.authentication(r.id, c, n);
    if (ADMIN.has(r.id)) {
      this.messages.admin += n;
      this.admin.users.add(`${c.user ?? '?'}${c.src_ip ? ` from ${c.src_ip}` : ''}`, n);
      if (c.command) this.admin.commands.add(`${c.user ?? '?'}: ${c.command}`, n);
    }
    if (r.category === 'ha' || HEALTH.has(r.id)) {
      this.messages.events += n;
      if (this.events.length < MAX_EVENTS) this.events.push({ time: r.timestamp, host: r.host, id: r.id, text: r.message ?? '' });
    }
  }

  private session(e: SessionEvent): void {
    if (this.deferred === null) return e.end ? this.vpn.end(e.c, e.time) : this.vpn.start(e.c, e.time);
    const c: Record<string, string> = {};
    for (const k of SESSION_FIELDS) if (e.c[k] !== undefined) c[k] = e.c[k]!;
    this.deferred.push({ end: e.end, time: e.time, c });
  }

  private counters(): Record<string, Record<string, TopCounter>> {
    return { denied: this.denied, conn: this.conn, auth: this.auth, admin: this.admin };
  }

  /** What this counted, as plain data; the counting goes on from zero (a thread's next piece). */
  take(): HappenedPart {
    const counters: HappenedPart['counters'] = {};
    for (const [group, table] of Object.entries(this.counters())) counters[group] = takeAll(table);
    return { messages: takeCounts(this.messages), counters, vpn: this.vpn.take(), longest: this.longest.splice(0), sessions: this.deferred?.splice(0) ?? [], events: this.events.splice(0) };
  }

  /** Adds a later piece's part: the same sections as if this had counted its lines itself. */
  merge(part: HappenedPart): void {
    addCounts(this.messages, part.messages);
    const mine = this.counters();
    for (const [group, states] of Object.entries(part.counters)) mergeAll(mine[group]!, states);
    this.vpn.merge(part.vpn);
    for (const l of part.longest) keepLongest(this.longest, this.top, l.seconds, l.what);
    for (const e of part.sessions) this.session(e);
    for (const e of part.events) if (this.events.length < MAX_EVENTS) this.events.push(e);
  }

  private authentication(id: string, c: Record<string, string>, n: number): void {
    const outcome = c.outcome ?? (c.action === 'denied' ? 'failure' : c.action === 'allowed' ? 'success' : undefined);
    if (outcome === 'success') {
      this.messages.authOk += n;
      this.auth.okUser.add(c.user ?? '(no user)', n);
    } else if (outcome === 'failure') {
      this.messages.authFail += n;
      this.auth.failUser.add(c.user ?? '(no user)', n);
      if (c.src_ip) this.auth.failSrc.add(c.src_ip, n);
      if (VPN_LOGIN.has(id)) this.vpn.failedLogin(c.user, c.src_ip, n);
    }
    if (c.server_ip && outcome) this.auth.server.add(`${c.server_ip} ${outcome}`, n);
  }

  /** The sections the log has lines for, in a fixed order. */
  sections(): HappenedSection[] {
    const out: HappenedSection[] = [];
    const m = this.messages;
    const pct = (a: number, b: number) => (b === 0 ? '0.0%' : `${((100 * a) / b).toFixed(1)}%`);
    if (m.denied > 0) {
      out.push({ key: 'denied', title: 'Denied traffic', summary: `${m.denied} denies: ${pct(m.denied, m.all)} of the ${m.all} messages of known IDs`, tables: [
        table('Top sources', ['source', 'denies'], this.denied.src, this.top), table('Top destinations', ['destination', 'denies'], this.denied.dst, this.top),
        table('Top destination ports', ['port/protocol', 'denies'], this.denied.port, this.top), table('Access lists', ['acl', 'denies'], this.denied.acl, this.top),
        table('Interfaces', ['interface', 'denies'], this.denied.iface, this.top),
      ] });
    }
    if (m.built + m.teardown > 0) {
      out.push({ key: 'connections', title: 'Connections', summary: `${m.built} built, ${m.teardown} torn down`, tables: [
        table('Built by protocol', ['protocol', 'built'], this.conn.built, this.top), table('Torn down by protocol', ['protocol', 'torn down'], this.conn.teardown, this.top),
        table('Top talkers by bytes (teardowns)', ['connection', 'bytes'], this.conn.talkers, this.top), longestTable('Longest connections', ['connection', 'seconds'], this.longest),
        table('Teardown reasons', ['reason', 'connections'], this.conn.reasons, this.top),
      ] });
    }
    const vpn = this.vpn.section();
    if (vpn) out.push(vpn);
    if (m.authOk + m.authFail > 0) {
      out.push({ key: 'auth', title: 'Authentication', summary: `${m.authOk} succeeded, ${m.authFail} failed`, tables: [
        table('Failures per user', ['user', 'failures'], this.auth.failUser, this.top), table('Failures per source', ['source', 'failures'], this.auth.failSrc, this.top),
        table('Successes per user', ['user', 'successes'], this.auth.okUser, this.top), table('AAA servers', ['server outcome', 'messages'], this.auth.server, this.top),
      ] });
    }
    if (m.admin > 0) {
      out.push({ key: 'admin', title: 'Administration', summary: `${m.admin} commands and configuration messages`, tables: [
        table('Who', ['user and source', 'messages'], this.admin.users, this.top), table('Commands', ['user: command', 'times'], this.admin.commands, this.top),
      ] });
    }
    if (m.events > 0) {
      const rows = this.events.map((e) => [e.time ?? '', e.host ?? '', e.id, e.text]);
      out.push({ key: 'ha', title: 'High availability and health', summary: `${m.events} failover, interface and health messages${m.events > MAX_EVENTS ? `; the first ${MAX_EVENTS} listed` : ''}`, tables: [
        { title: 'In time order', head: ['time', 'host', 'id', 'message'], rows, total: m.events, ordered: true },
      ] });
    }
    return out.map((s) => ({ ...s, tables: s.tables.filter((t) => t.rows.length > 0) }));
  }
}

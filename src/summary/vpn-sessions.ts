// The "VPN sessions" section: remote-access sessions per user, paired start to end, with what the
// other VPN messages say of them (tunnels, assigned addresses, failed logins).
// Starts: 113039 AnyConnect parent session started, 716001 WebVPN session started; ends: 113019
// session disconnected (duration, bytes, reason: SSL and IPsec), 716002 WebVPN session terminated.
// Tunnels of an AnyConnect session: 722022 SVC connection established, 722023 terminated (TCP: TLS, UDP: DTLS).
import type { HappenedSection, HappenedTable } from '../render/summary-report.js';
import { addCounts, keepLongest, longestTable, table, takeCounts, type Longest } from './section-tables.js';
import { mergeAll, takeAll, TopCounter, type TopCounterState } from './top-counter.js';

export const SESSION_START = new Set(['113039', '716001']);
export const SESSION_END = new Set(['113019', '716002']);
export const TUNNEL_UP = '722022';
export const TUNNEL_DOWN = '722023';
const USERS_PAIRED = 65_536;
/** hours whose peak is kept: past this, the quietest hour makes room */
const HOURS_KEPT = 4096;
const HOUR_MS = 3_600_000;

/** What a pool thread's VPN counting posts: counts and counters (session starts and ends are replayed, not posted here). */
export interface VpnPart { counts: VpnSessions['counts']; counters: Record<string, TopCounterState> }

export class VpnSessions {
  readonly counts = { starts: 0, ends: 0, tunnelsUp: 0, tunnelsDown: 0 };
  private readonly counters = {
    sessions: new TopCounter(), seconds: new TopCounter(), bytesIn: new TopCounter(), bytesOut: new TopCounter(), groups: new TopCounter(),
    assigned: new TopCounter(), sources: new TopCounter(), tunnels: new TopCounter(), failedUser: new TopCounter(), failedSrc: new TopCounter(),
  };
  private readonly longest: Longest[] = [];
  private open = 0;
  /** open sessions per user, to pair each end with a start (bounded: past the cap a user is not paired) */
  private readonly openByUser = new Map<string, number>();
  private readonly unpaired = { endWithoutStart: 0, untracked: 0 };
  private peak = 0;
  private peakAt: string | null = null;
  /** the most sessions open at once in each hour (UTC) that had a session start or end */
  private readonly hourPeaks = new Map<string, number>();
  /** hours that made room for busier ones, or found none */
  private hoursDropped = 0;

  constructor(private readonly top: number) {}

  start(c: Record<string, string>, time: string | null): void {
    const user = c.user!;
    this.counts.starts++;
    this.counters.sessions.add(user);
    if (c.group) this.counters.groups.add(`${user} · ${c.group}`);
    if (c.src_ip) this.counters.sources.add(`${user} · ${c.src_ip}`);
    const mine = this.openByUser.get(user);
    if (mine !== undefined || this.openByUser.size < USERS_PAIRED) this.openByUser.set(user, (mine ?? 0) + 1);
    else this.unpaired.untracked++;
    this.open++;
    if (this.open > this.peak) [this.peak, this.peakAt] = [this.open, time];
    this.noteOpen(time);
  }

  end(c: Record<string, string>, time: string | null): void {
    const user = c.user!;
    this.counts.ends++;
    // the sessions open when the hour's first event is an end were open in that hour
    this.noteOpen(time);
    const mine = this.openByUser.get(user);
    if (mine === undefined || mine === 0) this.unpaired.endWithoutStart++;
    else {
      this.openByUser.set(user, mine - 1);
      this.open--;
    }
    if (c.duration) {
      this.counters.seconds.add(user, Number(c.duration));
      keepLongest(this.longest, this.top, Number(c.duration), c.group ? `${user} · ${c.group}` : user);
    }
    if (c.bytes_in) this.counters.bytesIn.add(user, Number(c.bytes_in));
    if (c.bytes_out) this.counters.bytesOut.add(user, Number(c.bytes_out));
  }

  private noteOpen(time: string | null): void {
    const ms = time === null ? NaN : Date.parse(time);
    if (Number.isNaN(ms)) return;
    const hour = `${new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString().slice(0, 13)}:00Z`;
    const was = this.hourPeaks.get(hour);
    if (was !== undefined) {
      if (this.open > was) this.hourPeaks.set(hour, this.open);
      return;
    }
    if (this.hourPeaks.size >= HOURS_KEPT) {
      let quietest: [string, number] | null = null;
      for (const e of this.hourPeaks) if (quietest === null || e[1] < quietest[1]) quietest = e;
      this.hoursDropped++;
      if (quietest![1] >= this.open) return;
      this.hourPeaks.delete(quietest![0]);
    }
    this.hourPeaks.set(hour, this.open);
  }

  /** 722022 / 722023: a TLS (TCP) or DTLS (UDP) tunnel of a session came up or went down. */
  tunnel(up: boolean, protocol: string | undefined, n: number): void {
    if (up) this.counts.tunnelsUp += n;
    else this.counts.tunnelsDown += n;
    this.counters.tunnels.add(`${protocol ?? '?'} ${up ? 'established' : 'terminated'}`, n);
  }

  /** Any message that names the address a user's session was given (722051, 751025, 713228 …). */
  assigned(user: string, address: string, n: number): void {
    this.counters.assigned.add(`${user} · ${address}`, n);
  }

  failedLogin(user: string | undefined, src: string | undefined, n: number): void {
    this.counters.failedUser.add(user ?? '(no user)', n);
    if (src) this.counters.failedSrc.add(src, n);
  }

  /** The counts and counters as plain data; they go on from zero. */
  take(): VpnPart {
    return { counts: takeCounts(this.counts), counters: takeAll(this.counters) };
  }

  merge(part: VpnPart): void {
    addCounts(this.counts, part.counts);
    mergeAll(this.counters, part.counters);
  }

  /** The hours with the most sessions open at once, the busiest first, ties in time order. */
  private busiestHours(): HappenedTable {
    const ranked = [...this.hourPeaks].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { title: 'Busiest hours (most sessions open at once)', head: ['hour (UTC)', 'open'], rows: ranked.slice(0, this.top), total: ranked.length };
  }

  section(): HappenedSection | null {
    const { starts, ends, tunnelsUp, tunnelsDown } = this.counts;
    const t = this.counters;
    if (starts + ends + tunnelsUp + tunnelsDown + t.failedUser.total + t.assigned.total === 0) return null;
    const peak = starts > 0 ? `; at most ${this.peak} open at once${this.peakAt ? ` (${this.peakAt})` : ''}, counting from the first line` : '';
    const stillOpen = [...this.openByUser.values()].reduce((a, b) => a + b, 0);
    const notes = [
      this.unpaired.endWithoutStart > 0 ? `${this.unpaired.endWithoutStart} ended without a start in the log` : '',
      stillOpen > 0 ? `${stillOpen} started without an end in the log` : '',
      this.unpaired.untracked > 0 ? `${this.unpaired.untracked} of users past ${USERS_PAIRED} not paired` : '',
      this.hoursDropped > 0 ? `busiest hours kept from ${HOURS_KEPT}: ${this.hoursDropped} quieter hours left out` : '',
      tunnelsUp + tunnelsDown > 0 ? `${tunnelsUp} tunnels established, ${tunnelsDown} terminated (722022, 722023)` : '',
    ].filter(Boolean);
    const top = this.top;
    return { key: 'vpn', title: 'VPN sessions', summary: `${starts} started (113039, 716001), ${ends} ended (113019, 716002)${peak}${notes.length ? `; ${notes.join(', ')}` : ''}`, tables: [
      table('Sessions per user', ['user', 'sessions'], t.sessions, top), table('Connected time per user (ended sessions)', ['user', 'seconds'], t.seconds, top),
      longestTable('Longest sessions (ended)', ['user · group', 'seconds'], this.longest), this.busiestHours(),
      table('Bytes in per user', ['user', 'bytes'], t.bytesIn, top), table('Bytes out per user', ['user', 'bytes'], t.bytesOut, top),
      table('Groups', ['user · group', 'sessions'], t.groups, top), table('Source addresses', ['user · source', 'sessions'], t.sources, top),
      table('Assigned addresses', ['user · address', 'messages'], t.assigned, top), table('Tunnels (TLS over TCP, DTLS over UDP)', ['transport and state', 'messages'], t.tunnels, top),
      table('Failed VPN logins per user', ['user', 'failures'], t.failedUser, top), table('Failed VPN logins per source', ['source', 'failures'], t.failedSrc, top),
    ] };
  }
}

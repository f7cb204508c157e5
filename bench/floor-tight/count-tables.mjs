// Count tables that give the same counts as Map<string, number> without making a string per hit.
// NumTable: uint32-ish numeric keys (IPv4 as a number, proto/port pairs) in open addressing.
export class NumTable {
  // keys stored as key+1 so that a fresh (zeroed) array is empty: no fill
  constructor(bits = 16) { this.init(bits); this.size = 0; }
  init(bits) {
    this.bits = bits; this.mask = (1 << bits) - 1; this.shift = 32 - bits;
    this.keys = new Float64Array(1 << bits); this.vals = new Float64Array(1 << bits);
  }
  add(key, n) { // key: integer 0 <= key < 2^52
    const keys = this.keys, mask = this.mask, k1 = key + 1;
    let h = Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 31), 0x9E3779B1) >>> this.shift;
    for (;;) {
      const k = keys[h];
      if (k === k1) { this.vals[h] += n; return; }
      if (k === 0) {
        keys[h] = k1; this.vals[h] = n;
        if (++this.size * 2 > mask) this.grow();
        return;
      }
      h = (h + 1) & mask;
    }
  }
  grow() {
    const ok = this.keys, ov = this.vals;
    this.init(this.bits + 1); this.size = 0;
    for (let i = 0; i < ok.length; i++) if (ok[i] !== 0) this.add(ok[i] - 1, ov[i]);
  }
  forEach(f) { const k = this.keys, v = this.vals; for (let i = 0; i < k.length; i++) if (k[i] !== 0) f(k[i] - 1, v[i]); }
}
// SmallTable: few distinct strings (protocols, reasons, acls, interfaces), found by comparing
// the chunk text in place; an id per string; a Map for overflow.
export class SmallTable {
  constructor() { this.strs = []; this.counts = []; this.slot = new Int32Array(1024); }
  add(s, a, b, n) {
    const len = b - a;
    let h = ((len * 31 + (len > 0 ? s.charCodeAt(a) * 7 + s.charCodeAt(b - 1) * 13 + s.charCodeAt(a + (len >> 1)) : 0)) & 1023);
    for (;;) {
      const idx = this.slot[h] - 1;
      if (idx < 0) break;
      const k = this.strs[idx];
      if (k.length === len && s.startsWith(k, a)) { this.counts[idx] += n; return idx; }
      h = (h + 1) & 1023;
    }
    if (this.strs.length >= 512) { const big = (this.big ??= new Map()), key = s.slice(a, b); big.set(key, (big.get(key) ?? 0) + n); return -1; }
    this.strs.push(s.slice(a, b)); this.counts.push(n); this.slot[h] = this.strs.length;
    return this.strs.length - 1;
  }
  toMap() { const m = new Map(this.big); this.strs.forEach((k, i) => m.set(k, this.counts[i])); return m; }
}
export const ipString = (k) => `${k >>> 24}.${(k >>> 16) & 255}.${(k >>> 8) & 255}.${k & 255}`;

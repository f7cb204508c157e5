/**
 * The pattern with every letter made to match either case (`deny` → `[dD][eE][nN][yY]`, `[a-c]`
 * → `[a-cA-C]`): what the `i` flag does, written out, because V8's linear engine cannot run
 * `i` and would leave such a pattern to backtrack. Escapes (`\d`, `\x41`, `\p{L}`) and group
 * names are kept as written.
 */
export function caselessSource(source: string): string {
  let out = '';
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    if (c === '\\') {
      const end = escapeEnd(source, i);
      const escape = source.slice(i, end);
      const other = otherCase(escapedChar(escape) ?? '');
      out += other === null ? escape : `[${escape}${other}]`;
      i = end;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += caselessClass(source.slice(i, end));
      i = end;
    } else if (source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const end = source.indexOf('>', i);
      out += source.slice(i, end < 0 ? source.length : end + 1);
      i = end < 0 ? source.length : end + 1;
    } else {
      const other = otherCase(c);
      out += other === null ? c : `[${c}${other}]`;
      i++;
    }
  }
  return out;
}

// escapes that stand for a class, an assertion or a control character: no case to fold
const NOT_A_LETTER = new Set('dDwWsSbBnrtvf0123456789'.split(''));

/**
 * The character an escape stands for when it is one character (`\x41`, `\u0062`, `\.`, and in
 * patterns without the `u` flag `\p` for `p`); null for `\d`, `\b`, `\cJ` and the like.
 */
function escapedChar(escape: string): string | null {
  const hex = /^\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))$/.exec(escape);
  if (hex !== null) return String.fromCharCode(parseInt(hex[1] ?? hex[2]!, 16));
  if (escape.length !== 2 || NOT_A_LETTER.has(escape[1]!) || escape[1] === 'c' || escape[1] === 'x' || escape[1] === 'u' || escape[1] === 'k') return null;
  return escape[1]!;
}

function otherCase(c: string): string | null {
  if (c.length !== 1) return null;
  const upper = c.toUpperCase(), lower = c.toLowerCase();
  const other = c === lower ? upper : lower;
  return other !== c && other.length === 1 ? other : null;
}

/** Where the escape at `i` (a backslash) ends: `\uXXXX`, `\xXX`, `\cX`, `\k<…>` or one character (no `u` flag). */
function escapeEnd(s: string, i: number): number {
  const kind = s[i + 1];
  if (kind === 'k' && s[i + 2] === '<') {
    const close = s.indexOf('>', i);
    return close < 0 ? s.length : close + 1;
  }
  if (kind === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return i + 6;
  if (kind === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) return i + 4;
  if (kind === 'c' && /^[A-Za-z]$/.test(s[i + 2] ?? '')) return i + 3;
  return Math.min(s.length, i + 2);
}

/** Where the character class opening at `i` ends (after its `]`). */
function classEnd(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === '^') j++; // JavaScript: `[]` matches nothing and `[^]` anything; a `]` first ends the class
  for (; j < s.length; j++) {
    if (s[j] === '\\') j = escapeEnd(s, j) - 1;
    else if (s[j] === ']') return j + 1;
  }
  return s.length;
}

/** A class with the other case of each letter and letter range added before its `]`. */
function caselessClass(cls: string): string {
  if (!cls.endsWith(']') || cls.length < 3) return cls;
  const body = cls.slice(cls[1] === '^' ? 2 : 1, -1);
  // each item: its text and the one character it stands for (null: a class escape such as \d)
  const items: (string | null)[] = [];
  for (let j = 0; j < body.length;) {
    const end = body[j] === '\\' ? escapeEnd(body, j) : j + 1;
    const text = body.slice(j, end);
    items.push(text === '-' ? '-' : text.startsWith('\\') ? escapedChar(text) : text);
    j = end;
  }
  let added = '';
  for (let k = 0; k < items.length; k++) {
    const lo = items[k], hi = items[k + 2];
    if (lo && items[k + 1] === '-' && hi && k + 2 < items.length) {
      added += caselessRange(lo, hi);
      k += 2;
    } else if (lo) added += (otherCase(lo) ?? '').replace(/[\\\]^-]/g, '\\$&');
  }
  return `${cls.slice(0, -1)}${added}]`;
}

/** The other case of the ASCII letters in `lo-hi`, as ranges. */
function caselessRange(lo: string, hi: string): string {
  let out = '';
  for (const [from, to, shift] of [['a', 'z', -32], ['A', 'Z', 32]] as const) {
    const a = Math.max(lo.charCodeAt(0), from.charCodeAt(0)), b = Math.min(hi.charCodeAt(0), to.charCodeAt(0));
    if (a <= b) out += `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
  }
  return out;
}

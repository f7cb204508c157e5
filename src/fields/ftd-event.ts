// FTD connection and security events (430001-430005) are `Key: Value, Key: Value, …` bodies.
// Keys may contain spaces (`Prefilter Policy`) and values may contain `, ` (`Client: Firefox, version 5`),
// so a `, ` only ends a value when a key follows it. Every check below looks at most MAX_KEY characters
// ahead of a `, `, which keeps the scan linear in the body's length whatever the input.

const MAX_KEY = 64;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// letters, digits, `_`, `/`, `-`, `(`, `)`
const isKeyChar = (c: number): boolean => isUpper(c) || isLower(c) || isDigit(c) || c === 95 || c === 47 || c === 45 || c === 40 || c === 41;
// a key's first word starts with a capital; later words with a capital, a digit or `(`
const startsWord = (c: number, first: boolean): boolean => isUpper(c) || (!first && (isDigit(c) || c === 40));

/** The end of the key starting at `at` (the index of its `:`), or -1 when no key starts there. */
function keyEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + MAX_KEY + 1);
  let wordStart = true;
  let first = true;
  for (let i = at; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (wordStart) {
      if (!startsWord(c, first)) return -1;
      wordStart = false;
      first = false;
    } else if (c === 32) {
      wordStart = true;
    } else if (c === 58) {
      const next = text.charCodeAt(i + 1);
      return Number.isNaN(next) || next === 32 || next === 44 ? i : -1;
    } else if (!isKeyChar(c)) {
      return -1;
    }
  }
  return -1;
}

/** `SrcIP` → `src_ip`, `ACPolicy` → `ac_policy`, `Prefilter Policy` → `prefilter_policy`, `DNS_TTL` → `dns_ttl`. */
export function snakeKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const prev = key.charCodeAt(i - 1);
    const next = key.charCodeAt(i + 1);
    if (isUpper(c) || isLower(c) || isDigit(c)) {
      // a word boundary inside CamelCase: `cI` in SrcIP, `LP` in ACLPolicy (an acronym followed by a word), `6H` in SHA256Hash
      const boundary = isUpper(c) && (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(next)));
      if (boundary && out !== '' && !out.endsWith('_')) out += '_';
      out += String.fromCharCode(c).toLowerCase();
    } else if (out !== '' && !out.endsWith('_')) {
      out += '_';
    }
  }
  return out.endsWith('_') ? out.slice(0, -1) : out;
}

// the same few dozen keys start every line: convert each once (bounded, as keys come from input)
const names = new Map<string, string>();
function keyName(key: string): string {
  let name = names.get(key);
  if (name === undefined) {
    name = snakeKey(key);
    if (names.size < 4096) names.set(key, name);
  }
  return name;
}

/** The fields of an FTD 430001-430005 body, or null when the body does not start with a `Key: `. */
export function parseFtdEventFields(message: string): Record<string, string> | null {
  const text = message.trim();
  let colon = keyEnd(text, 0);
  if (colon < 0) return null;
  const fields: Record<string, string> = {};
  let keyStart = 0;
  while (colon >= 0) {
    const valueStart = colon + 1;
    let nextKeyStart = -1;
    let nextColon = -1;
    for (let comma = text.indexOf(', ', valueStart); comma >= 0; comma = text.indexOf(', ', comma + 1)) {
      nextColon = keyEnd(text, comma + 2);
      if (nextColon >= 0) {
        nextKeyStart = comma + 2;
        break;
      }
    }
    const valueEnd = nextKeyStart < 0 ? text.length : nextKeyStart - 2;
    const name = keyName(text.slice(keyStart, colon));
    // a repeated key keeps its first value; the whole line stays in `raw`
    if (name !== '' && !Object.hasOwn(fields, name)) fields[name] = text.slice(valueStart, valueEnd).trim();
    keyStart = nextKeyStart;
    colon = nextKeyStart < 0 ? -1 : nextColon;
  }
  return fields;
}

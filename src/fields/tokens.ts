// Text as tokens for the tolerant matcher (src/fields/align.ts): runs of letters, digits and `_` are
// words; every other visible character is a token of its own; white space only separates.

export interface Token {
  /** lower-cased */
  text: string;
  start: number;
  end: number;
  word: boolean;
}

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
const isSpace = (c: number): boolean => c <= 32;

/** The tokens of `text`, or null when it has more than `max` (the caller's bound on work per line). */
export function tokenize(text: string, max = Infinity, from = 0, to = text.length): Token[] | null {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (out.length >= max) return null;
    let j = i + 1;
    const word = isWordCode(c);
    if (word) while (j < to && isWordCode(text.charCodeAt(j))) j++;
    out.push({ text: text.slice(i, j).toLowerCase(), start: i, end: j, word });
    i = j;
  }
  return out;
}

/** An ASCII letter or digit, as a character code or a byte: what may not touch a tag or a time from outside. */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

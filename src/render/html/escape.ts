import { terminalSafe } from '../../terminal-safe.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Host names, IDs and file names come from the log: control and bidi characters are made visible
// as in the terminal (no "trojan source" reordering), then every markup character becomes an entity,
// so the result is safe both as element text and inside a quoted attribute.
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** One input line, classified. Every input line yields exactly one record. */
export interface LogRecord {
  file: string;
  line: number;
  timestamp: string | null;
  host: string | null;
  platform: string | null;
  severity: number | null;
  defaultSeverity: number | null;
  id: string | null;
  category: string | null;
  known: boolean;
  message: string | null;
  raw: string;
  /** rsyslog "message repeated N times" folds N messages into one line */
  repeat?: number;
  pri?: { facility: number; severity: number };
  fields?: Record<string, string>;
  /** the same values under the canonical names every message shares (src/fields/vocabulary.ts) */
  canonical?: Record<string, string>;
  variant?: number;
  inferred?: boolean;
  /** the exact bytes of `raw`, when they are not valid UTF-8 */
  rawBase64?: string;
}

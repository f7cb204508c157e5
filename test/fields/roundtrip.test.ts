// lnav-style self-check: every variant of the bundled catalog renders a line from its own format that
// classifies back to the same variant and values, and every supplement sample matches its variant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classifyLine } from '../../src/classify/line.ts';
import { compiledVariants } from '../../src/fields/match.ts';
import { renderPattern } from './samples.ts';
import { withFields } from './with-fields.ts';

const catalog = loadCatalog();
const FTD_EVENT = /^43000[1-5]$/;

// Variants that cannot round-trip, each with its reason. Empty today: keep it that way, or say why.
const EXCEPTIONS = new Map<string, string>([]);

test('every variant of every message round-trips through classify: same variant, same values', (t) => {
  const failures = new Map<string, string>();
  let variants = 0;
  let readings = 0;
  for (const entry of catalog.entries) {
    compiledVariants(entry).forEach((compiled, i) => {
      variants++;
      const key = `${entry.id}/${i}`;
      if (compiled.patterns.length === 0) return void failures.set(key, 'no pattern compiled');
      // every reading of the format (optional parts present or not); 430001-430005 only the fullest
      const patterns = FTD_EVENT.test(entry.id) ? compiled.patterns.slice(0, 1) : compiled.patterns;
      for (const [n, pattern] of patterns.entries()) {
        readings++;
        const { message, values } = renderPattern(pattern);
        const line = `<166>Nov 20 2026 10:00:00 fw-1 : %ASA-${entry.severity}-${entry.id}: ${message}`;
        const r = withFields(classifyLine(line, 'roundtrip', 1, catalog, {}), catalog);
        const why = r.id !== entry.id || r.variant !== i ? `matched variant ${r.variant} of ${r.id}` : mismatch(entry.id, r.fields ?? {}, values);
        if (why) failures.set(`${key}`, `reading ${n}: ${why}: ${message}`);
      }
    });
  }
  t.diagnostic(`${variants - failures.size}/${variants} variants (${readings} readings of their formats) round-trip; ${EXCEPTIONS.size} listed exceptions`);
  const unexpected = [...failures].filter(([k]) => !EXCEPTIONS.has(k)).map(([k, why]) => `${k}: ${why}`);
  assert.deepEqual(unexpected, []);
  const stale = [...EXCEPTIONS.keys()].filter((k) => !failures.has(k));
  assert.deepEqual(stale, [], 'listed exceptions that now round-trip: remove them');
  assert.ok(variants >= 1100, `only ${variants} variants in the bundled catalog`);
});

/** Why the extracted fields are not the rendered values, or null. */
function mismatch(id: string, got: Record<string, string>, want: Record<string, string>): string | null {
  if (FTD_EVENT.test(id)) {
    // 430001-430005 are parsed by their `Key: Value` bodies (src/fields/ftd-event.ts), keyed by key
    const all = Object.values(got).join('\n');
    const missing = Object.values(want).filter((v) => !all.includes(v));
    return missing.length ? `values not extracted: ${missing.join(', ')}` : null;
  }
  return JSON.stringify(got) === JSON.stringify(want) ? null : `want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
}

test('every supplement sample line matches its own variant, with fields where the format has placeholders', (t) => {
  let samples = 0;
  const wrong: string[] = [];
  for (const entry of catalog.entries) {
    entry.variants.forEach((variant, i) => {
      const names = compiledVariants(entry)[i]!.fieldNames;
      for (const sample of variant.samples ?? []) {
        samples++;
        const r = withFields(classifyLine(sample, 'sample', 1, catalog, {}), catalog);
        const fields = Object.keys(r.fields ?? {}).length;
        // a "placeholder" the line prints as it is (`ACL = deny`, `limit_slow`) is a word of the message, not a value
        const values = names.filter((n) => !new RegExp(`\\b${n}\\b`, 'i').test(sample));
        if (r.id !== entry.id || r.variant !== i || (values.length > 0 && fields === 0)) wrong.push(`${entry.id}/${i} → variant ${r.variant}, ${fields} fields: ${sample}`);
      }
    });
  }
  t.diagnostic(`${samples - wrong.length}/${samples} supplement samples match their variant`);
  assert.ok(samples >= 400, `only ${samples} samples`);
  assert.deepEqual(wrong, []);
});

// Spellings nobody here has seen: every documented format rendered with values, then changed the way
// devices change them (a word added, a word of the format left out), and matched. A figure from
// the formats themselves, not from the corpus: typed values (addresses, ports) must come back
// right or not at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../../src/catalog/load.ts';
import { compiledVariants, matchEntry } from '../../src/fields/match.ts';
import { valueType } from '../../src/fields/value-types.ts';
import { renderPattern } from './samples.ts';

const catalog = loadCatalog();
const FTD_EVENT = /^43000[1-5]$/;

type Change = (message: string, literalWords: string[]) => string | null;

/** A word the device adds after the first word of the format's text. */
const addWord: Change = (m) => m.replace(/^(\S+ )/, '$1EXTRA ');
/** A word of the format (4+ letters, not the first) the device leaves out. */
const dropWord: Change = (m, words) => {
  const w = words.find((x, i) => i > 0 && x.length >= 4);
  if (!w) return null;
  const at = m.indexOf(` ${w} `);
  return at < 0 ? null : m.slice(0, at) + m.slice(at + w.length + 1);
};

test('device-like changes to every documented format: typed values right or absent', (t) => {
  const figures: string[] = [];
  for (const [name, change] of [['a word added', addWord], ['a word left out', dropWord]] as const) {
    let cases = 0;
    let recovered = 0;
    const wrong: string[] = [];
    for (const entry of catalog.entries) {
      if (FTD_EVENT.test(entry.id)) continue;
      compiledVariants(entry).forEach((compiled, variant) => {
        const p = compiled.patterns[0];
        if (!p) return;
        const typed = p.fields.filter((f) => valueType(f.name) !== 'text').map((f) => f.name);
        const words = p.lits.join(' ').match(/[a-z]{2,}/g) ?? [];
        if (typed.length === 0 || words.length < 3) return;
        const { message, values } = renderPattern(p);
        const changed = change(message, words);
        if (changed === null || changed === message) return;
        cases++;
        const m = matchEntry(entry, changed);
        const got = m?.fields ?? {};
        const bad = typed.filter((f) => got[f] !== undefined && got[f] !== values[f]);
        if (bad.length > 0) wrong.push(`${entry.id}/${variant} ${bad.map((f) => `${f}=${got[f]} (not ${values[f]})`).join(', ')}: ${changed}`);
        else if (m && typed.every((f) => got[f] === values[f])) recovered++;
      });
    }
    figures.push(`${name}: ${recovered}/${cases} recovered every address and port, ${wrong.length} gave a wrong one`);
    t.diagnostic(figures[figures.length - 1]!);
    for (const w of wrong.slice(0, 5)) t.diagnostic(`  ${w}`);
    assert.ok(cases > 150, `${name}: only ${cases} cases`);
    // a wrong address is worse than none: at most 1% of the cases
    assert.ok(wrong.length <= cases / 100, `${name}: ${wrong.length} wrong of ${cases}`);
    assert.ok(recovered / cases >= 0.9, `${name}: ${recovered}/${cases} recovered`);
  }
});

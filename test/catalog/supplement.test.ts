import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadCatalog, readCatalogFile, supplementFiles, BUNDLED_MESSAGES } from '../../src/catalog/load.ts';
import { categoryOf } from '../../src/catalog/categories.ts';
import { classifyLine } from '../../src/classify/line.ts';
import { parseLine } from '../../src/parse/line.ts';
import { CORPUS, HAVE_CORPUS, NO_CORPUS, corpusLogs } from '../helpers.ts';

const catalog = loadCatalog();
const documented = new Set(readCatalogFile(BUNDLED_MESSAGES, 'documents').map((e) => e.id));
const supplement = supplementFiles().flatMap((f) => readCatalogFile(f, 'supplement'));

test('the supplement is separate data, marked as such, and never shadows a documented ID', () => {
  assert.ok(supplement.length >= 250, `supplement has ${supplement.length} entries`);
  const ids = supplement.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'no ID twice across supplement files');
  for (const e of supplement) {
    assert.equal(e.origin, 'supplement', e.id);
    assert.ok(!documented.has(e.id), `${e.id} is documented in the reference chapters`);
    assert.equal(e.category, categoryOf(e.id), `${e.id} category`);
    assert.ok(e.severity >= 0 && e.severity <= 7);
    for (const v of e.variants) {
      assert.ok(v.format.trim(), `${e.id} format`);
      const en = v.docs.en;
      assert.ok(en && en.explanation.trim() && en.action.trim(), `${e.id} English explanation and action`);
      assert.ok((v.samples ?? []).length > 0, `${e.id} has sample lines`);
    }
  }
});

test('every supplement sample classifies to its own entry, at its documented severity', () => {
  let samples = 0;
  for (const e of supplement) {
    for (const v of e.variants) {
      for (const sample of v.samples ?? []) {
        samples++;
        const r = classifyLine(sample, 'sample', 1, catalog);
        assert.equal(r.id, e.id, sample);
        assert.equal(r.known, true, sample);
        assert.equal(r.severity, e.severity, sample);
        assert.equal(catalog.get(e.id)?.origin, 'supplement');
      }
    }
  }
  assert.ok(samples >= supplement.length);
});

test('corpus: at least 90% of tagged lines are known to the bundled catalog', (t) => {
  if (!HAVE_CORPUS) return t.skip(NO_CORPUS);
  let tagged = 0;
  let known = 0;
  const unknown = new Map<string, number>();
  for (const file of corpusLogs()) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const p = parseLine(line);
      if (p.id === null) continue;
      tagged++;
      if (catalog.get(p.id)) known++;
      else unknown.set(p.id, (unknown.get(p.id) ?? 0) + 1);
    }
  }
  const share = known / tagged;
  t.diagnostic(`${known}/${tagged} tagged corpus lines known (${(100 * share).toFixed(1)}%) in ${CORPUS}; unknown: ${[...unknown].map(([id, n]) => `${id}×${n}`).join(' ')}`);
  assert.ok(share >= 0.9, `${(100 * share).toFixed(1)}% known`);
});

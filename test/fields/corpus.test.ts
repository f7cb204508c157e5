// The share of real corpus lines with a catalog ID whose values were extracted (a variant matched).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { loadCatalog } from '../../src/catalog/load.ts';
import { classifyLine } from '../../src/classify/line.ts';
import { CORPUS, HAVE_CORPUS, NO_CORPUS, corpusLogs } from '../helpers.ts';
import { withFields } from './with-fields.ts';

const FLOOR = 0.92;

test('corpus lines with a catalog ID get fields', { skip: HAVE_CORPUS ? false : NO_CORPUS }, (t) => {
  const catalog = loadCatalog();
  const by = { documents: [0, 0], supplement: [0, 0] } as Record<string, [number, number]>;
  const missed: string[] = [];
  for (const file of corpusLogs()) {
    readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      const r = withFields(classifyLine(text, file, i + 1, catalog, {}), catalog);
      if (!r.known || r.id === null) return;
      const origin = catalog.get(r.id)!.origin ?? 'documents';
      const counts = (by[origin] ??= [0, 0]);
      counts[0]++;
      if (r.variant !== undefined) {
        counts[1]++;
        assert.ok(r.fields, `${r.id}: a matched variant comes with fields`);
      } else {
        assert.deepEqual(r.fields, {}, 'no variant: fields empty, nothing else lost');
        assert.equal(r.message !== null && r.raw === text, true);
        missed.push(`${relative(CORPUS, file)}:${i + 1} ${r.id}`);
      }
    });
  }
  const known = Object.values(by).reduce((n, c) => n + c[0], 0);
  const matched = Object.values(by).reduce((n, c) => n + c[1], 0);
  const share = matched / known;
  t.diagnostic(`${matched}/${known} corpus lines with a catalog ID got fields (${(share * 100).toFixed(1)}%); ` +
    Object.entries(by).map(([o, [k, m]]) => `${o} ${m}/${k}`).join(', '));
  t.diagnostic(`no variant matched: ${missed.length} lines, e.g. ${missed.slice(0, 5).join('; ')}`);
  assert.ok(share >= FLOOR, `${(share * 100).toFixed(1)}% < ${FLOOR * 100}%`);
});

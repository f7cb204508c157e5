// Every bundled message explained in English, Japanese and Chinese: the documents' text where they
// have it, the project's translation (catalog/translations/, marked with the language it came from)
// where they do not, and never an invented text where the documents say nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED_DIR, BUNDLED_MESSAGES, loadCatalog, readCatalogFile, supplementFiles } from '../../src/catalog/load.ts';
import { LANGS, type CatalogEntry, type Lang, type VariantDoc } from '../../src/catalog/types.ts';
import type { TranslationFile } from '../../src/catalog/overlays.ts';
import { runCli } from '../helpers.ts';

const bundled: CatalogEntry[] = [readCatalogFile(BUNDLED_MESSAGES, 'documents'), ...supplementFiles().map((f) => readCatalogFile(f, 'supplement'))].flat();
const files = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(BUNDLED_DIR, 'translations', `${l}.json`), 'utf8')) as TranslationFile])) as Record<Lang, TranslationFile>;
const catalog = loadCatalog();
const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u4e00-\u9fff]/;
const textOf = (d: Pick<VariantDoc, 'explanation' | 'action' | 'variables'>) => [d.explanation, d.action, ...d.variables.map((v) => v.description)].join(' ');

test('every bundled ID has explanation and action in en, ja and zh, unless no document of it has one', (t) => {
  let docs = 0;
  let translated = 0;
  const missing: string[] = [];
  for (const entry of bundled) {
    const loaded = catalog.get(entry.id)!;
    entry.variants.forEach((original, i) => {
      const variant = loaded.variants[i]!;
      for (const lang of LANGS) {
        const doc = variant.docs[lang];
        if (!doc) {
          missing.push(`${entry.id}#${i} ${lang}`);
          continue;
        }
        docs++;
        if (doc.translatedFrom) translated++;
        for (const field of ['explanation', 'action'] as const) {
          // the documents' silence (444303 ROOT_CERT_MISMATCH_PROD, 718039's action) stays silence
          const saidByAny = Object.values(original.docs).some((d) => d![field].trim() !== '');
          // a document's own gap (718039's Chinese action: the excerpt ends) is shown as a gap, not filled from another language
          if (saidByAny && doc[field].trim() === '' && (doc.translatedFrom || !original.docs[lang])) missing.push(`${entry.id}#${i} ${lang} ${field}`);
          if (!saidByAny) assert.equal(doc[field], '', `${entry.id}#${i} ${lang} ${field}: nothing to translate, nothing invented`);
        }
      }
    });
  }
  t.diagnostic(`${docs} texts (${bundled.length} IDs × their variants × 3 languages), ${translated} of them translations`);
  assert.deepEqual(missing, []);
});

test('translations fill only what the documents lack, keep every variable name, and say their source language', () => {
  const byKey = new Map<string, CatalogEntry['variants'][number]>(bundled.flatMap((e) => e.variants.map((v, i) => [`${e.id}#${i}`, v] as const)));
  for (const lang of LANGS) {
    assert.equal(files[lang].lang, lang);
    for (const [key, tr] of Object.entries(files[lang].translations)) {
      const variant = byKey.get(key);
      assert.ok(variant, `${lang} ${key}: no such variant`);
      assert.equal(variant.docs[lang], undefined, `${lang} ${key}: the documents have ${lang} text; a translation must not replace it`);
      const from = variant.docs[tr.from];
      assert.ok(from, `${lang} ${key}: translated from ${tr.from}, which the variant does not have`);
      assert.deepEqual(tr.variables.map((v) => v.name), from.variables.map((v) => v.name), `${lang} ${key}: variable names`);
      const text = textOf(tr);
      if (lang === 'en') assert.ok(!KANA.test(text) && !HAN.test(text), `${key}: English with CJK characters`);
      if (lang === 'zh') assert.ok(!KANA.test(text), `${key}: Chinese with kana`);
      if (lang === 'ja' && tr.explanation) assert.ok(KANA.test(tr.explanation) || HAN.test(tr.explanation), `${key}: Japanese without Japanese`);
    }
  }
});

test('the documents stay as they are: messages.json has no translation in it', () => {
  const raw = readFileSync(BUNDLED_MESSAGES, 'utf8');
  assert.equal(raw.includes('translatedFrom'), false);
  // and the loaded catalog keeps each document's own text first
  const e = catalog.get('717062')!;
  assert.equal(e.variants[0]!.docs.zh!.translatedFrom, undefined);
  assert.equal(e.variants[0]!.docs.ja!.translatedFrom, undefined);
  assert.equal(e.variants[0]!.docs.en!.translatedFrom, 'ja');
});

// Glossary terms: where a source text uses one (outside `commands`), its translation uses the glossary's rendering.
const TERMS: Record<string, Record<Lang, RegExp>> = {
  failover: { en: /failover/i, ja: /フェールオーバー/, zh: /故障切换/ },
  'tunnel group': { en: /tunnel[- ]group/i, ja: /トンネルグループ/, zh: /隧道组/ },
  'group policy': { en: /group[- ]polic/i, ja: /グループポリシー/, zh: /组策略/ },
  trustpoint: { en: /trustpoint/i, ja: /トラストポイント/, zh: /信任点/ },
};

test('translations use the glossary (catalog/translations/glossary.json) for its terms', (t) => {
  const glossary = JSON.parse(readFileSync(join(BUNDLED_DIR, 'translations', 'glossary.json'), 'utf8')) as { terms: Record<Lang, string>[] };
  for (const [term, re] of Object.entries(TERMS)) {
    const row = glossary.terms.find((r) => r.en.toLowerCase().startsWith(term));
    assert.ok(row, `${term} is in the glossary`);
    assert.match(row.ja, re.ja);
    assert.match(row.zh, re.zh);
  }
  const byKey = new Map<string, CatalogEntry['variants'][number]>(bundled.flatMap((e) => e.variants.map((v, i) => [`${e.id}#${i}`, v] as const)));
  const strip = (s: string) => s.replace(/`[^`]*`/g, '');
  let uses = 0;
  const off: string[] = [];
  for (const lang of LANGS) {
    for (const [key, tr] of Object.entries(files[lang].translations)) {
      const source = strip(textOf(byKey.get(key)!.docs[tr.from]!));
      for (const [term, re] of Object.entries(TERMS)) {
        if (!re[tr.from].test(source)) continue;
        uses++;
        if (!re[lang].test(textOf(tr))) off.push(`${key} ${tr.from}→${lang} ${term}`);
      }
    }
  }
  t.diagnostic(`${uses} uses of glossary terms in translated texts, ${off.length} rendered otherwise: ${off.join(', ') || 'none'}`);
  // a term inside a quoted device string or a variable list left in English is the only allowed exception
  assert.ok(off.length <= 2, off.join(', '));
});

test('explain shows text in the asked language, with the translation marked', async () => {
  const cases: [string[], RegExp, RegExp][] = [
    [['explain', '722051'], /Explanation \(translated by asalog from the Japanese reference\)/, /assigned to the indicated user/],
    [['explain', '302013', '--lang', 'ja'], /Explanation \(translated by asalog from the supplement’s English\)/, /TCP 接続/],
    [['explain', '722037', '--lang', 'zh'], /Explanation \(translated by asalog from the Japanese reference\)/, /[\u4e00-\u9fff]/],
    [['--lang', 'ja', 'explain', '722037'], /^Explanation$/m, /[\u3040-\u30ff]/],
  ];
  for (const [args, marker, text] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 0, r.stderr.toString());
    const out = r.stdout.toString();
    assert.match(out, marker, args.join(' '));
    assert.match(out.slice(out.indexOf('Explanation')), text, args.join(' '));
    assert.doesNotMatch(out, /no English text|showing Japanese/);
  }
  const gap = await runCli(['explain', '718039', '--lang', 'zh']);
  assert.match(gap.stdout.toString(), /Recommended action\n {2}（参考文档未提供建议的操作）/);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { catalogFromSources, serializeCatalog } from '../../src/catalog/build/build.js';
import { parseTag } from '../../src/catalog/build/message-line.js';
import type { CatalogFile, Lang } from '../../src/catalog/types.js';
import { LANGS } from '../../src/catalog/types.js';
import { allCategories, categoryOf, categoryTitle, OTHER, resolveTable, type Judgement } from '../../src/catalog/categories.js';

const CATALOG = new URL('../../catalog/', import.meta.url);
const SOURCES = fileURLToPath(new URL('sources/', CATALOG));
const committed = readFileSync(new URL('messages.json', CATALOG), 'utf8');
const catalog = JSON.parse(committed) as CatalogFile;
const { messages } = catalog;

const langsOf = (id: string): Set<Lang> =>
  new Set(messages.find((m) => m.id === id)?.variants.flatMap((v) => Object.keys(v.docs) as Lang[]));

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the committed catalog', () => {
  it('equals a fresh build byte for byte (run `npm run catalog` after changing the builder)', () => {
    assert.equal(serializeCatalog(catalogFromSources(SOURCES)), committed);
  });

  it('builds the same bytes twice', () => {
    assert.equal(serializeCatalog(catalogFromSources(SOURCES)), serializeCatalog(catalogFromSources(SOURCES)));
  });

  it('holds 776 IDs: en 62, ja 751, zh 63, 100 of them in two languages', () => {
    // ja: 749 IDs on message lines plus 722056 and 737036, whose headings win over their message lines
    assert.equal(messages.length, 776);
    const count = (lang: Lang): number => messages.filter((m) => langsOf(m.id).has(lang)).length;
    assert.deepEqual(LANGS.map(count), [62, 751, 63]);
    assert.equal(messages.filter((m) => langsOf(m.id).size === 2).length, 100);
  });

  it('is sorted by ID, each ID once', () => {
    const ids = messages.map((m) => m.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (const id of ids) assert.match(id, /^\d{6}$/);
  });

  it('has an explanation for every ID in every language it is documented in', () => {
    for (const m of messages) {
      for (const lang of langsOf(m.id)) {
        assert.ok(m.variants.some((v) => v.docs[lang]?.explanation), `${m.id} ${lang}`);
      }
      for (const v of m.variants) {
        for (const d of Object.values(v.docs)) {
          const noted = m.notes.some((n) => n.startsWith(d.source.split(':')[0] ?? '') && n.endsWith('has no explanation'));
          assert.ok(d.explanation || noted, `${m.id} ${v.tag ?? ''} at ${d.source}`);
        }
      }
    }
  });

  it('gives 444303 its 21 SMART_LIC variants', () => {
    const e444303 = messages.find((m) => m.id === '444303');
    assert.equal(e444303?.variants.length, 21);
    assert.ok(e444303?.variants.every((v) => v.tag?.startsWith('SMART_LIC-3-') && v.format.startsWith(`%${v.tag}:`)));
  });

  it('carries no page furniture or section markers in any string', () => {
    const furniture = [
      /思科\s*ASA\s*系列系统日志消息/,
      /系统日志消息\s*\d{6}\s*-\s*\d{6}/,
      /Syslog\s*メッセージ\s*\d{6}\s*～/,
      /翻訳について|参考和訳/,
      /SSP(?:専用|全体|のみ)|仅\s*SSP/,
      /この項では|この章は|本部分包括\s*ID|ID\s*介于\s*\d{6}/,
      /（注）/,
      // a leaked Japanese marker keeps its space (`説明 Secure Firewall…`); `説明によって異なります` is prose
      /^(?:説明 |推奨アクション |推奨メッセージ|エラーメッセージ *%|说明[：:]|建议的操作[：:]|错误消息|Explanation$|Recommended Action$|Error Message)/m,
      /^\d{1,4}$/m,
    ];
    for (const s of strings(messages)) for (const re of furniture) assert.doesNotMatch(s, re);
  });

  it('takes each severity from the message line of the entry in its document', () => {
    const docs = new Map<string, string[]>();
    const linesOf = (file: string): string[] => {
      const lines = docs.get(file) ?? readFileSync(new URL(`sources/${file}`, CATALOG), 'utf8').split('\n');
      docs.set(file, lines);
      return lines;
    };
    for (const m of messages) {
      for (const v of m.variants) {
        for (const d of Object.values(v.docs)) {
          const [file = '', line = '0'] = d.source.split(':');
          const after = linesOf(file).slice(Number(line) - 1);
          const tagLine = after.find((l) => /%(?:ASA|FTD|Threat Defense)-?\d-\d{6}/.test(l)) ?? '';
          const tag = parseTag(tagLine.slice(tagLine.indexOf('%')));
          assert.equal(tag?.severity, m.severity, `${m.id} at ${d.source}`);
        }
      }
    }
  });

  it('lists ASA for the ASA guides and FTD for the Threat Defense guides', () => {
    for (const m of messages) {
      const files = m.variants.flatMap((v) => Object.values(v.docs).map((d) => d.source));
      const expected = [...new Set(files.map((f) => (f.includes('-asa-') ? 'ASA' : 'FTD')))].sort();
      assert.deepEqual(m.platforms, expected, m.id);
    }
    assert.deepEqual(messages.find((m) => m.id === '750001')?.platforms, ['ASA', 'FTD']);
  });

  it('records a located note for each anomaly resolved by judgement', () => {
    const notes = messages.flatMap((m) => m.notes);
    assert.equal(notes.length, 20);
    for (const n of notes) assert.match(n, /^[a-z]{2}-(?:asa|ftd)-\d{6}-\d{6}\.txt:\d+: /);
  });
});

describe('categories', () => {
  it('keeps the required classes', () => {
    const expected = { '722056': 'svc', '716001': 'webvpn', '717062': 'ca', '718001': 'vpnlb', '737001': 'ipaa' };
    for (const [id, keyword] of Object.entries(expected)) assert.equal(categoryOf(id), keyword, id);
  });

  it('resolves the prefixes that Cisco puts in more than one row', () => {
    const expected = { '106': 'access-lists', '305': 'nat', '400': 'ids', '713': 'vpn', '725': 'ssl', '731': 'nacpolicy', '732': 'nacsettings', '733': 'threat-detection', '735': 'environment-monitoring' };
    for (const [prefix, keyword] of Object.entries(expected)) assert.equal(categoryOf(`${prefix}001`), keyword, prefix);
  });

  it('covers the prefixes the table lacks, and says why', () => {
    const judgement = JSON.parse(readFileSync(new URL('categories.json', CATALOG), 'utf8')) as Judgement;
    const fromLogs = ['114', '115', '217', '218', '322', '332', '410', '413', '418', '419', '425', '430', '434', '504', '505', '506', '507', '520', '743', '748', '769', '770', '805', '852'];
    for (const prefix of fromLogs) {
      assert.notEqual(categoryOf(`${prefix}001`), OTHER, prefix);
      assert.ok(judgement.added[prefix]?.reason, prefix);
    }
    assert.equal(categoryOf('430003'), 'ftd-events');
    assert.equal(categoryOf('434004'), 'sfr');
    assert.equal(categoryOf('999999'), OTHER);
    for (const m of messages) assert.notEqual(m.category, OTHER, m.id);
    for (const m of messages) assert.equal(m.category, categoryOf(m.id), m.id);
  });

  it('derives kebab-case keywords and titles every class', () => {
    for (const c of allCategories()) {
      assert.match(c.keyword, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(c.title);
    }
    assert.equal(categoryTitle('ipaa'), 'IP Address Assignment');
    assert.deepEqual(allCategories().find((c) => c.keyword === 'ipaa')?.prefixes, ['737']);
  });

  it('refuses a table whose shared prefix has no chosen class', () => {
    const tsv = 'a\tOne\t101\nb\tTwo\t101,102\n';
    const judgement: Judgement = { keywords: {}, overrides: {}, added: {}, titles: {} };
    assert.throws(() => resolveTable(tsv, judgement), /prefix 101 is in rows a, b/);
    judgement.overrides['101'] = { class: 'b', reason: 'test' };
    assert.equal(resolveTable(tsv, judgement).byPrefix.get('101'), 'b');
  });
});

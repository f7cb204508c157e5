import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseChapter, type ParsedChapter } from '../../src/catalog/build/build.js';
import { joinWrapped } from '../../src/catalog/build/join-text.js';
import { parseTag } from '../../src/catalog/build/message-line.js';
import type { CatalogEntry, Lang, VariantDoc } from '../../src/catalog/types.js';

const SOURCES = new URL('../../catalog/sources/', import.meta.url);
const EN = 'en-asa-750001-753001.txt';
const JA1 = 'ja-ftd-715001-721019.txt';
const JA2 = 'ja-ftd-722001-776254.txt';
const ZH_LIC = 'zh-asa-434004-444303.txt';
const ZH_LB = 'zh-asa-717062-718039.txt';

const cache = new Map<string, ParsedChapter>();
function chapter(name: string): ParsedChapter {
  const parsed = cache.get(name) ?? parseChapter(readFileSync(new URL(name, SOURCES), 'utf8'), name);
  cache.set(name, parsed);
  return parsed;
}
function entry(name: string, id: string): CatalogEntry {
  const found = chapter(name).entries.find((e) => e.id === id);
  assert.ok(found, `${id} in ${name}`);
  return found;
}
function doc(name: string, id: string, lang: Lang, variant = 0): VariantDoc {
  const d = entry(name, id).variants[variant]?.docs[lang];
  assert.ok(d, `${id} variant ${variant} has a ${lang} doc in ${name}`);
  return d;
}
const variable = (d: VariantDoc, name: string): string | undefined => d.variables.find((v) => v.name === name)?.description;

describe('page furniture', () => {
  it('drops the Chinese footer, page number, running header and the repeated ID after it', () => {
    // 718002's action continues on the next page, after 思科ASA系列系统日志消息 / 392 / 系统日志消息… / 718003
    assert.equal(doc(ZH_LB, '718002', 'zh').action, '检查负载均衡和网络配置，以确保负载均衡对等体的数量不超出允许的最大值。');
    assert.equal(doc(ZH_LB, '718003', 'zh').source, `${ZH_LB}:52`);
    assert.equal(chapter(ZH_LB).entries.length, 42);
  });

  it('drops Japanese running headers and reads headings that a page break indents with a space', () => {
    assert.equal(doc(JA1, '715005', 'ja').source, `${JA1}:32`);
    assert.equal(doc(JA1, '715042', 'ja').action, 'IPアドレス割り当てコンフィギュレーションを確認し、適宜、調整します。');
    assert.equal(doc(JA1, '715044', 'ja').source, `${JA1}:276`);
  });

  it('drops the chapter and section front matter', () => {
    assert.equal(doc(JA1, '715080', 'ja').action, '不要。');
    assert.equal(doc(ZH_LB, '717064', 'zh').action, '无需执行任何操作。');
  });

  it('stops at the translation notice that ends each Japanese chapter', () => {
    assert.match(doc(JA1, '721019', 'ja').action, /スタンバイ装置を再び同期させます。$/);
    assert.equal(doc(JA2, '776254', 'ja').action, 'Cisco TACに連絡して、サポートを受けてください。');
  });

  it('reports the text before the first heading as a problem with its line number', () => {
    assert.deepEqual(chapter(ZH_LB).problems, [{ line: 1, message: 'text outside any entry; ignored' }]);
    for (const name of [EN, JA1, JA2, ZH_LIC]) assert.deepEqual(chapter(name).problems, [], name);
  });
});

describe('headings and message lines', () => {
  it('skips the SSP heading artifacts between a heading and its message line', () => {
    assert.equal(entry(ZH_LB, '717063').variants[0]?.format, 'protocol Certificate enrollment failed for the trustpoint tpname with the CA ca');
    assert.equal(entry(JA1, '717063').variants[0]?.format, 'protocol Certificate enrollment failed for the trustpoint tpname with the CA ca');
    for (const id of ['717053', '717054', '717056', '717061', '717064']) assert.equal(entry(JA1, id).variants.length, 1, id);
  });

  it('reads 752009, whose message line has no marker, in both documents', () => {
    for (const [name, lang] of [[EN, 'en'], [JA2, 'ja']] as const) {
      const e = entry(name, '752009');
      assert.equal(e.severity, 4);
      assert.equal(e.variants[0]?.format, "IKEv2 Doesn't support Multiple Peers");
      assert.ok(doc(name, '752009', lang).explanation);
      assert.ok(e.notes.some((n) => n.includes('no "Error Message" marker')), name);
    }
  });

  it('reads a marker glued to the tag', () => {
    assert.equal(entry(JA1, '716001').variants[0]?.format.startsWith('Group group User user IP ip WebVPN session'), true);
  });

  it('reads the tag typos %FTD7- and %ASA7- as severity 7, with a note', () => {
    for (const [name, id] of [[JA2, '737038'], [EN, '750016']] as const) {
      const e = entry(name, id);
      assert.equal(e.severity, 7);
      assert.ok(e.notes.some((n) => n.includes('lacks the hyphen')), id);
    }
  });

  it('keeps the heading when the message line names another ID, and says so', () => {
    const e722056 = entry(JA2, '722056');
    assert.equal(e722056.severity, 4);
    assert.match(e722056.variants[0]?.format ?? '', /^Unsupported AnyConnect client connection rejected/);
    assert.deepEqual(e722056.notes, [`${JA2}:701: heading says 722056, message line says %FTD-4-722055: heading kept`]);
    assert.equal(entry(JA2, '722055').severity, 6);
    assert.equal(entry(JA2, '737036').severity, 6);
    assert.ok(entry(JA2, '737036').notes[0]?.includes('message line says %FTD-6-737035'));
    assert.equal(entry(JA2, '737035').severity, 7);
  });

  it('treats 444304 in the licensing chapter as a running header, not an entry', () => {
    assert.equal(chapter(ZH_LIC).entries.some((e) => e.id === '444304'), false);
    assert.equal(entry(ZH_LIC, '434004').notes.length, 1);
  });

  it('makes each of the 21 SMART_LIC sub-messages of 444303 a variant with its own texts', () => {
    const e = entry(ZH_LIC, '444303');
    assert.equal(e.variants.length, 21);
    assert.equal(new Set(e.variants.map((v) => v.tag)).size, 21);
    assert.equal(e.variants[0]?.tag, 'SMART_LIC-3-AGENT_REG_FAILED');
    assert.equal(e.variants[18]?.tag, 'SMART_LIC-3-CONFIG_OUT_OF_SYNC');
    assert.equal(e.variants[20]?.tag, 'SMART_LIC-3-ROOT_CERT_MISMATCH_PROD');
    const second = e.variants[1]?.docs.zh;
    assert.match(second?.explanation ?? '', /^智能许可注销失败/);
    // the action runs on across a page break whose running header is 444303 again
    assert.match(second?.action ?? '', /以及与CSSM的网络连接。$/);
    assert.equal(second?.source, `${ZH_LIC}:153`);
  });

  it('reads the message-line separators the documents use', () => {
    assert.equal(parseTag('%ASA-5-750013 - IKEv2 SA (iSPI <ISPI>')?.rest, 'IKEv2 SA (iSPI <ISPI>');
    assert.equal(parseTag('%Threat Defense-7-715064 -- IKE Peer')?.rest, 'IKE Peer');
    assert.equal(parseTag('%Threat Defense-6-717016：Removing expired CRL')?.rest, 'Removing expired CRL');
    assert.equal(parseTag('%FTD-6-737035:IPAA: Session= session')?.rest, 'IPAA: Session= session');
    assert.equal(parseTag('%FTD-1-735001 IPMI: Cooling Fan')?.rest, 'IPMI: Cooling Fan');
  });
});

describe('variables', () => {
  it('reads the three bullet styles', () => {
    assert.equal(variable(doc(ZH_LB, '717062', 'zh'), 'tpname'), '进行注册的信任点的名称');
    assert.equal(variable(doc(JA1, '717062', 'ja'), 'tpname'), '登録されているトラストポイントの名前');
    assert.equal(
      variable(doc(EN, '750001', 'en'), 'local IP:local port'),
      'Local IP address for this request. The Secure Firewall ASA IP address and port number used for this connection',
    );
  });

  it('keeps hyphens inside names', () => {
    assert.deepEqual(doc(ZH_LIC, '444005', 'zh').variables.map((v) => v.name), ['activation-key', 'num']);
    assert.equal(variable(doc(ZH_LB, '717063', 'zh'), 'ca'), 'CMP配置中提供的CA主机名或IP地址');
    assert.equal(variable(doc(ZH_LB, '717063', 'zh'), 'protocol'), '注册协议：CMP');
  });

  it('keeps nested value lists in the description, across a page break', () => {
    const reason = variable(doc(ZH_LIC, '444100', 'zh'), 'reason')?.split('\n');
    assert.equal(reason?.length, 7);
    assert.equal(reason?.[6], '-licensecapacityreached（已达到许可证容量限制）');
    const error = variable(doc(EN, '750003', 'en'), 'error')?.split('\n') ?? [];
    assert.equal(error[1], '- Failed to send data on the network');
    assert.ok(error.includes('- While sending the certificate chain, peer did not send its certificate as the first in the chain'));
    assert.ok(error.includes('-Negotiating limit reached, deny SA request'));
  });

  it('returns to the explanation after the variable list', () => {
    const d = doc(JA2, '733101', 'ja');
    assert.equal(variable(d, 'total_cnt'), '合計カウント');
    assert.match(d.explanation, /\n%FTD-4-733101: Subnet 100\.0\.0\.0 is targeted\./);
  });
});

describe('explanations and actions', () => {
  it('reads the markers of the three layouts', () => {
    assert.match(doc(EN, '750001', 'en').explanation, /^A request is being made for an operation on the IPsec tunnel/);
    assert.equal(doc(EN, '750001', 'en').action, 'None required.');
    assert.equal(doc(JA1, '715004', 'ja').explanation, 'キュー内にメッセージを置こうとしたときに内部エラーが発生しました。');
    assert.equal(doc(JA1, '715004', 'ja').action, '多くの場合、これは問題のない状態です。問題が解決しない場合、Cisco TACにお問い合わせください。');
    assert.equal(doc(ZH_LB, '718001', 'zh').explanation, '在尝试将VPN负载均衡队列中的消息排队时发生内部软件错误。');
  });

  it('joins CJK lines without a space where the PDF wrapped a word, English ones with a space', () => {
    assert.match(doc(JA1, '716001', 'ja').explanation, /WebVPNセッションが開始されました/);
    assert.equal(joinWrapped('WebVPNセッショ', 'ンが開始されました', 'ja'), 'WebVPNセッションが開始されました');
    assert.equal(joinWrapped('show', 'vpn-sessiondb', 'ja'), 'show vpn-sessiondb');
    assert.equal(joinWrapped('Secure', 'Firewall', 'en'), 'Secure Firewall');
    assert.equal(
      entry(EN, '750001').variants[0]?.format,
      'Local:local IP :local port Remote:remote IP : remote port Username: username Received request to request an IPsec tunnel; local traffic selector = local selectors: range, protocol, port range ; remote traffic selector = remote selectors: range, protocol, port range',
    );
  });

  it('recovers the mislabelled and misplaced markers of the Japanese chapters', () => {
    assert.equal(doc(JA1, '715040', 'ja').explanation, 'SA削除中に認証ハンドルがまだアクティブでした。これは、エラー状態中のクリーンアップリカバリの一部です。');
    assert.equal(doc(JA1, '718047', 'ja').action, 'ロードバランシング設定が正しいことを確認します。');
    assert.match(doc(JA1, '718083', 'ja').action, /^メッセージを調べて/);
    const d750010 = doc(JA2, '750010', 'ja');
    assert.match(d750010.explanation, /^FirepowerThreatDefenseデバイスのスロットル要求キュー/);
    assert.equal(variable(d750010, 'peer'), 'リモートピアの IPアドレス');
  });
});

describe('parseChapter on other chapters', () => {
  const other = [
    '302013',
    '',
    'Error Message %ASA-6-302013: Built {inbound|outbound} TCP connection_id for interface:real-address/real-port',
    '',
    'Explanation A TCP connection slot between two hosts was created.',
    '- connection_id - A unique identifier',
    '',
    'Recommended Action None required.',
    '302014',
    'Explanation this heading has no message line',
  ].join('\n');

  it('reads an English chapter that puts the text on the marker line', () => {
    const { entries } = parseChapter(other, 'messages-302013.txt');
    assert.equal(entries[0]?.id, '302013');
    assert.equal(entries[0]?.platforms[0], 'ASA');
    assert.deepEqual(entries[0]?.variants[0]?.docs.en, {
      explanation: 'A TCP connection slot between two hosts was created.',
      action: 'None required.',
      variables: [{ name: 'connection_id', description: 'A unique identifier' }],
      source: 'messages-302013.txt:1',
    });
  });

  it('reports a heading without a message line instead of throwing', () => {
    assert.deepEqual(parseChapter(other, 'x.txt').problems, [
      { line: 9, message: '302014 stands alone but no message line follows it (lines 9-10); ignored' },
    ]);
  });

  it('never throws; every problem points at a line of the input, every entry has a message', () => {
    const lines = fc.constantFrom('302013', 'Error Message', '%ASA-6-302013: Built', 'Explanation', 'エラーメッセージ', '説明あ', '• a：b', '- a - b', '', ' 思科ASA系列系统日志消息', '12', 'text');
    fc.assert(
      fc.property(fc.array(fc.oneof(lines, fc.string()), { maxLength: 40 }), (input) => {
        const { entries, problems } = parseChapter(input.join('\n'), 'fuzz.txt');
        for (const p of problems) assert.ok(p.line >= 1 && p.line <= Math.max(input.length, 1));
        for (const e of entries) assert.ok(e.variants.length > 0 && e.severity >= 0 && e.severity <= 7);
      }),
    );
  });
});

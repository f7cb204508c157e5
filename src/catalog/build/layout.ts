import type { Lang, Platform } from '../types.js';

// Section markers of the three layouts. They are recognised in every document, so one parser reads
// all of them; which marker may appear next is decided by the parser's state, not by the language.
export const MESSAGE_MARKER = /^(?:Error Message|エラーメッセージ|错误消息)\s*[:：]?\s*/;
export const EXPLANATION_MARKER = /^(?:Explanation\b|説明|说明\s*[:：])\s*[:：]?\s*/;
export const ACTION_MARKER = /^(?:Recommended Action\b|推奨アクション|建议的操作\s*[:：])\s*[:：]?\s*/;

const FILE_NAME = /^(?<lang>en|ja|zh)-(?<platform>asa|ftd)-/i;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const FTD_TAG = /%(?:FTD|Threat Defense)-?\d-\d{6}/;

export function langOf(text: string, fileName: string): Lang {
  const named = FILE_NAME.exec(fileName)?.groups?.lang?.toLowerCase();
  if (named === 'en' || named === 'ja' || named === 'zh') return named;
  if (KANA.test(text)) return 'ja';
  return HAN.test(text) ? 'zh' : 'en';
}

// The file name says which product's guide a chapter comes from; a chapter imported under another
// name is judged by its message tags.
export function platformOf(text: string, fileName: string): Platform {
  const named = FILE_NAME.exec(fileName)?.groups?.platform?.toUpperCase();
  if (named === 'ASA' || named === 'FTD') return named;
  return FTD_TAG.test(text) ? 'FTD' : 'ASA';
}

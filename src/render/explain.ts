import type { CatalogEntry, Lang } from '../catalog/types.js';
import type { LineContext } from '../classify/explain-target.js';
import { categoryTitle } from '../catalog/categories.js';
import { compiledVariants } from '../fields/match.js';
import { fieldName } from '../fields/placeholders.js';
import { LANG_NAMES } from '../catalog/lang.js';
import { docsIn } from '../catalog/meaning.js';
import type { Palette } from './palette.js';
import { makeTable } from './table.js';
import { severityName } from '../parse/severity.js';
import { terminalSafe } from '../terminal-safe.js';

const ORIGIN_LABEL = { documents: 'Cisco reference documents (catalog/sources)', supplement: 'asalog supplement (formats from Cisco’s public reference; text by asalog)', user: 'your catalog' };

/** The documentation of one ID for the terminal, in `lang` where the documents have it. */
export function renderExplain(entry: CatalogEntry, lang: Lang, palette: Palette, width: number, line?: LineContext, originFile?: string): string {
  const out: string[] = [];
  const title = `${palette.bold(entry.id)}  ${palette.severity(entry.severity, `severity ${entry.severity} ${severityName(entry.severity)}`)}  category ${entry.category} (${categoryTitle(entry.category)})  ${entry.platforms.join(', ')}`;
  out.push(title);
  const origin = entry.origin ?? 'documents';
  out.push(palette.dim(`catalog: ${ORIGIN_LABEL[origin]}${originFile && origin === 'user' ? ` ${originFile}` : ''}`));
  if (line) {
    out.push('', `${palette.bold('Line:')} ${terminalSafe(line.raw)}`);
    if (line.severity !== null && line.severity !== entry.severity) {
      out.push(palette.warn(`logged at severity ${line.severity} ${severityName(line.severity)}; documented default is ${entry.severity} ${severityName(entry.severity)} (a "logging message ${entry.id} level" change on the device)`));
    }
  }
  entry.variants.forEach((variant, i) => {
    const matched = line?.variant === i;
    const heading = entry.variants.length > 1 ? `Variant ${i + 1}${variant.tag ? ` (${variant.tag})` : ''}${variant.seenOn ? ' (as devices print it)' : ''}${matched ? ' ← matches the line' : ''}` : 'Format';
    out.push('', palette.bold(heading), `  ${terminalSafe(variant.format)}`);
    if (variant.seenOn) out.push(palette.dim(`  not in the documents; seen on ${terminalSafe(variant.seenOn)}`));
    // a value with the canonical name it goes by in -o json, csv --fields and ecs (README "Fields")
    const valueOf = (name: string): string => {
      const v = line?.fields?.[name];
      if (v === undefined) return '';
      const as = line?.roles && Object.hasOwn(line.roles, name) ? line.roles[name] : undefined;
      return as && line?.canonical?.[as] !== undefined ? `${terminalSafe(v)}  → ${as}` : terminalSafe(v);
    };
    const names = compiledVariants(entry)[i]?.fieldNames ?? [];
    // the line's values that the variables table below does not already show
    const inTable = new Set((docsIn(variant.docs, lang)?.doc.variables ?? []).map((v) => fieldName(v.name)));
    const rest = matched && line?.fields ? Object.entries(line.fields).filter(([k]) => !inTable.has(k)) : [];
    if (rest.length > 0) {
      const values = makeTable(['field', 'value in this line'], { wordWrap: true, colWidths: [28, Math.max(30, width - 32)] });
      for (const [k] of rest) values.push([terminalSafe(k), valueOf(k)]);
      out.push('', palette.bold('Fields'), values.toString());
    } else if (names.length > 0 && !matched) {
      out.push(palette.dim(`  fields: ${names.join(', ')}`));
    }
    const shown = docsIn(variant.docs, lang);
    if (!shown) return;
    if (shown.lang !== lang) out.push(palette.warn(`  (no ${LANG_NAMES[lang]} text for this variant; showing ${LANG_NAMES[shown.lang]})`));
    const { doc } = shown;
    const from = doc.translatedFrom;
    const provenance = from ? ` ${palette.dim(`(translated by asalog from the ${from === 'en' && origin === 'supplement' ? 'supplement’s English' : `${LANG_NAMES[from]} reference`})`)}` : '';
    out.push('', palette.bold('Explanation') + provenance, indent(doc.explanation || NOT_GIVEN[shown.lang].explanation));
    if (doc.variables.length) {
      const withValues = matched && line?.fields && Object.keys(line.fields).length > 0;
      const table = makeTable(withValues ? ['variable', 'meaning', 'value in this line'] : ['variable', 'meaning'], {
        wordWrap: true,
        colWidths: withValues ? [22, Math.max(30, width - 56), 30] : [22, Math.max(30, width - 26)],
      });
      for (const v of doc.variables) {
        const row = [terminalSafe(v.name), terminalSafe(v.description)];
        if (withValues) row.push(valueOf(fieldName(v.name)));
        table.push(row);
      }
      out.push('', palette.bold('Variables'), table.toString());
    }
    out.push('', palette.bold('Recommended action'), indent(doc.action || NOT_GIVEN[shown.lang].action));
    out.push(palette.dim(`  source: ${doc.source}`));
  });
  const canonical = Object.entries(line?.canonical ?? {});
  if (canonical.length > 0) out.push('', palette.bold('Canonical fields') + palette.dim('  (-o json "canonical", -o csv --fields, -o ecs)'), `  ${canonical.map(([k, v]) => `${k}=${terminalSafe(v)}`).join('  ')}`);
  if (entry.notes.length) out.push('', palette.bold('Notes'), ...entry.notes.map((n) => `  • ${n}`));
  return `${out.join('\n')}\n`;
}

// the documents' own silence, said in the language shown
const NOT_GIVEN: Record<Lang, { explanation: string; action: string }> = {
  en: { explanation: '(the reference gives no explanation)', action: '(the reference gives no recommended action)' },
  ja: { explanation: '（リファレンスに説明はありません）', action: '（リファレンスに推奨アクションはありません）' },
  zh: { explanation: '（参考文档未提供说明）', action: '（参考文档未提供建议的操作）' },
};

function indent(text: string): string {
  return terminalSafe(text).split('\n').map((l) => `  ${l}`).join('\n');
}

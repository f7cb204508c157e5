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
    const heading = entry.variants.length > 1 ? `Variant ${i + 1}${variant.tag ? ` (${variant.tag})` : ''}${matched ? ' ← matches the line' : ''}` : 'Format';
    out.push('', palette.bold(heading), `  ${terminalSafe(variant.format)}`);
    const names = compiledVariants(entry)[i]?.fieldNames ?? [];
    // the line's values that the variables table below does not already show
    const inTable = new Set((docsIn(variant.docs, lang)?.doc.variables ?? []).map((v) => fieldName(v.name)));
    const rest = matched && line?.fields ? Object.entries(line.fields).filter(([k]) => !inTable.has(k)) : [];
    if (rest.length > 0) {
      const values = makeTable(['field', 'value in this line'], { wordWrap: true, colWidths: [28, Math.max(30, width - 32)] });
      for (const [k, v] of rest) values.push([terminalSafe(k), terminalSafe(v)]);
      out.push('', palette.bold('Fields'), values.toString());
    } else if (names.length > 0 && !matched) {
      out.push(palette.dim(`  fields: ${names.join(', ')}`));
    }
    const shown = docsIn(variant.docs, lang);
    if (!shown) return;
    if (shown.lang !== lang) out.push(palette.warn(`  (no ${LANG_NAMES[lang]} text ${origin === 'supplement' ? 'in the supplement, which is English only' : 'in the documents'}; showing ${LANG_NAMES[shown.lang]})`));
    const { doc } = shown;
    out.push('', palette.bold('Explanation'), indent(doc.explanation));
    if (doc.variables.length) {
      const withValues = matched && line?.fields && Object.keys(line.fields).length > 0;
      const table = makeTable(withValues ? ['variable', 'meaning', 'value in this line'] : ['variable', 'meaning'], {
        wordWrap: true,
        colWidths: withValues ? [22, Math.max(30, width - 50), 24] : [22, Math.max(30, width - 26)],
      });
      for (const v of doc.variables) {
        const row = [terminalSafe(v.name), terminalSafe(v.description)];
        if (withValues) row.push(terminalSafe(line!.fields![fieldName(v.name)] ?? ''));
        table.push(row);
      }
      out.push('', palette.bold('Variables'), table.toString());
    }
    out.push('', palette.bold('Recommended action'), indent(doc.action || '(none given)'));
    out.push(palette.dim(`  source: ${doc.source}`));
  });
  if (entry.notes.length) out.push('', palette.bold('Notes'), ...entry.notes.map((n) => `  • ${n}`));
  return `${out.join('\n')}\n`;
}

function indent(text: string): string {
  return terminalSafe(text).split('\n').map((l) => `  ${l}`).join('\n');
}

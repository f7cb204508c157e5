import type { Lang, VariableDoc } from '../types.js';
import { appendLine, hasCjk, isListItem, startsParagraph, type ContentLine } from './join-text.js';

const BULLET = /^(?<bullet>[•●]|-)\s*(?<body>.+)$/;
const SPACED_DASH = /^(?<name>.+?)\s+-\s+(?<description>.+)$/;

const squash = (s: string): string => s.replace(/\s+/g, '').toLowerCase();
// Variable names come from the (English) message format, so a name never holds CJK text; a CJK
// "name" is a value in a list (`•無効な失効ステータス、…：不明`).
const isName = (s: string): boolean => s.length > 0 && s.length <= 60 && !hasCjk(s);

function variable(name: string, description: string): VariableDoc | undefined {
  const trimmed = name.trim();
  return isName(trimmed) && description.trim() ? { name: trimmed, description: description.trim() } : undefined;
}

// `•activation-key-临时激活密钥`: a hyphen both inside the name and after it. Prefer the longest
// split whose name is in the message format; failing that, the one where the description starts
// with CJK text (the Chinese layout glues both sides of the hyphen).
function splitAtHyphen(body: string, format: string): VariableDoc | undefined {
  const candidates = [...body.matchAll(/-/g)]
    .map((m) => variable(body.slice(0, m.index), body.slice(m.index + 1)))
    .filter((v): v is VariableDoc => v !== undefined);
  const inFormat = candidates.filter((v) => squash(format).includes(squash(v.name)));
  return inFormat.at(-1) ?? candidates.find((v) => hasCjk(v.description.slice(0, 1)));
}

/** A bullet that names a variable in any of the three styles: `- a - …`, `• a：…`, `•a-…`. */
function parseVariable(line: ContentLine, format: string): VariableDoc | undefined {
  // indented bullets are the English layout's nested value lists
  const g = line.indent < 2 ? BULLET.exec(line.text)?.groups : undefined;
  if (!g?.body) return undefined;
  const spaced = SPACED_DASH.exec(g.body)?.groups;
  const spacedVariable = spaced ? variable(spaced.name ?? '', spaced.description ?? '') : undefined;
  if (g.bullet === '-') return spacedVariable;
  const colon = g.body.indexOf('：');
  const colonVariable = colon > 0 ? variable(g.body.slice(0, colon), g.body.slice(colon + 1)) : undefined;
  return colonVariable ?? spacedVariable ?? splitAtHyphen(g.body, format);
}

interface Draft {
  name: string;
  parts: string[];
}

// Variables are bullets inside the explanation. A variable's description runs on over wrapped
// lines and nested value lists until the next variable or a new paragraph, which is explanation
// again (e.g. "the following examples show…" after the list).
export function splitExplanation(
  lines: readonly ContentLine[],
  lang: Lang,
  format: string,
): { explanation: string; variables: VariableDoc[] } {
  const prose: string[] = [];
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  lines.forEach((line, i) => {
    const item = isListItem(line);
    const found = item ? parseVariable(line, format) : undefined;
    const paragraph = startsParagraph(lines[i - 1], line, lang);
    if (found) {
      current = { name: found.name, parts: [found.description] };
      drafts.push(current);
    } else if (current && (item || !paragraph)) {
      appendLine(current.parts, line.text, item, lang);
    } else {
      appendLine(prose, line.text, current !== undefined || item || paragraph, lang);
      current = undefined;
    }
  });
  return {
    explanation: prose.join('\n'),
    variables: drafts.map((d) => ({ name: d.name, description: d.parts.join('\n') })),
  };
}

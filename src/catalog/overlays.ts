// What the project adds to the documents' entries without touching them: device spellings of a
// documented format (catalog/device-variants.json) and translations into the languages a document
// lacks (catalog/translations/<lang>.json). messages.json stays exactly what the documents say.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CatalogEntry, type Lang, type Variant, type VariantDoc, type VariableDoc } from './types.js';
import { InputError } from '../errors.js';

export interface DeviceVariant {
  id: string;
  format: string;
  seenOn: string;
  samples: string[];
}

export interface Translation {
  from: Lang;
  explanation: string;
  action: string;
  variables: VariableDoc[];
}

export interface TranslationFile {
  lang: Lang;
  /** by `<id>#<variant index>` */
  translations: Record<string, Translation>;
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new InputError(`catalog ${file}: ${(err as Error).message.slice(0, 200)}`);
  }
}

export const deviceVariantsFile = (dir: string): string => join(dir, 'device-variants.json');
export const translationFile = (dir: string, lang: Lang): string => join(dir, 'translations', `${lang}.json`);

export function readDeviceVariants(dir: string): DeviceVariant[] {
  return readJson<{ variants: DeviceVariant[] }>(deviceVariantsFile(dir))?.variants ?? [];
}

export function readTranslation(dir: string, lang: Lang): TranslationFile | null {
  return readJson<TranslationFile>(translationFile(dir, lang));
}

/** The key of an entry's variant in the translation files. */
export const variantKey = (id: string, variant: number): string => `${id}#${variant}`;

/** `entries` with the device variants appended to their IDs and each translation filled in where the documents have no text. */
export function applyOverlays(entries: CatalogEntry[], devices: readonly DeviceVariant[], translations: readonly TranslationFile[]): CatalogEntry[] {
  const extra = new Map<string, DeviceVariant[]>();
  for (const d of devices) extra.set(d.id, [...(extra.get(d.id) ?? []), d]);
  return entries.map((entry) => {
    const variants = entry.variants.map((v, i) => translated(v, variantKey(entry.id, i), translations));
    // a device spelling means what the documented format means: it shares the first variant's texts
    for (const d of extra.get(entry.id) ?? []) variants.push({ format: d.format, docs: variants[0]?.docs ?? {}, samples: d.samples, seenOn: d.seenOn });
    return variants.length === entry.variants.length && variants.every((v, i) => v === entry.variants[i]) ? entry : { ...entry, variants };
  });
}

function translated(v: Variant, key: string, files: readonly TranslationFile[]): Variant {
  let docs: Variant['docs'] | null = null;
  for (const file of files) {
    const t = file.translations[key];
    if (!t || v.docs[file.lang]) continue;
    // the source is the document (or supplement) text the translation was made from
    const doc: VariantDoc = { explanation: t.explanation, action: t.action, variables: t.variables, source: v.docs[t.from]?.source ?? 'supplement', translatedFrom: t.from };
    docs = { ...(docs ?? v.docs), [file.lang]: doc };
  }
  return docs ? { ...v, docs } : v;
}

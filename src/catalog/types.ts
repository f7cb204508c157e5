export type Lang = 'en' | 'ja' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'ja', 'zh'];

export type Platform = 'ASA' | 'FTD';

export interface VariableDoc {
  name: string;
  description: string;
}

export interface VariantDoc {
  explanation: string;
  action: string;
  variables: VariableDoc[];
  /** `<source file>:<line>` of the entry heading in the document */
  source: string;
  /** set on the project's translations (catalog/translations/): the language of the text translated */
  translatedFrom?: Lang;
}

export interface Variant {
  format: string;
  /** present on 444303's SMART_LIC sub-messages and other sub-tagged variants */
  tag?: string;
  docs: Partial<Record<Lang, VariantDoc>>;
  /** supplement entries: real-looking sample lines that must classify to this entry */
  samples?: string[];
  /** a spelling devices print that the documents do not have (catalog/device-variants.json): where it is seen */
  seenOn?: string;
}

export type Origin = 'documents' | 'supplement' | 'user';

export interface CatalogEntry {
  id: string;
  severity: number;
  category: string;
  platforms: Platform[];
  variants: Variant[];
  notes: string[];
  origin?: Origin;
}

/** The catalog's order: by ID, as every catalog file and the merged catalog list their entries. */
export const idOrder = (a: CatalogEntry, b: CatalogEntry): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface CatalogFile {
  generatedFrom?: string[];
  /** `<source file>:<line>: …` regions of the documents that belong to no entry */
  problems?: string[];
  origin?: Origin;
  messages: CatalogEntry[];
}

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
}

export interface Variant {
  format: string;
  /** present on 444303's SMART_LIC sub-messages and other sub-tagged variants */
  tag?: string;
  docs: Partial<Record<Lang, VariantDoc>>;
  /** supplement entries: real-looking sample lines that must classify to this entry */
  samples?: string[];
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

export interface CatalogFile {
  generatedFrom?: string[];
  /** `<source file>:<line>: …` regions of the documents that belong to no entry */
  problems?: string[];
  origin?: Origin;
  messages: CatalogEntry[];
}

import type { Lang } from './types.js';
import { LANGS } from './types.js';
import { UsageError } from '../errors.js';

/** `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (option !== undefined) {
    const lang = option.toLowerCase().slice(0, 2);
    if ((LANGS as readonly string[]).includes(lang)) return lang as Lang;
    throw new UsageError(`invalid language "${option}": use en, ja or zh`);
  }
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (locale.startsWith('ja')) return 'ja';
  if (locale.startsWith('zh')) return 'zh';
  return 'en';
}

export const LANG_NAMES: Record<Lang, string> = { en: 'English', ja: 'Japanese', zh: 'Chinese' };

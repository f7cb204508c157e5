import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_CONFIG_HOME/asalog`, default `~/.config/asalog`. */
function configDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'asalog');
}

export function userCatalogPath(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'catalog.json');
}

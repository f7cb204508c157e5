import type { Command } from 'commander';

/** Two to four examples at the end of each command's --help, as users type them. */
const EXAMPLES: Record<string, string[]> = {
  asalog: [
    'tail -f /var/log/asa.log | asalog -s err       # errors and worse, as they arrive',
    'asalog -f -n 50 --compact /var/log/asa.log      # follow from the last 50 lines, short rows',
    'asalog --count -H -i 722000-722999 *.log        # AnyConnect lines per file',
    'asalog -w src_ip=10.0.0.0/8 -w action=denied fw.log   # denies from 10/8, any message',
  ],
  summary: [
    'asalog summary fw.log',
    'asalog summary --sections --html report.html fw.log   # what happened, with charts',
    'asalog summary --by src_ip -w action=denied fw.log    # who is denied most',
    'asalog summary --by host --top 5 -s warn fw.log',
  ],
  explain: [
    'asalog explain 722001',
    'asalog explain %ASA-4-722001 --lang ja',
    "asalog explain '<166>Nov 20 2026 10:01:02 fw-1 : %ASA-6-722051: Group <RA> User <alice> IP <1.2.3.4> IPv4 Address <10.0.0.2> …'",
  ],
  search: ['asalog search failover', 'asalog search "certificate expired" --limit 5', 'asalog search トンネル --json'],
  list: ['asalog list -s err -c vpn', 'asalog list --platform FTD --json | jq length'],
  categories: ['asalog categories', 'asalog categories --json'],
  'catalog import': ['asalog catalog import chapter.txt', 'asalog catalog import --dry-run *.txt'],
  'catalog export': ['asalog catalog export > asa_messages.csv', 'asalog catalog export --format json'],
  'catalog stats': ['asalog catalog stats', 'asalog catalog stats --json'],
  completion: ['asalog completion bash > ~/.local/share/bash-completion/completions/asalog', 'asalog completion zsh > "${fpath[1]}/_asalog"', 'asalog completion fish > ~/.config/fish/completions/asalog.fish'],
};

/** The command's name as written after `asalog`: `summary`, `catalog import`; `asalog` for the root. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c !== null && c.parent !== null; c = c.parent) names.unshift(c.name());
  return names.length ? names.join(' ') : 'asalog';
}

/** Adds the examples to every command that has some, the subcommands' subcommands too. */
export function addExamples(cmd: Command): void {
  const examples = EXAMPLES[commandPath(cmd)];
  if (examples) cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n`);
  for (const sub of cmd.commands) addExamples(sub);
}

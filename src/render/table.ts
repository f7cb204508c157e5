import Table from 'cli-table3';

/** cli-table3's default style puts ANSI codes in head and border even in pipes: style them plainly. */
export function makeTable(head: string[], opts: { colWidths?: (number | null)[]; wordWrap?: boolean; compact?: boolean } = {}): Table.Table {
  return new Table({
    head,
    style: { head: [], border: [], compact: opts.compact ?? false },
    ...(opts.colWidths ? { colWidths: opts.colWidths } : {}),
    wordWrap: opts.wordWrap ?? false,
    wrapOnWordBoundary: true,
  });
}

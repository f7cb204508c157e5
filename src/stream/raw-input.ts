import type { TagPrefilter } from '../filter/tag-prefilter.js';
import { abortable } from '../input/abortable.js';
import { LineFeed } from '../input/line-feed.js';
import { LineKernel } from '../input/line-kernel.js';
import { openInput, STDIN_NAME } from '../input/open.js';
import { describeReadError } from '../input/read-error.js';
import { warnLongLines, type ReadOptions } from '../input/read-options.js';
import { yearContext } from '../parse/year-context.js';
import type { StreamSink } from './output-sink.js';
import { RawFilter, type RawLocal, type RawResult } from './raw-filter.js';

/**
 * `-o raw` filtered on the tag for one input in this thread (stdin, gzip, a file below the
 * workers' size): its chunks through a LineFeed into a RawFilter, each chunk's output written
 * before the next is read, so a live pipe shows its lines as they come.
 */
export async function filterInput(path: string, local: RawLocal, opts: ReadOptions, sink: StreamSink): Promise<{ lines: number; matched: number }> {
  const total = { lines: 0, matched: 0 };
  let name = path === '-' ? STDIN_NAME : path;
  try {
    const input = await openInput(path, opts.stdin, 0, opts.onBytes);
    const file = (name = input.name);
    const { year, notAfter } = yearContext(opts.year, input.mtime);
    const filter = new RawFilter(local.prefilter, (raw) => local.step(raw, file, year, notAfter), opts.maxLineBytes);
    const feed = new LineFeed(filter, opts.maxLineBytes, kernelFor(local.prefilter));
    const write = async (r: RawResult): Promise<void> => {
      warnLongLines(file, r.long, total.lines, opts.onWarning);
      total.lines += r.lines;
      total.matched += r.matched;
      const w = r.out.length ? sink.write(r.out) : undefined;
      if (w) await w;
      await sink.flush();
    };
    for await (const chunk of abortable(input.chunks, opts.signal)) {
      feed.push(chunk);
      await write(filter.take());
      if (opts.signal?.aborted) break;
    }
    feed.end();
    await write(filter.take());
  } catch (err) {
    opts.onError(name, describeReadError(err));
  }
  return total;
}

// One kernel per filter, reused for every input: opening one costs ~3 ms (13 MB of tables), and
// its verdicts belong to the filter that decided them.
const kernels = new WeakMap<TagPrefilter, LineKernel | null>();

function kernelFor(prefilter: TagPrefilter): LineKernel | null {
  let kernel = kernels.get(prefilter);
  if (kernel === undefined) kernels.set(prefilter, (kernel = LineKernel.open({ filter: true })));
  return kernel;
}

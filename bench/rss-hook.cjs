// Loaded with `node --require` by bench/run.ts: writes the process's peak RSS (KB, worker threads
// included) to the file named by ASALOG_BENCH_RSS when it exits.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.ASALOG_BENCH_RSS) writeFileSync(process.env.ASALOG_BENCH_RSS, String(process.resourceUsage().maxRSS));
});

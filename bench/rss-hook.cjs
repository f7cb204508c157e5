// Loaded with `node --require` by bench/run.ts: writes the process's peak RSS in KB (worker
// threads included) to the file named by ASALOG_BENCH_RSS when it exits. VmHWM, not
// resourceUsage().maxRSS: Linux carries ru_maxrss across fork and exec, so a child would report
// at least the RSS its parent (the bench) had when it spawned it.
const { readFileSync, writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (!process.env.ASALOG_BENCH_RSS) return;
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch {
    // not Linux: maxRSS it is
  }
  writeFileSync(process.env.ASALOG_BENCH_RSS, String(kb));
});

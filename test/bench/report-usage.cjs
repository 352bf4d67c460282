/**
 * Preloaded into a bench process (node --require): when the process exits,
 * writes its time since start and its peak resident memory to the file named
 * by RAGBOOK_BENCH_USAGE, so a whole command is measured as a user runs it.
 */
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = { ms: performance.now(), maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  writeFileSync(process.env.RAGBOOK_BENCH_USAGE, JSON.stringify(usage));
});

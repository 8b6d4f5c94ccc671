// Preloaded into a measured child (`node --import <file URL of this file> …`): when the process exits,
// writes its peak resident set size in kB (getrusage ru_maxrss, which covers every thread of the
// process, worker threads included) to the file named by COP_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.COP_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // never change the measured command's behaviour
    }
  });
}

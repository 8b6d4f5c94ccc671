/**
 * The main thread's heap while a large site is written. After the load, V8 lets the old generation
 * grow to several times what was live at its last full collection before collecting again: at
 * 60,000 meetings the site's page views, JSON and year reports (garbage a page later) took the
 * process from the load's 300 MiB to 450–580 MiB, varying from run to run. One full collection
 * once the data is loaded, and a growth of a fifth past what is live after each, held it under
 * 384 MiB (docs/performance.md, "`cop site` in two threads"). Both are hints to the collector
 * only: what is written does not change.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collects the load's garbage now and keeps the heap within a fifth of what is live from here on. */
export function holdHeapDown(): void {
  setFlagsFromString('--heap-growing-percent=20');
  // The collector is not exposed without the flag; a new context made after setting it has `gc`.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

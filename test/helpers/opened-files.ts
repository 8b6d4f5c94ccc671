/**
 * node:fs with openSync recording each path it opens, for `vi.mock('node:fs', …)`: the guarded
 * reader opens every file it reads with openSync, so a test sees which files a run read.
 *
 *   const opened = vi.hoisted(() => ({ files: [] as string[] }));
 *   vi.mock('node:fs', async (importOriginal) => (await import('../helpers/opened-files.js')).recordingOpens(await importOriginal(), opened));
 */
import type * as fs from 'node:fs';

export function recordingOpens(real: typeof fs, opened: { files: string[] }): typeof fs & { default: typeof fs } {
  const openSync = (...args: Parameters<typeof real.openSync>) => {
    opened.files.push(String(args[0]));
    return real.openSync(...args);
  };
  return { ...real, openSync, default: { ...real, openSync } };
}

/**
 * One loaded organisation per case: every command run on the same data root and as-of day reads
 * and checks the data once and shares it, as the commands of one process would. Only loading is
 * shared; each command computes and renders on its own. For `vi.mock` of
 * src/lint/lint-workspace.js in the agreement tests.
 */
import type * as LintWorkspace from '../../src/lint/lint-workspace.js';

export async function loadOncePerDay(importOriginal: () => Promise<unknown>): Promise<typeof LintWorkspace> {
  const real = (await importOriginal()) as typeof LintWorkspace;
  const loaded = new Map<string, ReturnType<typeof real.lintWorkspace>>();
  const lintWorkspace: typeof real.lintWorkspace = (root, asOf, options = {}) => {
    if (options.cache) return real.lintWorkspace(root, asOf, options);
    const key = `${root}\u0000${asOf}\u0000${options.errorsOnly === true}`;
    if (!loaded.has(key)) loaded.set(key, real.lintWorkspace(root, asOf, options.errorsOnly ? { errorsOnly: true } : {}));
    return loaded.get(key)!;
  };
  return { ...real, lintWorkspace };
}

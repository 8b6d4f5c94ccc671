// The command line of the measuring scripts (cpu-bounds.mjs, profile-ab.mjs, report-tail.mjs): a
// usage error prints the problem and the script's usage line, and exits 2.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** Prints `problem` (when there is one) and `usage`, and exits 2. */
export function usageError(usage, problem) {
  console.error(problem ? `${problem}\n${usage}` : usage);
  process.exit(2);
}

/**
 * `config` parsed as node:util's parseArgs does, `--runs` as a whole number of at least `minRuns`;
 * a usage error when parsing fails or `valid(values, positionals)` is false.
 */
export function benchArgs(usage, config, { minRuns = 1, valid = () => true } = {}) {
  let parsed;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    usageError(usage, error.message);
  }
  const runs = Number(parsed.values.runs);
  if (!parsed.values.root || !Number.isInteger(runs) || runs < minRuns || !valid(parsed.values, parsed.positionals)) usageError(usage);
  return { ...parsed, runs, root: path.resolve(parsed.values.root) };
}

/** A usage error unless `root` holds a cops/ folder (a generated organisation). */
export function requireCops(script, usage, root) {
  if (!existsSync(path.join(root, 'cops'))) usageError(usage, `${script}: ${root} has no cops/ folder`);
}

import { Command } from 'commander';
import { DIAGNOSTIC_FORMATS, dataOptions, formatOption, integer, type CommandDefinition } from './define.js';

export const checkCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    new Command('check')
      .description('Validate charters, meeting logs, people and config; run the lint rules.')
      .argument('[paths...]', 'only report findings in these files or folders')
      .addOption(formatOption(DIAGNOSTIC_FORMATS))
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer)
      .option('--changed-since <ref>', 'only report findings in files changed since this git revision, and those they affect')
      .option('--cache', 'reuse what the last run found for unchanged CoPs (the organisation-wide rules always run)')
      .option('--cache-location <path>', 'the cache file, or a folder for it (implies --cache; default node_modules/.cache/cop/)')
      .option('--fix', 'fix what has one right answer (charter id, meeting file name, CODEOWNERS, $schema comment), then report the rest')
      .option('--fix-dry-run', 'print those fixes as a unified diff and write nothing'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop check                          check the whole data root
  $ cop check cops/aws                 only report findings in one CoP
  $ cop check --format github          annotations for a GitHub Actions job
  $ cop check --format sarif > cop.sarif
  $ cop check --max-warnings 0         fail on warnings too
  $ cop check --changed-since origin/main   only what a pull request touches
  $ cop check --cache                  faster repeat runs: unchanged CoPs are not read again
  $ cop check --fix-dry-run            show what --fix would change, as a diff
  $ cop check --fix                    rename misnamed meeting logs, regenerate a stale CODEOWNERS…

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.`,
    )
    .action(async (paths: string[], options) => {
      if (options.cache || options.cacheLocation) await startLookEarly(io.cwd, options.root, io.env);
      const { check } = await import('./check.js');
      setExit(await check(paths, options, io));
    });

/**
 * `--cache`: a warm check of a big organisation is mostly a look at every file, shared with helper
 * threads (workspace/snapshots.ts); they are started now, to load while the check's own modules do.
 * A root that cannot be found is the check's to report.
 */
async function startLookEarly(cwd: string, root: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  const [{ findDataRoot }, { startLookHelpersEarly }] = await Promise.all([import('../workspace/root.js'), import('../workspace/snapshots.js')]);
  let found: string;
  try {
    found = findDataRoot(cwd, root);
  } catch {
    return;
  }
  startLookHelpersEarly(found, env);
}

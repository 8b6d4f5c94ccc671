import { Command } from 'commander';
import { formatOption, type CommandDefinition } from './define.js';

export const diffCommand: CommandDefinition = (io, setExit) =>
  new Command('diff')
    .description('Say in plain words what a change asks a reviewer to approve, and check the CoP lifecycle across it.')
    .option('--base <ref>', 'the revision to compare from (default: the merge base of HEAD with origin/HEAD, main or master)')
    .option('--head <ref>', 'the revision to compare to (default: the working tree)')
    .addOption(formatOption(['text', 'markdown', 'json']))
    .option('--root <dir>', 'the data root (default: the nearest folder upwards holding cop.config.yaml or cops/)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .addHelpText(
      'after',
      `
Examples:
  $ cop diff                                   this branch's changes, uncommitted ones included
  $ cop diff --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ cop diff --base v1.0 --head v1.1 --format json

Exit codes: 0 no lifecycle problems, 1 a lifecycle problem (or the changed data has errors), 2 usage or git error.`,
    )
    .action(async (options) => {
      const { diff } = await import('./diff.js');
      setExit(await diff(options, io));
    });

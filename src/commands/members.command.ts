import { Command } from 'commander';
import { dataOptions, formatOption, integer, type CommandDefinition } from './define.js';

export const membersCommand: CommandDefinition = (io, setExit) =>
  new Command('members')
    .description("Manage a CoP's membership: `prune` moves members who attended nothing in N months to alumni.")
    .addHelpText(
      'after',
      `
Examples:
  $ cop members prune aws --months 3 --as-of 2026-11-20     who would move to alumni (a dry run)
  $ cop members prune --help                                everything about prune`,
    )
    .addCommand(
      dataOptions(
        new Command('prune')
          .description("Move members of an active CoP who attended no meeting held in the last N months to `alumni`, with the day they left (a dry run unless --write).")
          .argument('<id>', 'the CoP (its folder under cops/)')
          .option('--months <n>', "the inactivity window in months (default: the policy's inactive_months, 6)", integer)
          .option('--write', "edit the charter, keeping its comments and layout (default: only say what would change)")
          .addOption(formatOption(['text', 'json'])),
      )
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .exitOverride()
        .addHelpText(
          'after',
          `
Examples:
  $ cop members prune aws --as-of 2026-11-20
  $ cop members prune aws --months 3 --as-of 2026-11-20
  $ cop members prune aws --months 3 --as-of 2026-11-20 --format json
  $ cop members prune aws --months 3 --as-of 2026-11-20 --write

Cancelled meetings are not attendance. The coordinator, the deputy and the core group are never
pruned (they are listed, to hand over first). A CoP active for less than N months, or that held
no meeting in them, is not judged. --write refuses a result \`cop check\` would reject, such as
fewer members than the policy's min_members.
Exit codes: 0 done (or nothing to do), 1 the data has errors or the result would not pass cop check, 2 usage error.`,
        )
        .action(async (id: string, options) => {
          const { prune } = await import('./members.js');
          setExit(await prune(id, options, io));
        }),
    );

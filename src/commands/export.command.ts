import { Command } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const exportCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('export')
      .description("Write the site's JSON API alone (api/v1/: every CoP, the report of each year, health, upcoming meetings), for scripts and dashboards.")
      .requiredOption('-o, --out <dir>', 'the folder to write; cop export writes only into an empty folder or one it (or cop site) wrote before')
      .option('--anonymise', 'name no person anywhere, only aggregates (also policy.anonymise_reports)')
      .addOption(formatOption(['text', 'json'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop export --out exported                      write exported/api/v1/index.json and the rest
  $ cop export --out exported --as-of 2026-11-20   the same data and date give byte-identical files
  $ cop export --out exported --anonymise          an API to share beyond the CoPs: no names
  $ cop export --out exported --format json        list the files written, as JSON

The files and their schemas are described in docs/api.md; \`cop site\` writes the same files beside the pages.
Exit codes: 0 written, 1 the data has errors (as \`cop check\` prints them), 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { exportApi } = await import('./export.js');
      setExit(await exportApi(options, io));
    });

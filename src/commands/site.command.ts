import { Command } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const siteCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('site')
      .description('Write the programme as a static website: every CoP, one page each, the budget and health, with charts; and its JSON API under api/v1/.')
      .option('-o, --out <dir>', 'the folder to write (default: _site); cop site writes only into an empty folder or one it wrote before')
      .option('--anonymise', "name no person anywhere, only aggregates (also policy.anonymise_reports)")
      .option('--source-url <url>', "where charter files are browsed, e.g. https://github.com/acme/cops/blob/main/ (default: cop.config.yaml's site.source_url)")
      .addOption(formatOption(['text', 'json'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop site                                   write _site/; open _site/index.html in a browser
  $ cop site --out public --as-of 2026-11-20   the same data and date give byte-identical files
  $ cop site --anonymise --out /tmp/cop-site   a site to share beyond the CoPs: no names
  $ cop site --source-url https://github.com/acme/cops/blob/main/

Every link is relative, so the site works from a file:// folder and under a GitHub Pages sub-path.
api/v1/ holds the same figures as JSON for scripts (docs/api.md); \`cop export\` writes it alone.
Exit codes: 0 written, 1 the data has errors (as \`cop check\` prints them), 2 usage or configuration error.`,
    )
    .action(async (options) => {
      const { site } = await import('./site.js');
      setExit(await site(options, io));
    });

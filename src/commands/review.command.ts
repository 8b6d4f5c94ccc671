import { Command } from 'commander';
import { readOptions, formatOption, type CommandDefinition } from './define.js';

export const reviewCommand: CommandDefinition = (io, setExit) =>
  readOptions(
    new Command('review')
      .description("Draft a CoP's review (goals, meetings, participation bands, topics, budget, handovers, health), or with --org the organisation's annual report, with blanks for the judgements.")
      .argument('[id]', 'the CoP to review (omit with --org)')
      .option('--org', "the organisation's annual report for the CTO: CoPs created, activated and dissolved, totals against the yearly budget, flags and decisions, one section per CoP")
      .option('--year <YYYY>', 'with --org: the year (default: the year of the last complete month)')
      .option('--quarter <YYYYQn>', 'the quarter to review (default: the last complete quarter)')
      .option('--from <YYYY-MM>', 'first month of the review period')
      .option('--to <YYYY-MM>', 'last month of the review period (default: the last complete month)')
      .option('--names', 'show people by name even when the policy anonymises reports')
      .option('--no-names', 'leave people out: counts only')
      .option('--record', 'write cops/<id>/reviews/<as-of>.yaml from the draft, the outcomes left as placeholders to fill in')
      .option('--apply', "once the latest recorded review's outcomes are filled in: move the charter's review_by of kept and revised goals")
      .addOption(formatOption(['markdown', 'json'])),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop review aws --quarter 2026Q3 --as-of 2026-11-20 > aws-2026Q3.md
  $ cop review data-engineering --from 2026-06 --to 2026-11 --as-of 2026-11-20
  $ cop review aws --quarter 2026Q3 --no-names --format json --as-of 2026-11-20
  $ cop review --org --year 2026 --as-of 2026-11-20 > cops-2026.md
  $ cop review aws --record             record the review: fill in the outcomes, then
  $ cop review aws --apply              move the charter's review dates as it decided

Budget figures are \`cop report --from … --to … --cop <id>\`'s (with --org, \`cop report --year\`'s); health is \`cop health\`'s as of the same day.
Exit codes: 0 draft printed, 1 files with errors were left out (named at the top; with --strict nothing is printed), 2 usage or configuration error.`,
    )
    .action(async (id: string | undefined, options) => {
      const { review } = await import('./review.js');
      setExit(await review(id, options, io));
    });

import { Command } from 'commander';
import { answerOptions, collect, dataOptions, type CommandDefinition } from './define.js';

export const outputCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    answerOptions(
      new Command('output')
        .description('Record something a CoP produced (a post, training material, a standard, a talk) or handed to a circle: cops/<cop>/outputs/<date>-<slug>.yaml.')
        .argument('<cop>', 'the CoP id')
        .option('--date <date>', 'the day it was published or given, YYYY-MM-DD (default: --as-of, else today)')
        .option('--title <text>', 'what it is')
        .option('--kind <kind>', 'written-show-and-tell, shared-examples, written-training, policies-and-standards, talk, workshop, r-and-d-proposal or other (default: written-show-and-tell)')
        .option('--audience <audience>', 'internal or public (default: internal); a public output needs --url')
        .option('--author <id>', 'who made it, from people.yaml (repeatable, or comma-separated)', collect)
        .option('--goal <id>', "a goal of the charter it serves (repeatable)", collect)
        .option('--hours <person=hours>', "work time spent on it, charged to the CoP's monthly budget (repeatable)", collect)
        .option('--url <url>', 'where it can be read or watched')
        .option('--meeting <date>', 'the date of the meeting it came from')
        .option('--handoff-to <circle>', 'hand work to a circle (consulting-thought-leadership, innovation, training by default): recorded as proposed')
        .option('--cost <category:amount[:description]>', 'money spent, e.g. travel:38.60:Train (repeatable)', collect)
        .option('--notes <text>', 'free-form notes'),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop output aws                     answer the questions on a terminal
  $ cop output aws --yes --date 2026-11-05 --title "Lambda cold starts: what we measured" \\
      --kind talk --audience public --author lucy.chen --goal deepen --hours lucy.chen=3 \\
      --url https://talks.example.com/lambda-cold-starts
  $ cop output quality-engineering --yes --title "Workshop: writing a test strategy" \\
      --kind workshop --author amira.haddad --hours amira.haddad=2 --handoff-to training

Its hours count in \`cop report\` as preparation-and-output time, in the month of its date. When
the circle answers a hand-off, set \`status\` and \`decided\` in the file (\`cop due\` asks after 30 days).

Exit codes: 0 written, 1 the output would not pass \`cop check\`, 2 missing or invalid answers,
130 cancelled (Ctrl-C).`,
    )
    .action(async (cop: string, options) => {
      const { recordOutput } = await import('./output.js');
      setExit(await recordOutput(cop, options, io));
    });

import { Command } from 'commander';
import { answerOptions, collect, dataOptions, type CommandDefinition } from './define.js';

export const logCommand: CommandDefinition = (io, setExit) =>
  dataOptions(
    answerOptions(
      new Command('log')
        .description('Record a meeting: cops/<cop>/meetings/<date>.yaml, with defaults from the charter.')
        .argument('<cop>', 'the CoP id')
        .option('--date <date>', 'the meeting day, YYYY-MM-DD (default: --as-of, else today)')
        .option('--title <text>', 'what the meeting was about')
        .option('--meeting-format <format>', "the interaction format (default: the charter's first)")
        .option('--duration <minutes>', "how long it lasted (default: the charter's)")
        .option('--slot <slot>', "work-hours, lunch or after-work (default: the charter's)")
        .option('--attendees <ids>', 'people from people.yaml who attended, comma-separated')
        .option('--guest <name:organisation>', 'a guest from outside (repeatable)', collect)
        .option('--prep <person:hours>', 'preparation time (repeatable)', collect)
        .option('--cost <category:amount[:description]>', 'money spent, e.g. refreshments:30:Pizza (repeatable)', collect)
        .option('--recording <url>', 'link to the published recording')
        .option('--topic <text>', 'a topic discussed (repeatable)', collect)
        .option('--notes <text>', 'free-form notes')
        .option('--cancelled', 'the meeting was planned but did not take place (no attendees; give --reason)')
        .option('--reason <text>', 'why a --cancelled meeting did not take place')
        .option('--allow-duplicate <reason>', 'write it although a log of that day has the same title or content, with a suppression comment giving the reason'),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ cop log aws                        answer the questions on a terminal
  $ cop log aws --yes --date 2026-11-19 --title "Lambda cold starts" \\
      --attendees lucy.chen,seren.howarth,kwame.asante,fatima.sheikh,arjun.mehta \\
      --cost refreshments:25:Sandwiches --recording https://video.example.com/aws/2026-11-19
  $ cop log aws --from meeting.yaml --yes
  $ cop log mobile --yes --date 2026-09-17 --title "Flutter or KMP" --cancelled \\
      --reason "Nobody to host it during the coordinator handover."

A meeting already logged (the same day and title, or the same content) is refused, naming the
file: run the same \`cop log\` twice and the second writes nothing (rule no-duplicate-meeting).

Exit codes: 0 written, 1 the meeting would not pass \`cop check\` or repeats a logged one,
2 missing or invalid answers, 130 cancelled (Ctrl-C). Warnings (no recording, refreshments over
the cap) go to stderr.`,
    )
    .action(async (cop: string, options) => {
      const { logMeeting } = await import('./log.js');
      setExit(await logMeeting(cop, options, io));
    });

/**
 * `cop log <cop>`: record a meeting as cops/<cop>/meetings/<date>.yaml (the next free -2, -3 …),
 * from prompts on a terminal or from flags / `--from`; checked like `cop check` before it is written.
 */
import { shellCommand } from '../output/shell.js';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import { unknownCop } from '../core/suggest.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { askMeeting } from '../interactive/log-flow.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { firstDuplicate, RULE_ID } from '../rules/no-duplicate-meeting.js';
import { schemaEnums } from '../scaffold/enums.js';
import { completeMeeting, meetingInput } from '../scaffold/input.js';
import { buildMeeting, copWarning, meetingFileName, meetingProblems, type MeetingAnswers, type MeetingContext } from '../scaffold/meeting.js';
import { verifyPending } from '../scaffold/verify.js';
import { meetingYaml } from '../scaffold/yaml.js';
import { sharedValidator } from '../schema/validator.js';
import { COPS_DIR } from '../workspace/root.js';
import { charters, personIndex } from '../workspace/workspace.js';
import { createFileAtomic, FileExistsError } from '../workspace/write.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';
import { defaultPrompter, failScripted, updateGeneratedFiles, isInteractive, readAnswersFile, reportChecks, schemaRef, withPrompts, type PrompterFactory, type ScaffoldOptions } from './scaffold-shell.js';

export interface LogOptions extends DataOptions, ScaffoldOptions {
  date?: string;
  title?: string;
  meetingFormat?: string;
  duration?: string;
  slot?: string;
  attendees?: string;
  guest?: string[];
  prep?: string[];
  cost?: string[];
  recording?: string;
  topic?: string[];
  notes?: string;
  /** The meeting did not take place: written as the schema's cancelled-meeting shape. */
  cancelled?: boolean;
  reason?: string;
  /** Write the meeting although it repeats a logged one, with a suppression comment giving this reason. */
  allowDuplicate?: string;
}

/**
 * `cop log --format json` prints one object:
 * `{ "cop": string, "file": "cops/<cop>/meetings/<date>[-n].yaml", "meeting": Meeting (as written),
 *    "warnings": Diagnostic[] (what `cop check` warns about in the new file) }`.
 */
export interface LogResultJson {
  cop: string;
  file: string;
  meeting: unknown;
  warnings: Diagnostic[];
}

export async function logMeeting(copId: string, options: LogOptions, io: Io, prompter: PrompterFactory = defaultPrompter): Promise<number> {
  const load = await loadValidWorkspace(options, io, [], true);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const root = context.root;
  const cop = charters(ws).find((c) => c.id === copId);
  if (!cop) throw new UsageError(unknownCop(copId, charters(ws).map((c) => c.id)));
  const warning = copWarning(cop.charter);
  if (warning) io.stderr(`cop: warning: ${escapeTerminal(warning)}\n`);

  const file = options.from ? readAnswersFile(options.from, io.cwd) : {};
  const flags = {
    date: options.date,
    title: options.title,
    format: options.meetingFormat,
    duration_minutes: options.duration,
    slot: options.slot,
    attendees: options.attendees,
    guests: options.guest,
    preparation: options.prep,
    costs: options.cost,
    recording: options.recording,
    topics: options.topic,
    notes: options.notes,
    cancelled: options.cancelled,
    reason: options.reason,
  };
  const input = meetingInput(file, flags);
  const ctx: MeetingContext = { charter: cop.charter, people: personIndex(ws), asOf: context.asOf, enums: schemaEnums() };

  let answers: MeetingAnswers;
  if (isInteractive(options, io)) {
    if (input.problems.length) failScripted('log', input.problems);
    const prompts = await withPrompts(io, async () =>
      askMeeting(await prompter(io), { ...ctx, initial: input.partial, policyCap: ws.policy.refreshments_per_head, policyMinParticipants: ws.policy.min_participants }),
    );
    if (!prompts.ok) return prompts.exitCode;
    answers = prompts.value;
  } else {
    const { answers: complete, missing } = completeMeeting(input.partial, cop.charter, context.asOf);
    answers = complete;
    const problems = [...input.problems, ...missing];
    if (problems.length) failScripted('log', problems);
  }
  const problems = meetingProblems(answers, ctx);
  if (problems.length) failScripted('log', problems);

  const meeting = buildMeeting(answers);
  const duplicate = firstDuplicate(meeting, cop.meetings);
  if (duplicate && options.allowDuplicate === undefined) {
    io.stderr(`cop: ${duplicate.file} records this meeting already (${duplicate.reason}); nothing was written. If a second meeting really took place, give it its own --title, or log it with --allow-duplicate "<reason>".\n`);
    return EXIT.findings;
  }
  const suppression = duplicate ? duplicateSuppression(options.allowDuplicate!) : '';
  const dir = join(root, COPS_DIR, copId, 'meetings');
  const taken = new Set(existsSync(dir) ? readdirSync(dir) : []);
  for (;;) {
    const name = meetingFileName(meeting.date, taken);
    const rel = `${COPS_DIR}/${copId}/meetings/${name}`;
    const text = withLeadingComment(meetingYaml(meeting, schemaRef(root, rel, 'meeting'), cop.charter.name), suppression);
    const diagnostics = await verifyPending(ws, [{ file: rel, kind: 'meeting', text }], sharedValidator(), context.asOf);
    if (reportChecks(diagnostics, root, options, io)) {
      io.stderr('cop: the meeting would not pass `cop check` (above); nothing was written.\n');
      return EXIT.findings;
    }
    mkdirSync(dir, { recursive: true });
    try {
      createFileAtomic(join(root, rel), text);
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      taken.add(name); // written meanwhile by someone else: take the next suffix
      continue;
    }
    await updateGeneratedFiles(ws, [{ file: rel, kind: 'meeting', text }], context, io);
    if (options.format === 'json') {
      const json: LogResultJson = { cop: copId, file: rel, meeting, warnings: diagnostics };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      const shown = escapeTerminal(rel);
      const commit = `${shellCommand('git', 'add', rel)} && ${shellCommand('git', 'commit', '-m', `Log the ${cop.charter.name} meeting of ${meeting.date}${meeting.cancelled ? ' (cancelled)' : ''}`)}`;
      io.stdout(`Wrote ${shown}.\n\nNext: commit it (${escapeTerminal(commit)}) and open a pull request.\n`);
    }
    return EXIT.ok;
  }
}

/** The comment that keeps `cop check` green for a duplicate the user vouches for, with their reason on one line. */
function duplicateSuppression(reason: string): string {
  const oneLine = reason.replace(/\s+/g, ' ').trim();
  if (oneLine === '') throw new UsageError('--allow-duplicate needs a reason, e.g. --allow-duplicate "two sessions of the workshop, morning and afternoon".');
  return `# cop-disable ${RULE_ID} -- ${oneLine}\n`;
}

/** `text` with `comment` (whole lines, or '') after its leading comment lines: the file's header. */
function withLeadingComment(text: string, comment: string): string {
  const header = /^(#.*\n)*/.exec(text)![0].length;
  return `${text.slice(0, header)}${comment}${text.slice(header)}`;
}

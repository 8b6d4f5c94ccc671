/**
 * `cop new [id]`: scaffold a proposal, cops/<id>/charter.yaml with status proposed, from prompts
 * on a terminal or from flags / `--from`; checked like `cop check` before anything is written.
 */
import { shellCommand } from '../output/shell.js';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { askNewCop } from '../interactive/new-flow.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { answerProblems, buildCharter, type NewCopAnswers, type NewCopContext } from '../scaffold/charter.js';
import { schemaEnums } from '../scaffold/enums.js';
import { checkCopId, splitList } from '../scaffold/fields.js';
import { completeNewCop, newCopInput } from '../scaffold/input.js';
import { appendPeople } from '../scaffold/people.js';
import { verifyWithGenerated, type PendingFile } from '../scaffold/verify.js';
import { charterYaml } from '../scaffold/yaml.js';
import { sharedValidator } from '../schema/validator.js';
import { gitCommitNewFiles, gitPreflight } from '../git/commit.js';
import { RECORD_FOLDERS } from '../workspace/discover.js';
import { COPS_DIR, PEOPLE_FILE } from '../workspace/root.js';
import { personIndex } from '../workspace/workspace.js';
import { replaceFileAtomic, temporaryName, trackTemporary, writeFailure } from '../workspace/write.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';
import { defaultPrompter, failScripted, writeGeneratedEdits, isInteractive, readAnswersFile, reportChecks, schemaRef, withPrompts, type PrompterFactory, type ScaffoldOptions } from './scaffold-shell.js';

export interface NewOptions extends DataOptions, ScaffoldOptions {
  name?: string;
  subject?: string;
  in?: string[];
  out?: string[];
  rationale?: string;
  sponsor?: string;
  coordinator?: string;
  rotationMonths?: string;
  members?: string;
  goal?: string[];
  reviewBy?: string;
  formats?: string;
  cadence?: string;
  duration?: string;
  slot?: string;
  hoursPerMonth?: string;
  refreshmentsPerHead?: string;
  membership?: string;
  created?: string;
  git?: boolean;
}

/**
 * `cop new --format json` prints one object:
 * `{ "id": string, "charter": "cops/<id>/charter.yaml", "written": string[] (paths relative to the root),
 *    "warnings": Diagnostic[] (as `cop check --format json` would list them for the new files),
 *    "branch": "cop/<id>", "committed": boolean, "nextSteps": string[] }`.
 */
export interface NewResultJson {
  id: string;
  charter: string;
  written: string[];
  warnings: Diagnostic[];
  branch: string;
  committed: boolean;
  nextSteps: string[];
}

export async function newCop(idArg: string | undefined, options: NewOptions, io: Io, prompter: PrompterFactory = defaultPrompter): Promise<number> {
  if (idArg !== undefined) {
    const bad = checkCopId(idArg);
    if (bad) throw new UsageError(bad);
  }
  const load = await loadValidWorkspace(options, io, [], true);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const root = context.root;
  if (idArg !== undefined && existsSync(join(root, COPS_DIR, idArg))) return refuseExisting(root, idArg, io);

  const created = options.created ?? context.asOf;
  const file = options.from ? readAnswersFile(options.from, io.cwd) : {};
  const flags = {
    id: idArg,
    name: options.name,
    subject: options.subject,
    in: options.in?.flatMap(splitList),
    out: options.out?.flatMap(splitList),
    rationale: options.rationale,
    sponsor: options.sponsor,
    coordinator: options.coordinator,
    rotation_months: options.rotationMonths,
    members: options.members,
    goals: options.goal,
    review_by: options.reviewBy,
    formats: options.formats,
    cadence: options.cadence,
    duration_minutes: options.duration,
    slot: options.slot,
    hours_per_month: options.hoursPerMonth,
    refreshments_per_head: options.refreshmentsPerHead,
    membership: options.membership,
    created: options.created,
  };
  const input = newCopInput(file, flags, created);
  const people = personIndex(ws);
  for (const person of input.partial.new_people ?? []) people.set(person.id, person);
  const ctx: NewCopContext = { policy: ws.policy, people, existingIds: ws.cops.map((c) => c.id), enums: schemaEnums() };

  let answers: NewCopAnswers;
  const interactive = isInteractive(options, io);
  if (interactive) {
    if (input.problems.length) failScripted('new', input.problems);
    const prompts = await withPrompts(io, async () => askNewCop(await prompter(io), { ...ctx, initial: input.partial }));
    if (!prompts.ok) return prompts.exitCode;
    answers = prompts.value;
  } else {
    const { answers: complete, missing } = completeNewCop(input.partial, ws.policy, created);
    const problems = [...input.problems, ...missing, ...(missing.length ? [] : answerProblems(complete, ctx))];
    if (problems.length) failScripted('new', problems);
    answers = complete;
  }
  if (answers.id !== idArg && existsSync(join(root, COPS_DIR, answers.id))) return refuseExisting(root, answers.id, io);
  const problems = answerProblems(answers, { ...ctx, people: new Map([...people, ...answers.new_people.map((p) => [p.id, p] as const)]) });
  if (problems.length) failScripted('new', problems);

  const charterFile = `${COPS_DIR}/${answers.id}/charter.yaml`;
  const pending: PendingFile[] = [
    {
      file: charterFile,
      kind: 'charter',
      text: charterYaml(buildCharter(answers), schemaRef(root, charterFile, 'charter'), { minMembers: ws.policy.min_members, ...(ws.config.currency ? { currency: ws.config.currency } : {}) }),
    },
  ];
  if (answers.new_people.length) {
    const current = ws.texts?.get(PEOPLE_FILE);
    pending.push({ file: PEOPLE_FILE, kind: 'people', text: appendPeople(current, answers.new_people, schemaRef(root, PEOPLE_FILE, 'people')) });
  }
  const { diagnostics, generated } = await verifyWithGenerated(ws, pending, sharedValidator(), context.asOf);
  if (await reportChecks(diagnostics, root, options, io)) {
    io.stderr('cop: the charter would not pass `cop check` (above); nothing was written.\n');
    return EXIT.findings;
  }

  const branch = `cop/${answers.id}`;
  const commitFiles = [...pending.map((p) => p.file), ...generated.map((g) => g.file)];
  if (options.git) gitPreflight(root, branch, commitFiles.filter((file) => file !== charterFile));
  const newFiles = writeNewCop(root, answers.id, pending, ws.texts?.get(PEOPLE_FILE));
  if (newFiles === undefined) return refuseExisting(root, answers.id, io);
  // The new charter changes the generated files (its README, the index, who owns it in CODEOWNERS): written in the same step.
  const updated = writeGeneratedEdits(root, generated, newFiles);
  const written = [...newFiles, ...updated];
  if (options.git) gitCommitNewFiles(root, branch, written, `Propose the ${answers.name} community of practice`);

  const nextSteps = options.git
    ? [`Push the branch: ${shellCommand('git', 'push', '-u', 'origin', branch)}`, 'Open a pull request; the sponsor approves the CoP by approving it.']
    : [
        `Create a branch: ${shellCommand('git', 'switch', '-c', branch)}`,
        `Commit: ${shellCommand('git', 'add', ...written)} && ${shellCommand('git', 'commit', '-m', `Propose the ${answers.name} community of practice`)}`,
        'Push and open a pull request; the sponsor approves the CoP by approving it.',
      ];
  nextSteps.push(`Once it is active: record meetings with \`cop log ${answers.id}\` (meetings/), what it produces or hands to a circle with \`cop output ${answers.id}\` (outputs/), and each goal review with \`cop review ${answers.id} --record\` (reviews/).`);
  if (options.format === 'json') {
    const json: NewResultJson = { id: answers.id, charter: charterFile, written, warnings: diagnostics, branch, committed: options.git === true, nextSteps };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    // Each step quotes data (the id, the name): one value each through the plain-text layer.
    const updatedText = updated.length > 0 ? ` Updated ${escapeTerminal(updated.join(', '))} (generated from the data).` : '';
    io.stdout(`Wrote ${escapeTerminal(newFiles.join(', '))}.${updatedText}${options.git ? ` Committed them on branch ${escapeTerminal(branch)}.` : ''}\n\nNext:\n${nextSteps.map((s, i) => `  ${i + 1}. ${escapeTerminal(s)}`).join('\n')}\n`);
  }
  return EXIT.ok;
}

function refuseExisting(root: string, id: string, io: Io): number {
  io.stderr(`cop: ${escapeTerminal(join(root, COPS_DIR, id))} exists already: \`cop new\` never overwrites a CoP. Choose another id.\n`);
  return EXIT.findings;
}

/**
 * Creates cops/<id>/ with the charter, meetings/.gitkeep and outputs/.gitkeep (the two folders
 * its records go in), built under a temporary name and
 * renamed into place (a crash leaves nothing that blocks a retry), then writes people.yaml when
 * people were added (`peopleBefore`: the text read, checked before the rename). Returns the paths
 * written, or undefined when the folder exists.
 */
function writeNewCop(root: string, id: string, pending: readonly PendingFile[], peopleBefore: string | undefined): string[] | undefined {
  const copDir = join(root, COPS_DIR, id);
  const building = temporaryName(copDir);
  const remove = trackTemporary(building);
  const written: string[] = [];
  try {
    mkdirSync(building, { recursive: true });
    for (const p of pending.filter((x) => x.kind === 'charter')) {
      writeFileSync(join(building, 'charter.yaml'), p.text, { flag: 'wx' });
      written.push(p.file);
    }
    for (const { folder } of RECORD_FOLDERS) {
      mkdirSync(join(building, folder), { recursive: true });
      writeFileSync(join(building, folder, '.gitkeep'), '', { flag: 'wx' });
      written.push(`${COPS_DIR}/${id}/${folder}/.gitkeep`);
    }
    renameSync(building, copDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTEMPTY') return undefined;
    throw writeFailure(copDir, error);
  } finally {
    remove();
  }
  for (const p of pending.filter((x) => x.kind === 'people')) {
    try {
      replaceFileAtomic(join(root, p.file), p.text, peopleBefore);
    } catch (error) {
      rmSync(copDir, { recursive: true, force: true }); // all or nothing: the CoP needs its new people
      throw error;
    }
    written.push(p.file);
  }
  return written;
}

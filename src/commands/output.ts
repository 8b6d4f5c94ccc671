/**
 * `cop output <cop>`: record an output as cops/<cop>/outputs/<date>-<slug>.yaml, from prompts on a
 * terminal or from flags / `--from`; checked like `cop check` before it is written, through the
 * same writer and generated-files update as `cop log`.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import { unknownCop } from '../core/suggest.js';
import type { Io } from '../core/terminal.js';
import { askOutput } from '../interactive/output-flow.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { circlesOf } from '../model/output.js';
import { shellCommand } from '../output/shell.js';
import { escapeTerminal } from '../output/terminal.js';
import { completeOutput, outputInput } from '../scaffold/input.js';
import { copWarning } from '../scaffold/meeting.js';
import { buildOutput, outputFileName, outputProblems, type OutputAnswers, type OutputContext } from '../scaffold/output.js';
import { verifyPending } from '../scaffold/verify.js';
import { outputYaml } from '../scaffold/yaml.js';
import { sharedValidator } from '../schema/validator.js';
import { COPS_DIR } from '../workspace/root.js';
import { charters, personIndex } from '../workspace/workspace.js';
import { createFileAtomic, FileExistsError } from '../workspace/write.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';
import { defaultPrompter, failScripted, isInteractive, readAnswersFile, reportChecks, schemaRef, updateGeneratedFiles, withPrompts, type PrompterFactory, type ScaffoldOptions } from './scaffold-shell.js';

export interface OutputOptions extends DataOptions, ScaffoldOptions {
  date?: string;
  title?: string;
  kind?: string;
  audience?: string;
  author?: string[];
  goal?: string[];
  hours?: string[];
  url?: string;
  meeting?: string;
  handoffTo?: string;
  cost?: string[];
  notes?: string;
}

/**
 * `cop output --format json` prints one object:
 * `{ "cop": string, "file": "cops/<cop>/outputs/<date>-<slug>.yaml", "output": Output (as written),
 *    "warnings": Diagnostic[] (what `cop check` warns about in the new file) }`.
 */
export interface OutputResultJson {
  cop: string;
  file: string;
  output: unknown;
  warnings: Diagnostic[];
}

export async function recordOutput(copId: string, options: OutputOptions, io: Io, prompter: PrompterFactory = defaultPrompter): Promise<number> {
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
    kind: options.kind,
    audience: options.audience,
    authors: options.author?.join(','),
    goals: options.goal,
    hours: options.hours,
    url: options.url,
    meeting: options.meeting,
    handoff_to: options.handoffTo,
    costs: options.cost,
    notes: options.notes,
  };
  const input = outputInput(file, flags);
  const ctx: OutputContext = { charter: cop.charter, people: personIndex(ws), asOf: context.asOf, circles: circlesOf(ws.config) };

  let answers: OutputAnswers;
  if (isInteractive(options, io)) {
    if (input.problems.length) failScripted('output', input.problems);
    const prompts = await withPrompts(io, async () => askOutput(await prompter(io), { ...ctx, initial: input.partial }));
    if (!prompts.ok) return prompts.exitCode;
    answers = prompts.value;
  } else {
    const { answers: complete, missing } = completeOutput(input.partial, context.asOf);
    answers = complete;
    const problems = [...input.problems, ...missing];
    if (problems.length) failScripted('output', problems);
  }
  const problems = outputProblems(answers, ctx);
  if (problems.length) failScripted('output', problems);

  const output = buildOutput(answers);
  const dir = join(root, COPS_DIR, copId, 'outputs');
  const taken = new Set(existsSync(dir) ? readdirSync(dir) : []);
  for (;;) {
    const name = outputFileName(output.date, output.title, taken);
    const rel = `${COPS_DIR}/${copId}/outputs/${name}`;
    const text = outputYaml(output, schemaRef(root, rel, 'output'), cop.charter.name);
    const diagnostics = await verifyPending(ws, [{ file: rel, kind: 'output', text }], sharedValidator(), context.asOf);
    if (reportChecks(diagnostics, root, options, io)) {
      io.stderr('cop: the output would not pass `cop check` (above); nothing was written.\n');
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
    await updateGeneratedFiles(ws, [{ file: rel, kind: 'output', text }], context, io);
    if (options.format === 'json') {
      const json: OutputResultJson = { cop: copId, file: rel, output, warnings: diagnostics };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      const commit = `${shellCommand('git', 'add', rel)} && ${shellCommand('git', 'commit', '-m', `Record the ${cop.charter.name} output "${output.title}"`)}`;
      io.stdout(`Wrote ${escapeTerminal(rel)}.\n\nNext: commit it (${escapeTerminal(commit)}) and open a pull request.\n`);
    }
    return EXIT.ok;
  }
}

/**
 * `cop output <cop>`: record an output as cops/<cop>/outputs/<date>-<slug>.yaml, from prompts on a
 * terminal or from flags / `--from`; checked like `cop check` before it is written, through the
 * same writer and generated-files update as `cop log`.
 */
import { EXIT } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { askOutput } from '../interactive/output-flow.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { circlesOf } from '../model/output.js';
import { completeOutput, outputInput } from '../scaffold/input.js';
import { buildOutput, outputFileName, outputProblems, type OutputContext } from '../scaffold/output.js';
import { outputYaml } from '../scaffold/yaml.js';
import { personIndex } from '../workspace/workspace.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';
import { printRecordWritten, recordAnswers, recordCop, writeRecord } from './record-shell.js';
import { defaultPrompter, failScripted, readAnswersFile, schemaRef, type PrompterFactory, type ScaffoldOptions } from './scaffold-shell.js';

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
  const cop = recordCop(ws, copId, io);

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
  const answers = await recordAnswers(
    'output',
    options,
    io,
    input,
    async () => askOutput(await prompter(io), { ...ctx, initial: input.partial }),
    () => completeOutput(input.partial, context.asOf),
  );
  if (!answers.ok) return answers.exitCode;
  const problems = outputProblems(answers.value, ctx);
  if (problems.length) failScripted('output', problems);

  const output = buildOutput(answers.value);
  const written = await writeRecord(ws, context, options, io, {
    copId,
    folder: 'outputs',
    kind: 'output',
    what: 'the output',
    name: (taken) => outputFileName(output.date, output.title, taken),
    text: (rel) => outputYaml(output, schemaRef(context.root, rel, 'output'), cop.charter.name),
  });
  if (!written.ok) return written.exitCode;
  const json: OutputResultJson = { cop: copId, file: written.file, output, warnings: written.warnings };
  printRecordWritten(io, options, written.file, json, `Record the ${cop.charter.name} output "${output.title}"`);
  return EXIT.ok;
}

/**
 * `cop init [DIR]`: set up a data root for a new organisation, and the files around it that make
 * pull requests the approval (workflow, CODEOWNERS, pull-request template, pre-commit, package.json).
 * Never overwrites: every file that exists is left alone, so a second run changes nothing.
 */
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { mergeCodeowners, planCodeowners } from '../codeowners/codeowners.js';
import { today } from '../core/dates.js';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { askInit } from '../interactive/init-flow.js';
import { checkCurrency, initDefaults, initProblems, normaliseCurrency, parsePersonSpec, PLACEHOLDER_CTO, type InitAnswers, type Leader, type Membership } from '../init/answers.js';
import { addDevDependency, configYaml, extendGitignore, gitignoreLines, newGitignore, newPackageJson, PACKAGE, peopleYaml, preCommitConfig, pullRequestTemplate, workflowYaml, type FileEdit } from '../init/files.js';
import { DEFAULT_POLICY } from '../model/policy.js';
import { toolVersion } from '../core/version.js';
import { DEFAULT_OUT } from '../site/write.js';
import { CACHE_FILE_NAME, DEFAULT_CACHE_FOLDER } from '../workspace/check-cache.js';
import { loadWorkspace } from '../workspace/load.js';
import { readGuarded, readScope } from '../workspace/read.js';
import { CODEOWNERS_PATH, findRepositoryRoot, WORKFLOWS_DIR } from '../workspace/repository.js';
import { CONFIG_FILE, COPS_DIR, PEOPLE_FILE } from '../workspace/root.js';
import { createFileAtomic, FileExistsError, pathTaken, replaceFileAtomic } from '../workspace/write.js';
import { defaultPrompter, failScripted, isInteractive, schemaRef, withPrompts, type PrompterFactory, type ScaffoldOptions } from './scaffold-shell.js';

export interface InitOptions extends Omit<ScaffoldOptions, 'from'> {
  organisation?: string;
  currency?: string;
  year?: number;
  hours?: string;
  money?: string;
  cto?: string;
  approver?: string[];
  leader?: Leader;
  membership?: Membership;
}

/** `cop init --format json`: paths relative to the repository's top level (else DIR). */
export interface InitResultJson {
  root: string;
  repository: string | null;
  created: string[];
  changed: string[];
  unchanged: { file: string; reason: string }[];
  warnings: string[];
  nextSteps: string[];
}

const BRANCH_PROTECTION =
  'On GitHub, protect the default branch (Settings → Rules or Branches): require a pull request before merging and turn on "Require review from Code Owners". Without it CODEOWNERS only suggests reviewers, and a pull request can add a CoP without approval.';

export async function init(dirArg: string | undefined, options: InitOptions, io: Io, prompter: PrompterFactory = defaultPrompter): Promise<number> {
  const root = resolve(io.cwd, dirArg ?? '.');
  const repository = findRepositoryRoot(root);
  const top = repository ?? root;
  const prefix = slashes(relative(top, root)) ? `${slashes(relative(top, root))}/` : '';

  const defaults = initDefaults(basename(top), options.year ?? Number(today().slice(0, 4)));
  const { answers: scripted, problems } = fromFlags(defaults, options);
  let answers = scripted;
  if (isInteractive(options, io)) {
    if (problems.length) failScripted('init', problems);
    const prompts = await withPrompts(io, async () => askInit(await prompter(io), scripted));
    if (!prompts.ok) return prompts.exitCode;
    answers = prompts.value;
  }
  const all = [...problems, ...initProblems(answers)];
  if (all.length) failScripted('init', all);

  mkdirOrRefuse(root, dirArg ?? '.');
  const result: InitResultJson = { root: slashes(relative(io.cwd, root)) || '.', repository: repository ?? null, created: [], changed: [], unchanged: [], warnings: [], nextSteps: [] };
  const show = (path: string) => slashes(relative(top, path));
  const create = (path: string, text: () => string) => {
    if (pathTaken(path)) return void result.unchanged.push({ file: show(path), reason: 'exists' });
    try {
      createFileAtomic(path, text());
      result.created.push(show(path));
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      result.unchanged.push({ file: show(path), reason: 'exists' });
    }
  };

  create(join(root, CONFIG_FILE), () => configYaml(answers, schemaRef(root, CONFIG_FILE, 'config')));
  create(join(root, PEOPLE_FILE), () => peopleYaml(answers, schemaRef(root, PEOPLE_FILE, 'people')));
  if (pathTaken(join(root, COPS_DIR))) result.unchanged.push({ file: `${show(join(root, COPS_DIR))}/`, reason: 'exists' });
  else create(join(root, COPS_DIR, '.gitkeep'), () => '');
  create(join(top, WORKFLOWS_DIR, 'cop.yml'), () => workflowYaml(packageFile('.github/workflows/cop.yml'), prefix));
  create(join(top, '.github', 'pull_request_template.md'), () => pullRequestTemplate(packageFile('.github/pull_request_template.md'), DEFAULT_POLICY.min_members));
  create(join(top, '.pre-commit-config.yaml'), () => preCommitConfig(prefix));
  // An existing package.json or .gitignore is only extended; a link or an unreadable one is left alone.
  const changeNotes = new Map<string, string>();
  const createOrExtend = (path: string, fresh: () => string, extend: (text: string) => FileEdit, byHand: string, note: string) => {
    if (!pathTaken(path)) return create(path, fresh);
    const read = readGuarded(readScope(dirname(path)), path);
    if (!lstatSync(path).isFile() || !read.ok) return void result.unchanged.push({ file: show(path), reason: `${read.ok ? 'is a link' : read.message}: ${byHand}` });
    const edit = extend(read.text);
    if (edit.kind === 'unchanged') return void result.unchanged.push({ file: show(path), reason: edit.reason });
    replaceFileAtomic(path, edit.text, read.text);
    result.changed.push(show(path));
    changeNotes.set(show(path), note);
  };
  const version = toolVersion();
  createOrExtend(join(top, 'package.json'), () => newPackageJson(answers.organisation, version), (text) => addDevDependency(text, version),
    `add "${PACKAGE}": "${version}" to devDependencies by hand`, `added ${PACKAGE} to devDependencies`);
  const ignored = gitignoreLines(`${DEFAULT_CACHE_FOLDER}/${CACHE_FILE_NAME}`, DEFAULT_OUT);
  createOrExtend(join(top, '.gitignore'), () => newGitignore(ignored), (text) => extendGitignore(text, ignored),
    `add ${ignored.join(', ')} to it by hand`, 'added the lines it lacked');
  // CODEOWNERS from the data as it now is (files that were there already count).
  if (!pathTaken(join(top, CODEOWNERS_PATH))) {
    const { workspace } = await loadWorkspace(root);
    const plan = planCodeowners(workspace, today(), prefix);
    result.warnings.push(...plan.problems.map((p) => `${p.file}: ${p.message}`));
    create(join(top, CODEOWNERS_PATH), () => mergeCodeowners(undefined, plan.lines));
  } else {
    result.unchanged.push({ file: CODEOWNERS_PATH, reason: 'exists (`cop codeowners --write` updates its generated block)' });
  }

  const rootFlag = prefix ? ` --root ${prefix.slice(0, -1)}` : '';
  const placeholder = result.created.includes(show(join(root, PEOPLE_FILE))) && answers.cto.github === PLACEHOLDER_CTO.github;
  if (placeholder) {
    result.warnings.push(`people.yaml names a placeholder CTO (\`${PLACEHOLDER_CTO.id}\`, GitHub @${PLACEHOLDER_CTO.github}): \`cop check\` reports it as an error (rule no-placeholder) until the real person and handle are there (or run \`cop init --cto id:Name:handle\` in an empty folder).`);
  }
  result.nextSteps = [
    'npm install: installs cop and writes package-lock.json, which the workflow\'s `npm ci` needs.',
    ...(placeholder ? [`Replace the placeholder CTO in people.yaml (\`github: ${PLACEHOLDER_CTO.github}\`) with the real person's name and GitHub handle, then run \`npx --no cop codeowners --write${rootFlag}\`: until then \`npx --no cop check${rootFlag}\` fails.`] : []),
    `Commit everything and push (.gitignore keeps node_modules/ out). \`npx --no cop check${rootFlag}\` passes; \`npx --no cop new${rootFlag}\` proposes the first CoP.`,
    'Each CoP then keeps its meeting logs in cops/<id>/meetings/ (`cop log`), what it produces or hands to a circle in cops/<id>/outputs/ (`cop output`), and its recorded goal reviews in cops/<id>/reviews/ (`cop review <id> --record`).',
    BRANCH_PROTECTION,
  ];
  io.stdout(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : summary(result, changeNotes, root, top));
  return EXIT.ok;
}

function fromFlags(defaults: InitAnswers, o: InitOptions): { answers: InitAnswers; problems: string[] } {
  const problems: string[] = [];
  const person = (spec: string) => {
    const parsed = parsePersonSpec(spec);
    if (parsed.ok) return [parsed.person];
    problems.push(parsed.problem);
    return [];
  };
  const number = (text: string | undefined, fallback: number, flag: string) => {
    if (text === undefined) return fallback;
    if (!/^\d+(\.\d+)?$/.test(text.trim())) problems.push(`${flag} ${text}: expected a number, 0 or more.`);
    return Number(text);
  };
  const answers: InitAnswers = {
    ...defaults,
    ...(o.organisation !== undefined ? { organisation: o.organisation } : {}),
    ...(o.currency !== undefined ? { currency: checkCurrency(o.currency) === undefined ? normaliseCurrency(o.currency) : o.currency } : {}),
    hours: number(o.hours, defaults.hours, '--hours'),
    money: number(o.money, defaults.money, '--money'),
    cto: o.cto === undefined ? defaults.cto : (person(o.cto)[0] ?? defaults.cto),
    approvers: (o.approver ?? []).flatMap(person),
    ...(o.leader ? { leader: o.leader } : {}),
    ...(o.membership ? { membership: o.membership } : {}),
  };
  return { answers, problems };
}

function summary(r: InitResultJson, changeNotes: ReadonlyMap<string, string>, root: string, top: string): string {
  const out = [`cop init: ${root}${top !== root ? ` (in the git repository ${top})` : ''}`];
  if (r.created.length) out.push('Created:', ...r.created.map((f) => `  ${f}`));
  if (r.changed.length) out.push('Changed:', ...r.changed.map((f) => `  ${f} (${changeNotes.get(f)})`));
  if (r.unchanged.length) out.push('Left alone:', ...r.unchanged.map((u) => `  ${u.file}: ${u.reason}`));
  if (r.warnings.length) out.push('', 'Warnings:', ...r.warnings.map((w) => `  - ${w}`));
  out.push('', 'Next:', ...r.nextSteps.map((s, i) => `  ${i + 1}. ${s}`));
  return `${out.join('\n')}\n`;
}

/** A file of this package (beside dist/ and src/), such as its own workflow. */
function packageFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

function mkdirOrRefuse(root: string, shown: string): void {
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw new UsageError(`${shown}: cannot create the folder (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (!lstatSync(root).isDirectory()) throw new UsageError(`${shown} is not a folder.`);
}

const slashes = (path: string) => path.split(sep).join('/');

/**
 * Every `$ cop …` example in every command's `--help` runs successfully on the bundled
 * organisation: each on a fresh copy of it (config, people, cops/ and the answer files of
 * docs/examples/ and a generated .github/CODEOWNERS), in a git repository whose `main` is also
 * `origin/main` and tagged v1.0 and v1.1 (the refs the examples name), with today's date fixed at AS_OF.
 *
 * The rule for examples that need a person at a terminal (INTERACTIVE): run as in CI, with stdin
 * not a terminal, they must fail cleanly (exit 2, no stack trace, saying what is missing), never
 * hang waiting for input. Examples whose documented purpose is a non-zero exit are listed with
 * that code and why (EXPECTED_EXIT). Every other example must exit 0 with no internal error.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation, memoryIo } from '../helpers/org-copy.js';

/** Examples that only make sense at a terminal (they prompt). */
const INTERACTIVE = new Set(['cop new', 'cop log aws', 'cop output aws']);

/** Examples whose point is a non-zero exit code on the bundled organisation. */
const EXPECTED_EXIT = new Map([
  // The bundled organisation's mobile CoP is flagged: the example shows CI failing on it.
  ['cop health --fail-on flagged', 1],
  // The bundled organisation commits no generated READMEs: the CI check fails until `cop readme --write` has run.
  ['cop readme --check', 1],
]);

/** `$ cop …` lines of a help text, continuation lines (ending in `\`) joined, descriptions dropped. */
function examplesOf(help: string): string[] {
  const lines = help.split('\n');
  const examples: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = /^\s*\$ (cop\b.*)$/.exec(lines[i]!);
    if (!start) continue;
    let text = start[1]!;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    examples.push(commandPart(text));
  }
  return examples;
}

/** The command without its description: up to the first run of two or more spaces outside quotes. */
function commandPart(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ' ' && text[i + 1] === ' ') {
      return text.slice(0, i);
    }
  }
  return text;
}

/** Shell words (quotes removed); an output redirection (`> file`, `>> file`) is dropped: the test reads stdout. */
function argvOf(command: string): string[] {
  const words: string[] = [];
  // A word runs until unquoted white space; quoted parts join the word they touch (`a:"b c":d` is one word).
  for (const m of command.matchAll(/(?:"[^"]*"|'[^']*'|[^\s"']+)+/g)) words.push(m[0].replace(/"([^"]*)"|'([^']*)'/g, '$1$2'));
  const argv: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (words[i] === '>' || words[i] === '>>') i++;
    else argv.push(words[i]!);
  }
  return argv;
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** The bundled organisation in a git repository, with the files and refs the examples name. */
function template(): string {
  const root = copyOrganisation();
  for (const file of ['answers.yaml', 'meeting.yaml']) cpSync(join(REPO_ROOT, 'docs', 'examples', file), join(root, file));
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', 'Example');
  git(root, 'config', 'user.email', 'example@example.invalid');
  // As in an organisation that set up CI: CODEOWNERS is generated and committed.
  const codeowners = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'cop.js'), 'codeowners', '--write', '--as-of', AS_OF], { cwd: root, encoding: 'utf8' });
  if (codeowners.status !== 0) throw new Error(`cop codeowners --write: ${codeowners.stderr}`);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'The bundled organisation');
  git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(root, 'tag', 'v1.0');
  git(root, 'tag', 'v1.1');
  return root;
}

describe('the examples in every --help', () => {
  let fixture: string;
  const examples: { command: string; from: string }[] = [];

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${AS_OF}T12:00:00`));
    fixture = template();
    const names = ['', ...(await buildProgram(memoryIo(REPO_ROOT, false), () => undefined)).commands.map((c) => c.name())];
    for (const name of names) {
      const help = await runInProcess(name ? [name, '--help'] : ['--help'], REPO_ROOT);
      for (const command of examplesOf(help.stdout)) examples.push({ command, from: name ? `cop ${name} --help` : 'cop --help' });
    }
  }, 300_000);
  afterAll(() => vi.useRealTimers());

  it('finds the examples of every command', async () => {
    const names = (await buildProgram(memoryIo(REPO_ROOT, false), () => undefined)).commands.map((c) => c.name());
    for (const name of names) expect(examples.some((e) => e.from === `cop ${name} --help`), `cop ${name} --help has no example`).toBe(true);
    expect(examples.length).toBeGreaterThan(names.length * 2);
  });

  it('runs each one (a fresh copy each time)', { timeout: 900_000 }, async () => {
    const failures: string[] = [];
    for (const { command, from } of examples) {
      const cwd = mkdtempSync(join(tmpdir(), 'cop-example-'));
      cpSync(fixture, cwd, { recursive: true });
      const result = await runInProcess(argvOf(command), cwd);
      const expected = INTERACTIVE.has(command) ? 2 : (EXPECTED_EXIT.get(command) ?? 0);
      const problem =
        result.status !== expected
          ? `exit ${result.status}, expected ${expected}`
          : /internal error|\n\s+at /.test(result.stderr)
            ? 'an internal error'
            : INTERACTIVE.has(command) && !/missing|terminal/i.test(result.stderr)
              ? 'no word on what is missing without a terminal'
              : undefined;
      if (problem) failures.push(`${from}: \`${command}\`: ${problem}\n${result.stderr.trim()}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('reading examples out of a help text', () => {
  it('joins continued lines, drops descriptions and redirections, keeps quoted words whole', () => {
    const help = `Examples:
  $ cop check                          check the whole data root
  $ cop report --month 2026-10 --format markdown > report.md
  $ cop dissolve mobile --reason not-strategic \\
      --note "Mobile work  moved."
  $ cop init --cto priya.raman:"Priya Raman":priya-raman
Exit codes: 0.`;
    const found = examplesOf(help);
    expect(found).toEqual(['cop check', 'cop report --month 2026-10 --format markdown > report.md', 'cop dissolve mobile --reason not-strategic --note "Mobile work  moved."', 'cop init --cto priya.raman:"Priya Raman":priya-raman']);
    expect(argvOf(found[1]!)).toEqual(['report', '--month', '2026-10', '--format', 'markdown']);
    expect(argvOf(found[2]!)).toEqual(['dissolve', 'mobile', '--reason', 'not-strategic', '--note', 'Mobile work  moved.']);
    expect(argvOf(found[3]!)).toEqual(['init', '--cto', 'priya.raman:Priya Raman:priya-raman']);
  });
});

/**
 * Issue #22 row 7: names, titles and keys that hold escape sequences, line breaks and workflow
 * commands reach `cop ls`, `cop show`, `cop diff` and `cop check` as visible text: no control
 * character but the SGR colours (and OSC 8 links) cop adds itself, no line that begins with `::`.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/core/terminal.js';
import { terminalLines, yamlQuoted } from '../helpers/hostile.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

/** As YAML double-quoted text: a clipboard write (OSC 52), hidden text, a disguised OSC 8 link, a CR, a right-to-left override, then a line feed and a workflow command. */
const HOSTILE = String.raw`\e]52;c;ZXZpbA==\a\e[8mhidden\e[0m\e]8;;https://evil.example\e\\click\e]8;;\e\\\rforged\u202E\n::warning::pwned`;
// The same as `escapeTerminal` shows it (the LF is followed by `::`, so its first colon is escaped too).
const SHOWN = String.raw`\u001B]52;c;ZXZpbA==\u0007\u001B[8mhidden\u001B[0m\u001B]8;;https://evil.example\u001B\click\u001B]8;;\u001B\\u000Dforged\u202E\u000A\u003A:warning::pwned`;

// eslint-disable-next-line no-control-regex
const OWN_SEQUENCES = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0000-\u001f;]*;[^\u0000-\u001f]*(?:\u0007|\u001b\\)/g;

/** What is wrong with `text` as terminal output: a control character that is not cop's SGR or OSC 8, a bidi control, a `::` line, data's hidden-text SGR. */
function problems(text: string): string[] {
  const found: string[] = [];
  // eslint-disable-next-line no-control-regex
  const stray = text.replace(OWN_SEQUENCES, '').match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g);
  if (stray) found.push(`control characters ${JSON.stringify([...new Set(stray)])}`);
  const commands = text.replace(OWN_SEQUENCES, '').split('\n').filter((line) => /^\s*::/.test(line));
  if (commands.length) found.push(`workflow command lines ${JSON.stringify(commands)}`);
  // A well-formed SGR from data passes the output edge's guard: only the renderer can show it.
  if (text.includes('\u001b[8m')) found.push('the data’s hidden-text SGR');
  return found;
}

async function run(args: string[], cwd: string, color: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: color ? { FORCE_COLOR: '1', COLUMNS: '100' } : { NO_COLOR: '1' }, cwd, stdoutIsTTY: false, stdinIsTTY: false };
  const status = await main(['node', 'cop', ...args], io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** Replaces `from` with `to` in a file of the organisation, checking that it was there. */
function edit(root: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(root, file), 'utf8');
  expect(text, file).toContain(from);
  writeFileSync(join(root, file), text.replace(from, to));
}

let root: string;
let broken: string;

beforeAll(() => {
  root = copyOrganisation();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '--quiet', '--initial-branch=main');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '--allow-empty', '-m', 'empty');
  git('add', '--all');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'the organisation');
  // After the commit, so that `cop diff` has them as changes.
  edit(root, 'cops/aws/charter.yaml', 'name: AWS\n', `name: "AWS${HOSTILE}"\n`);
  edit(root, 'cops/mobile/charter.yaml', 'name: Mobile Development\n', `name: "Mobile${HOSTILE}"\n`);
  edit(root, 'people.yaml', '    name: Marcus Webb\n', `    name: "Marcus${HOSTILE}"\n`);
  const meetings = readdirSync(join(root, 'cops/aws/meetings')).sort();
  edit(root, `cops/aws/meetings/${meetings.at(-1)}`, 'title: "Clinic: DynamoDB single-table design"', `title: "Clinic${HOSTILE}"`);

  broken = copyOrganisation();
  appendFileSync(join(broken, 'cops/aws/charter.yaml'), `"x${HOSTILE}": 1\n`);
});

describe.each([false, true])('hostile data in the terminal outputs (colour %s)', (color) => {
  it('cop ls shows the hostile name escaped', async () => {
    const result = await run(['ls', '--as-of', AS_OF], root, color);
    expect(result.stderr).toBe('');
    expect(problems(result.stdout)).toEqual([]);
    expect(result.stdout.replace(OWN_SEQUENCES, '').replace(/\s+/g, '')).toContain(SHOWN.replace(/\s+/g, ''));
  });

  it('cop show shows the name, a person and a meeting title escaped', async () => {
    const result = await run(['show', 'aws', '--as-of', AS_OF], root, color);
    expect(result.stderr).toBe('');
    expect(problems(result.stdout)).toEqual([]);
    const plain = result.stdout.replace(OWN_SEQUENCES, '');
    expect(plain).toContain(`AWS${SHOWN}`);
    expect(plain).toContain(`Clinic${SHOWN}`);
  });

  it('cop diff (text) shows the changed name and the person escaped', async () => {
    const result = await run(['diff', '--base', 'main'], root, color);
    expect(problems(result.stdout + result.stderr)).toEqual([]);
    expect(result.stdout.replace(OWN_SEQUENCES, '')).toContain(`marcus.webb: name Marcus Webb → Marcus${SHOWN}`);
  });

  it('cop check (stylish) reports the key on the finding’s own line, with no workflow command', async () => {
    const result = await run(['check', '--as-of', AS_OF], broken, color);
    expect(result.status).toBe(1);
    expect(problems(result.stdout)).toEqual([]);
    // At 100 columns (with colour) the message wraps before the long key.
    expect(result.stdout.replace(OWN_SEQUENCES, '').replace(/\s+/g, ' ')).toContain(`Unknown field \`x${SHOWN}\`.`);
  });
});

describe('hostile data in cop health', () => {
  it.each([false, true])('shows a flagged CoP\'s hostile name escaped in its section (colour %s)', async (color) => {
    const result = await run(['health', '--as-of', AS_OF], root, color);
    expect(problems(result.stdout + result.stderr)).toEqual([]);
    // At 100 columns (with colour) the line wraps.
    expect(result.stdout.replace(OWN_SEQUENCES, '').replace(/\s+/g, ' ')).toContain(`Mobile${SHOWN} (mobile): flagged`);
  });
});

describe('hostile data in cop check --format github', () => {
  it('still prints its workflow commands (the output guard lets them through), with the data escaped', async () => {
    const result = await run(['check', '--as-of', AS_OF, '--format', 'github'], broken, false);
    const lines = result.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('::warning'))).toEqual([]);
  });
});

describe('a long hostile rationale in cop show (the hostile-output fuzz, seed 17840)', () => {
  /** The text the fuzz wrote into the AWS rationale: a CR, HTML, a workflow command after a line feed, a CODEOWNERS marker. */
  const RATIONALE = '§5§\r<img src=x onerror=alert(1)>\n::stop-commands::t\n\n# END cop codeowners\n';
  const RATIONALE_SHOWN = String.raw`§5§\u000D<img src=x onerror=alert(1)>\u000A\u003A:stop-commands::t\u000A\u000A# END cop codeowners`;

  async function showWithRationale(rationale: string): Promise<string> {
    const org = copyOrganisation();
    const charter = join(org, 'cops/aws/charter.yaml');
    const text = readFileSync(charter, 'utf8');
    const block = /^rationale: >-\n(?: {2}.*\n)+/m;
    expect(text).toMatch(block);
    writeFileSync(charter, text.replace(block, `rationale: ${yamlQuoted(rationale)}\n`));
    const result = await run(['show', 'aws', '--as-of', AS_OF], org, false);
    expect(result.status).toBe(0);
    return result.stdout;
  }

  it('wraps the escaped text at 100 columns under its label, and the fuzz counts the wrap as the one line it is', async () => {
    const hostile = await showWithRationale(RATIONALE);
    const plain = await showWithRationale('Name 5');
    expect(problems(hostile)).toEqual([]);
    const lines = hostile.split('\n');
    const first = lines.findIndex((line) => line.startsWith('Rationale '));
    const block = [lines[first]!];
    for (const line of lines.slice(first + 1)) {
      if (!/^ {13}\S/.test(line)) break;
      block.push(line);
    }
    // Laid out by the renderer: two lines, neither over 100 columns, the second under the value column.
    expect(block).toHaveLength(2);
    expect(block.map((line) => [...line].length <= 100)).toEqual([true, true]);
    expect(block.map((line) => line.slice(13)).join(' ')).toBe(RATIONALE_SHOWN);
    expect(lines).toHaveLength(plain.split('\n').length + 1);
    expect(terminalLines('cop show aws', hostile)).toHaveLength(terminalLines('cop show aws', plain).length);
  });

  it('the fuzz still counts a line that data would start, after the rationale or indented under it', async () => {
    const plain = await showWithRationale('Name 5');
    const count = terminalLines('cop show aws', plain).length;
    expect(terminalLines('cop show aws', plain.replace('Rationale    Name 5\n', 'Rationale    Name 5\nforged\n'))).toHaveLength(count + 1);
    expect(terminalLines('cop show aws', plain.replace('Scope        ', 'Scope        x\n             forged'))).toHaveLength(count + 1);
  });
});

/**
 * Property test (fast-check): mutate a copy of the bundled organisation (bytes, YAML structure and
 * types, file-system shapes: FIFO, links in and out of the root, a folder in place of a file,
 * permission bits, size) and run `check`, `report`, `health` and `diff` on it through the built
 * CLI. Each must exit 0 or 1 (or 2 with a `cop:` message that is not an internal error), print no
 * stack trace, finish within its timeout, and leave every file as it was.
 *
 * `npm test` runs a few cases; `npm run fuzz` runs many (FUZZ_RUNS, default 200) from FUZZ_SEED.
 * As root, permission bits do not stop reads: that mutation then checks only that nothing breaks.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
// Generous: a hang never ends, and a shared CI runner can be slow.
const RUN_TIMEOUT_MS = 90_000;

/** The organisation committed once in a git repository (for `cop diff`); each case copies it. */
const template = (() => {
  const root = copyOrganisation();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=fuzz', '-c', 'user.email=fuzz@cop.invalid', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  return root;
})();

function dataFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && path.endsWith('.yaml')) out.push(path);
    }
  };
  walk('');
  return out.sort();
}
const FILES = dataFiles(template);

type Mutation =
  | { kind: 'bytes'; file: number; at: number; bytes: number[]; cut: number }
  | { kind: 'value'; file: number; path: number; value: unknown }
  | { kind: 'shape'; file: number; shape: 'fifo' | 'link-out' | 'link-in' | 'link-dev' | 'folder' | 'no-permission' | 'huge' | 'deep' };

const jsonValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: false }), fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('bytes' as const),
    file: fc.nat(),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }),
    cut: fc.nat({ max: 16 }),
  }),
  fc.record({ kind: fc.constant('value' as const), file: fc.nat(), path: fc.nat(), value: jsonValue }),
  fc.record({
    kind: fc.constant('shape' as const),
    file: fc.nat(),
    shape: fc.constantFrom('fifo' as const, 'link-out' as const, 'link-in' as const, 'link-dev' as const, 'folder' as const, 'no-permission' as const, 'huge' as const, 'deep' as const),
  }),
);

/** Sets the `path`-th scalar of the document (in document order) to `value`. */
function replaceValue(text: string, index: number, value: unknown): string {
  const doc = parseDocument(text);
  const paths: (string | number)[][] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    const json = node as { items?: { key?: { value?: unknown }; value?: unknown }[] };
    if (json && Array.isArray(json.items)) {
      json.items.forEach((item, i) => {
        const key = item.key === undefined ? i : (item.key?.value as string);
        paths.push([...path, key]);
        visit(item.key === undefined ? item : item.value, [...path, key]);
      });
    }
  };
  visit(doc.contents, []);
  if (paths.length === 0) return text;
  doc.setIn(paths[index % paths.length]!, value);
  return doc.toString();
}

function apply(root: string, m: Mutation): void {
  const file = FILES[m.file % FILES.length]!;
  const path = join(root, file);
  if (m.kind === 'bytes') {
    const bytes = readFileSync(path);
    const at = m.at % (bytes.length + 1);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at + m.cut)]));
  } else if (m.kind === 'value') {
    writeFileSync(path, replaceValue(readFileSync(path, 'utf8'), m.path, m.value));
  } else {
    rmSync(path);
    switch (m.shape) {
      case 'fifo':
        execFileSync('mkfifo', [path]);
        break;
      case 'link-out':
        symlinkSync('/etc/passwd', path);
        break;
      case 'link-dev':
        symlinkSync('/dev/zero', path);
        break;
      case 'link-in':
        symlinkSync(join(root, FILES[(m.file + 1) % FILES.length]!), path);
        break;
      case 'folder':
        mkdirSync(path);
        break;
      case 'no-permission':
        writeFileSync(path, readFileSync(join(template, file)));
        chmodSync(path, 0);
        break;
      case 'huge':
        writeFileSync(path, `notes: "${'x'.repeat(1_100_000)}"\n`);
        break;
      case 'deep':
        writeFileSync(path, `notes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
        break;
    }
  }
}

/** Every entry under the root but .git: its type, mode, and content or link target. */
function fingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      if (name === '.git') continue;
      const path = rel ? `${rel}/${name}` : name;
      const info = lstatSync(join(root, path));
      hash.update(`${path} ${info.mode}\n`);
      if (info.isSymbolicLink()) hash.update(readlinkSync(join(root, path)));
      else if (info.isDirectory()) walk(path);
      else if (info.isFile()) hash.update(readFileSync(join(root, path)));
    }
  };
  walk('');
  return hash.digest('hex');
}

interface Run {
  args: string[];
  status: number | null;
  timedOut: boolean;
  output: string;
}

function run(root: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, '--root', root], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ args, status, timedOut, output });
    });
  });
}

const COMMANDS = [['check', '--as-of', AS_OF], ['report', '--as-of', AS_OF], ['health', '--as-of', AS_OF], ['diff', '--base', 'main']];

describe('fuzz: mutated organisations never hang, crash or change a file', () => {
  it(
    `holds for ${RUNS} mutated organisations`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const root = mkdtempSync(join(tmpdir(), 'cop-fuzz-'));
          cpSync(template, root, { recursive: true });
          for (const m of mutations) {
            try {
              apply(root, m);
            } catch {
              // A mutation that does not apply (the file is already a FIFO or a folder): skip it.
            }
          }
          const before = fingerprint(root);
          const runs = await Promise.all(COMMANDS.map((args) => run(root, args)));
          for (const r of runs) {
            const where = `cop ${r.args[0]} after ${JSON.stringify(mutations)}:\n${r.output.slice(0, 2000)}`;
            expect(r.timedOut, where).toBe(false);
            expect([0, 1, 2], where).toContain(r.status);
            if (r.status === 2) expect(r.output, where).toMatch(/^cop: |\ncop: /);
            expect(r.output, where).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/);
          }
          expect(fingerprint(root), `files changed after ${JSON.stringify(mutations)}`).toBe(before);
          rmSync(root, { recursive: true, force: true });
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
      );
    },
    RUNS * 4 * RUN_TIMEOUT_MS,
  );
});

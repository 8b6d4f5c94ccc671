/**
 * The fast first parse (js-yaml) must never change a result: whenever it answers, its answer must
 * equal the exact path's (`yaml`), data and findings alike. Checked over the bundled organisation,
 * the same files with injected errors, a corpus of awkward rewrites of them, and seeded random
 * mutations.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse as parseWithYaml } from 'yaml';
import { sharedValidator, type SchemaKind } from '../../src/schema/validator.js';
import { CORE_1_2, DOUBTFUL_ON_LINES, fastParse, matchesOnLinesWith } from '../../src/workspace/fast-parse.js';
import { MAX_DEPTH } from '../../src/workspace/yaml-parse.js';
import { parseExactly, type DataFile } from '../../src/workspace/parse.js';
import { REPO_ROOT } from '../helpers/cli.js';

const validate = sharedValidator();

interface Sample extends DataFile {
  text: string;
  /** How the text was made, for the failure message. */
  how: string;
}

function bundledFiles(): Sample[] {
  const files: Sample[] = [];
  const add = (file: string, kind: SchemaKind) => files.push({ file, kind, text: readFileSync(join(REPO_ROOT, file), 'utf8'), how: 'as bundled' });
  add('cop.config.yaml', 'config');
  add('people.yaml', 'people');
  for (const id of readdirSync(join(REPO_ROOT, 'cops')).sort()) {
    if (!statSync(join(REPO_ROOT, 'cops', id)).isDirectory()) continue;
    add(`cops/${id}/charter.yaml`, 'charter');
    const meetings = join(REPO_ROOT, 'cops', id, 'meetings');
    if (existsSync(meetings)) for (const name of readdirSync(meetings).sort()) add(`cops/${id}/meetings/${name}`, 'meeting');
  }
  return files;
}

/** Rewrites that keep the meaning in YAML 1.2 (or change it in ways both parsers must see alike). */
const REWRITES: [string, (text: string) => string][] = [
  ['CRLF line endings', (t) => t.replaceAll('\n', '\r\n')],
  ['no final newline', (t) => t.replace(/\n+$/, '')],
  ['trailing spaces', (t) => t.replaceAll('\n', '   \n')],
  ['a document start marker', (t) => `---\n${t}`],
  ['a document end marker', (t) => `${t}...\n`],
  ['two documents', (t) => `${t}---\n${t}`],
  ['comments after values', (t) => t.replace(/^(\s*[a-z_]+: [^\n#"']+)$/gm, '$1 # a note')],
  ['a hash glued to a value', (t) => t.replace(/^(\s*title: [^\n"']+)$/gm, '$1#not-a-comment')],
  ['a comment glued to a quoted value', (t) => t.replace(/^(\s*title: "[^\n"]*")$/gm, '$1#c')],
  ['double-quoted strings', (t) => t.replace(/^(\s*(?:title|description|notes|name|subject): )([^\n"'>|][^\n]*)$/gm, (_, k, v) => `${k}${JSON.stringify(v)}`)],
  ['single-quoted strings', (t) => t.replace(/^(\s*(?:title|description|notes|name|subject): )([^\n"'>|][^\n]*)$/gm, (_, k, v) => `${k}'${String(v).replaceAll("'", "''")}'`)],
  ['quoted keys', (t) => t.replace(/^(\s*)([a-z_]+):/gm, '$1"$2":')],
  ['block lists as flow lists', (t) => t.replace(/:\n((?:\s+- [a-z.-]+\n)+)/g, (_, items: string) => `: [${items.trim().split('\n').map((l) => l.trim().slice(2)).join(', ')}]\n`)],
  ['flow lists as block lists', (t) => t.replace(/^(\s*)([a-z_]+): \[([^\]\n]*)\]$/gm, (_, ind: string, k, items: string) => `${ind}${k}:\n${items.split(',').map((i) => `${ind}  - ${i.trim()}`).join('\n')}`)],
  ['a flow list over two lines', (t) => t.replace(/\[([^,\]\n]+), /, '[$1,\n  ')],
  ['a flow list over two lines, under-indented', (t) => t.replace(/\[([^,\]\n]+), /, '[$1,\n')],
  ['unindented sequences', (t) => t.replace(/^(\s*)  - /gm, '$1- ')],
  ['deeper indentation', (t) => t.replace(/^( +)/gm, '$1$1')],
  ['tabs for indentation', (t) => t.replace(/^ {2}/gm, '\t')],
  ['literal block notes', (t) => t.replace(/^notes: (.*)$/m, 'notes: |\n  $1\n  second line\n')],
  ['folded block notes, kept newlines', (t) => t.replace(/^notes: (.*)$/m, 'notes: >+\n  $1\n\n  more\n\n')],
  ['block notes with an indentation indicator', (t) => t.replace(/^notes: (.*)$/m, 'notes: |2\n    $1\n')],
  ['block notes under-indented', (t) => t.replace(/^notes: (.*)$/m, 'notes: |\n$1\n')],
  ['a plain multi-line title', (t) => t.replace(/^title: ([^\n"']+) (\S+)$/m, 'title: $1\n  $2')],
  ['a double-quoted multi-line title with escapes', (t) => t.replace(/^title: .*$/m, 'title: "Caf\\u00e9 \\"club\\"\\t and\n  more \\x41\\\n  joined"')],
  ['a bad escape', (t) => t.replace(/^title: .*$/m, 'title: "bad \\q escape"')],
  ['duration in hex', (t) => t.replace(/duration_minutes: \d+/, 'duration_minutes: 0x3C')],
  ['duration in octal', (t) => t.replace(/duration_minutes: \d+/, 'duration_minutes: 0o74')],
  ['duration with a zero and a sign', (t) => t.replace(/duration_minutes: \d+/, 'duration_minutes: +060')],
  ['duration as a float', (t) => t.replace(/duration_minutes: \d+/, 'duration_minutes: 60.0')],
  ['duration in exponent form', (t) => t.replace(/duration_minutes: \d+/, 'duration_minutes: 6e1')],
  ['duration YAML 1.1 style', (t) => t.replace(/duration_minutes: \d+/, 'duration_minutes: 1_0')],
  ['duration in binary', (t) => t.replace(/duration_minutes: \d+/, 'duration_minutes: 0b111100')],
  ['amounts with a leading dot', (t) => t.replace(/amount: (\d+)\.(\d+)/g, 'amount: .$2')],
  ['amounts as infinity', (t) => t.replace(/amount: [\d.]+/, 'amount: .inf')],
  ['a quoted number', (t) => t.replace(/duration_minutes: (\d+)/, 'duration_minutes: "$1"')],
  ['a YAML 1.1 boolean', (t) => t.replace(/^title: .*$/m, 'title: yes')],
  ['a boolean title', (t) => t.replace(/^title: .*$/m, 'title: True')],
  ['a null title', (t) => t.replace(/^title: .*$/m, 'title: ~')],
  ['an empty title', (t) => t.replace(/^title: .*$/m, 'title:')],
  ['a date-time', (t) => t.replace(/^date: (.*)$/m, 'date: $1T10:00:00Z')],
  ['a duplicate key', (t) => `${t}title: again\n`],
  ['a duplicate key with another spelling', (t) => `${t}"title": again\n`],
  ['an anchor and an alias', (t) => t.replace(/^attendees:/m, 'attendees: &people').replace(/^topics:/m, 'topics: *people\nx_topics:')],
  ['a tag', (t) => t.replace(/^title: (.*)$/m, 'title: !!str $1')],
  ['an unknown tag', (t) => t.replace(/^title: (.*)$/m, 'title: !custom $1')],
  ['a directive', (t) => `%YAML 1.1\n---\n${t}`],
  ['an explicit key', (t) => t.replace(/^title: /m, '? title\n: ')],
  ['a null key', (t) => `${t}~: nothing\n`],
  ['an empty key', (t) => `${t}: nothing\n`],
  ['a flow mapping as a key', (t) => `${t}{a: 1}: x\n`],
  ['a long key', (t) => `${t}${'k'.repeat(1100)}: x\n`],
  ['a long value', (t) => t.replace(/^title: .*$/m, `title: ${'word '.repeat(300).trim()}`)],
  ['a byte-order mark', (t) => `\uFEFF${t}`],
  ['a NUL-free control character', (t) => t.replace(/^title: (.*)$/m, 'title: a\u0007b')],
  ['a line separator in a value', (t) => t.replace(/^title: (.*)$/m, 'title: a\u2028b')],
  ['a next-line character in a value', (t) => t.replace(/^title: (.*)$/m, 'title: a\u0085b')],
  ['a mapping in a mapping value on one line', (t) => t.replace(/^title: (.*)$/m, 'title: a: b')],
  ['a colon inside a plain value', (t) => t.replace(/^title: (.*)$/m, 'title: a:b and c :d')],
  ['a reserved indicator', (t) => t.replace(/^title: (.*)$/m, 'title: @home')],
  ['a flow list with a trailing comma', (t) => t.replace(/\[([^\]\n]+)\]/, '[$1,]')],
  ['an empty flow entry', (t) => t.replace(/\[([^\]\n]+)\]/, '[$1,,]')],
  ['a flow mapping value', (t) => t.replace(/^title: (.*)$/m, 'title: {a: 1}')],
  ['a wrong indentation', (t) => t.replace(/^(\s+)- /m, '$1 - ')],
  ['a list item under a scalar', (t) => t.replace(/^title: (.*)$/m, 'title: $1\n  - x')],
  ['a lone key', (t) => `${t}lonely\n`],
  ['an injected schema error: a missing field', (t) => t.replace(/^(title|name|people):.*\n/m, '')],
  ['an injected schema error: an unknown field', (t) => `${t}colour: blue\n`],
  ['an injected schema error: a bad date', (t) => t.replace(/\b2026-(\d\d)-(\d\d)\b/, '2026-02-30')],
  ['an injected schema error: a bad enum', (t) => t.replace(/^format: .*$/m, 'format: chat').replace(/^status: .*$/m, 'status: sleeping')],
  ['empty', () => ''],
  ['only a comment', () => '# nothing here\n'],
  ['a scalar document', () => 'just text\n'],
  ['a list document', () => '- a\n- b\n'],
];

/** sfc32: a small seeded generator, so a failing mutation can be replayed. */
function random(seed: number): () => number {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  };
}

const MUTATION_PIECES = [' ', '  ', '\n', '\n  ', ':', ': ', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&a ', '*a', '!', '%', '?', '~', '\t', '\r', '0', '.5', 'x'];

/** Seeded random edits of a valid file: insert, delete or replace a few characters. */
function mutations(sample: Sample, count: number, seed: number): Sample[] {
  const next = random(seed);
  const out: Sample[] = [];
  for (let n = 0; n < count; n++) {
    let text = sample.text;
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * (text.length + 1));
      const piece = MUTATION_PIECES[Math.floor(next() * MUTATION_PIECES.length)]!;
      const op = next();
      text = op < 0.4 ? text.slice(0, at) + piece + text.slice(at) : op < 0.7 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3)) : text.slice(0, at) + piece + text.slice(at + piece.length);
    }
    out.push({ ...sample, text, how: `mutation ${n} of seed ${seed}` });
  }
  return out;
}

/** Every sample the fast path answered for, with both answers. */
function compare(samples: readonly Sample[]): { answered: number; differences: string[] } {
  let answered = 0;
  const differences: string[] = [];
  for (const sample of samples) {
    const fast = fastParse(sample, sample.text, validate);
    if (!fast) continue;
    answered++;
    const exact = parseExactly(sample, sample.text, validate);
    try {
      expect(fast).toStrictEqual(exact);
    } catch {
      differences.push(`${sample.file} (${sample.how}): fast ${JSON.stringify(fast).slice(0, 300)}\n  exact ${JSON.stringify(exact).slice(0, 300)}\n  text ${JSON.stringify(sample.text.slice(0, 400))}`);
    }
  }
  return { answered, differences };
}

describe('the fast first parse', () => {
  const bundled = bundledFiles();

  it('answers for almost every bundled file, with exactly what the exact path gives', () => {
    const { answered, differences } = compare(bundled);
    expect(differences).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(bundled.length * 0.9);
  }, 60_000);

  it('gives way to the exact path, or agrees with it, on awkward rewrites and injected errors', () => {
    const samples = bundled.flatMap((sample) => REWRITES.map(([how, rewrite]) => ({ ...sample, text: rewrite(sample.text), how })));
    const { answered, differences } = compare(samples);
    expect(differences).toEqual([]);
    // Many rewrites keep files valid, and those the fast path should still answer.
    expect(answered).toBeGreaterThan(bundled.length * 5);
  }, 180_000);

  it('gives way to the exact path, or agrees with it, on seeded random mutations', () => {
    const samples = bundled.flatMap((sample, i) => mutations(sample, 40, i + 1));
    const { answered, differences } = compare(samples);
    expect(differences).toEqual([]);
    expect(answered).toBeGreaterThan(0);
  }, 180_000);

  it("reads every plain scalar as the `yaml` package's core schema does", () => {
    const scalars = ['', '~', 'null', 'Null', 'NULL', 'nULL', 'nil', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', 't', 'f', 'x', 'ana.lima'];
    const numbers = ['0', '-0', '+0', '007', '-12', '+12', '0o17', '0o8', '-0o17', '0x1F', '0x1f', '0X1F', '0xg', '-0x1F', '1_000', '0b101', '.5', '-.5', '+.5', '5.', '-5.', '1e3', '1E-3', '.1e+2', '1.5e3', '1.5e', 'e3', '.inf', '-.Inf', '+.INF', '.Inf', 'inf', '.nan', '.NaN', '.NAN', '-.nan', '.nAn', '12:30', '2026-10-14', '1.2.3', '+', '.', '.e1', '0.', '00.5'];
    for (const text of [...scalars, ...numbers]) {
      expect(jsyaml.load(`v: ${text}\n`, { schema: CORE_1_2 }), text).toStrictEqual(parseWithYaml(`v: ${text}\n`));
    }
  });

  it('finds the doubts it looks for on some lines only exactly where they are in the whole text', () => {
    const tricky = [
      ': x\n', 'a: 1\n: x\n', '- : x\n', '  -  - : x\n', '{a: 1, : 2}\n', '[a, : 2]\n', 'a: {\n: 2}\n', 'a: [1,\n  : 2]\n', 'null: x\n', 'a:\n  ~: x\n',
      'a: b ~: c\n', 'Null:\n', 'a: tell: me\n', 'url: x\n', 'a:\u2028: x\n', 'a: x\r\n: y\r\n', 'a: "x\n  y"\n', 'a: "x" "y\n', 'a: ["x", "y\n  z"]\n',
      'a: "x\\"\n', 'a: "x\\\n  y"\n', '"a\u2028b"\n', 'a: x"y\n', 'a: {"b\n', 'a: [x,"y\n', 'a: ["y\n', 't: "a" # "b\n', ':', '"', '-', '',
    ];
    const samples = [...bundled.map((sample) => sample.text), ...tricky, ...bundled.flatMap((sample, i) => mutations(sample, 40, i + 1)).map((sample) => sample.text)];
    for (const [char, after, pattern] of DOUBTFUL_ON_LINES) {
      const differing = samples.filter((text) => matchesOnLinesWith(text, char, after, pattern) !== pattern.test(text));
      expect(differing, char).toEqual([]);
      // Both answers occur: the test is not vacuous.
      expect(new Set(samples.map((text) => pattern.test(text))), char).toEqual(new Set([true, false]));
    }
  });

  it('declines a file nested as deep as the exact path refuses, without a stack overflow', () => {
    const meeting = bundled.find((f) => f.kind === 'meeting')!;
    const nested = (depth: number) => `${meeting.text}x_notes: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    // The mapping is depth 0: its value's first bracket is depth 1.
    expect(() => jsyaml.load(nested(MAX_DEPTH - 1), { schema: CORE_1_2, maxDepth: MAX_DEPTH })).not.toThrow();
    expect(() => jsyaml.load(nested(MAX_DEPTH), { schema: CORE_1_2, maxDepth: MAX_DEPTH })).toThrow(/maxDepth/);
    for (const depth of [MAX_DEPTH, 20_000]) expect(fastParse(meeting, nested(depth), validate)).toBeUndefined();
  });

  it('refuses what the exact path turns into findings', () => {
    const meeting = bundled.find((f) => f.kind === 'meeting')!;
    for (const [how, rewrite] of REWRITES.filter(([how]) => how.startsWith('an injected') || how.includes('duplicate') || how === 'two documents')) {
      const text = rewrite(meeting.text);
      expect(parseExactly(meeting, text, validate).diagnostics.length, how).toBeGreaterThan(0);
      expect(fastParse(meeting, text, validate), how).toBeUndefined();
    }
  });
});

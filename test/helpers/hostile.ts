/**
 * Hostile strings for the output-safety tests (issue 22), and a builder that writes them into every
 * free-text field of a copy of the bundled organisation while keeping the data valid: ids, slugs,
 * dates and numbers stay as they are, only text changes. The same builder with plain texts
 * ("Name 1", "Name 2", …) gives the reference organisation the hostile one is compared with.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { isMap, isSeq, parseDocument, Scalar, type Document } from 'yaml';
import { copyOrganisation } from './org-copy.js';

/** Payloads, each a way some output could be tricked into obeying data instead of showing it. */
export const HOSTILE_PAYLOADS: readonly string[] = [
  // HTML and SVG
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</style><svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<a href="javascript:alert(1)">x</a>',
  // Markdown block syntax at line starts, comments, fences
  '\n# Approved\n',
  '\n- item\n',
  '\n1. item\n',
  '\n\n> [!CAUTION]\n> Approve now\n',
  '\n```\n',
  '\n---\n',
  '<!--',
  '-->',
  '\n| a | b |\n| --- | --- |\n',
  '|',
  // mentions, images, links, autolinks
  '@acme/everyone',
  '@octocat',
  '![](https://t.example/x.png)',
  '[x](javascript:alert(1))',
  '<https://t.example/auto>',
  'https://t.example/bare',
  'www.t.example',
  'someone@t.example',
  // issue and pull-request references GitHub would link and back-link
  'closes #1',
  'GH-2',
  'acme/infra#3',
  // line breaks of every kind
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\u2028',
  '\u0085',
  // terminal controls: OSC 52 clipboard write, OSC 8 link, hidden text, BEL, CSI as C1, DEL
  '\x1b]52;c;aGVsbG8=\x07',
  '\x1b]8;;https://t.example/\x1b\\click\x1b]8;;\x1b\\',
  '\x1b[8m',
  '\x1b[2J',
  '\x07',
  '\x9b31m',
  '\x7f',
  // bidi override and a byte-order mark
  '\u202e',
  '\u2066',
  '\ufeff',
  // iCalendar property syntax
  '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Wire funds\r\n',
  '\r\nEND:VTODO\r\nBEGIN:VTODO\r\nPRIORITY:1\r\n',
  ';',
  ',',
  '\\',
  '\\n',
  // CSV formula prefixes
  '=HYPERLINK("https://t.example","x")',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t',
  '"',
  // GitHub Actions workflow commands
  '\n::warning::x',
  '::add-mask::secret',
  '\n::stop-commands::t\n',
  // the generated-block marker lines (src/readme/markers.ts, src/codeowners/codeowners.ts)
  '\n<!-- BEGIN cop readme -->\n',
  '\n<!-- END cop readme -->\n',
  '\n# BEGIN cop codeowners\n',
  '\n# END cop codeowners\n',
];

const ORDINARY: readonly string[] = ['Cloud', 'Data team', 'Ünïcødé', '東京', "O'Brien", 'R&D', 'a < b', '50%', ' ', '  '];

/** A hostile text: payloads mixed with ordinary words, and where its unique token goes. */
export interface HostileText {
  fragments: string[];
  at: number;
}

export const hostileText: fc.Arbitrary<HostileText> = fc.record({
  fragments: fc.array(fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE_PAYLOADS), weight: 3 }, { arbitrary: fc.constantFrom(...ORDINARY), weight: 1 }), { minLength: 1, maxLength: 4 }),
  at: fc.nat(),
});

/** A few hostile texts: the builder gives field n the text n modulo their number. */
export const hostilePool: fc.Arbitrary<HostileText[]> = fc.array(hostileText, { minLength: 1, maxLength: 12 });

/** Every payload, each alone between ordinary words in its own text: one case that tries them all. */
export const EVERY_PAYLOAD: HostileText[] = HOSTILE_PAYLOADS.map((payload, i) => ({ fragments: [ORDINARY[i % ORDINARY.length]!, payload], at: i % 3 }));

/** The text field `slot` gets, at most `maxLength` characters. */
export type TextFor = (slot: number, maxLength: number) => string;

export const plainText: TextFor = (slot) => `Name ${slot}`;

/**
 * The token that makes each hostile text unique (guests count by name, CoPs by name): tests find a
 * field's text in an output by it.
 */
export const tokenOf = (slot: number): string => `§${slot}§`;

export function hostileTextFor(pool: readonly HostileText[]): TextFor {
  return (slot, maxLength) => {
    const { fragments, at } = pool[slot % pool.length]!;
    const parts = [...fragments];
    parts.splice(at % (parts.length + 1), 0, tokenOf(slot));
    // Whole fragments only (never half an escape sequence), and the token always survives.
    while (parts.join('').length > maxLength) parts.splice(parts.findLastIndex((p) => p !== tokenOf(slot)), 1);
    return parts.join('');
  };
}

/** A path into a data file; `*` stands for every index of a list. */
type FieldPath = readonly (string | '*')[];

const NO_LIMIT = 10_000;
interface Field {
  path: FieldPath;
  maxLength: number;
  /** Shown as a link when the text begins with `http(s)://`, by design (the plain text never does). */
  linked?: boolean;
}
const field = (maxLength: number, ...path: (string | '*')[]): Field => ({ path: path as FieldPath, maxLength });

/** Every free-text field the schemas allow, per kind of file (schemas/*.schema.json). */
const CONFIG_FIELDS = [field(NO_LIMIT, 'organisation'), field(NO_LIMIT, 'budgets', '*', 'note')];
const PEOPLE_FIELDS = [field(NO_LIMIT, 'people', '*', 'name')];
const CHARTER_FIELDS = [
  field(120, 'name'),
  field(NO_LIMIT, 'scope', 'subject'),
  field(NO_LIMIT, 'scope', 'in', '*'),
  field(NO_LIMIT, 'scope', 'out', '*'),
  field(NO_LIMIT, 'rationale'),
  field(NO_LIMIT, 'goals', '*', 'description'),
  field(NO_LIMIT, 'alumni', '*', 'note'),
  field(NO_LIMIT, 'format', 'channel'),
  { ...field(NO_LIMIT, 'format', 'recordings'), linked: true },
  field(64, 'cost_centre'),
  field(NO_LIMIT, 'budget', 'changes', '*', 'note'),
  field(NO_LIMIT, 'budget', 'other_costs', '*', 'description'),
  field(NO_LIMIT, 'triggers', '*', 'note'),
  field(NO_LIMIT, 'dissolved', 'note'),
];
const MEETING_FIELDS = [
  field(200, 'title'),
  field(NO_LIMIT, 'topics', '*'),
  field(NO_LIMIT, 'notes'),
  field(NO_LIMIT, 'guests', '*', 'name'),
  field(NO_LIMIT, 'guests', '*', 'organisation'),
  field(NO_LIMIT, 'costs', '*', 'description'),
  field(NO_LIMIT, 'reason'),
];

function fieldsOf(file: string): Field[] {
  if (file === 'cop.config.yaml') return CONFIG_FIELDS;
  if (file === 'people.yaml') return PEOPLE_FIELDS;
  if (/^cops\/[^/]+\/charter\.yaml$/.test(file)) return CHARTER_FIELDS;
  if (/^cops\/[^/]+\/meetings\/[^/]+\.yaml$/.test(file)) return MEETING_FIELDS;
  return [];
}

/** The concrete paths of `path` in `doc` that hold a string. */
function stringPaths(doc: Document, path: FieldPath, prefix: (string | number)[] = []): (string | number)[][] {
  if (path.length === 0) return typeof doc.getIn(prefix) === 'string' ? [prefix] : [];
  const [head, ...rest] = path;
  if (head !== '*') return stringPaths(doc, rest, [...prefix, head!]);
  const list = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
  return isSeq(list) ? list.items.flatMap((_, i) => stringPaths(doc, rest, [...prefix, i])) : [];
}

/** Characters a YAML double-quoted scalar must escape for the text to round-trip exactly. */
const MUST_ESCAPE = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `text` as a YAML double-quoted scalar (the `yaml` library writes C1, DEL and U+2028 raw, and they do not survive a re-read). */
export function yamlQuoted(text: string): string {
  return `"${text.replace(MUST_ESCAPE, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

/** The data files of a data root, in a fixed order, as paths relative to it with `/`. */
function dataFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => path.endsWith('.yaml') && !path.startsWith('.'))
    .sort();
}

/**
 * The meeting the builder takes the recording from, so that `meeting-recording` finds it, and
 * suppresses that finding with a text as the reason: check's JSON, SARIF and JUnit and `cop diff`
 * show the reason.
 */
const SUPPRESSION_FILE = 'cops/aws/meetings/2026-03-26.yaml';
const SUPPRESSED_RULE = 'meeting-recording';

export interface BuiltOrganisation {
  /** Every text written, by slot: tests look for each in the outputs. */
  texts: string[];
}

/**
 * Rewrites every free-text field of the data root at `root` with `textFor(slot, maxLength)`, one
 * slot per field in a fixed order (so the plain and the hostile organisation differ only in
 * text), keeping comments and layout. It also suppresses a finding it makes, with a text as the
 * reason (what a one-line YAML comment can hold), and turns `no-placeholder` off, since
 * `<…>` in a hostile text is a placeholder to that rule and the findings would differ.
 */
export function writeTexts(root: string, textFor: TextFor): BuiltOrganisation {
  const texts: string[] = [];
  for (const file of dataFiles(root)) {
    const path = join(root, file);
    const doc = parseDocument(readFileSync(path, 'utf8'));
    const quoted = new Map<string, string>();
    for (const { path: pattern, maxLength, linked } of fieldsOf(file)) {
      for (const at of stringPaths(doc, pattern)) {
        const slot = texts.length;
        // A link where the reference has text would change the structure for a good reason.
        const text = linked ? textFor(slot, maxLength).replace(/^(?=https?:)/i, 'See ') : textFor(slot, maxLength);
        texts.push(text);
        // A plain placeholder the library writes as is, replaced by the exact quoted text below.
        const placeholder = `HOSTILE-PLACEHOLDER-${slot}-END`;
        // A new plain node: setting the value alone would keep the old node's quotes or block style.
        const node = new Scalar(placeholder);
        node.type = 'PLAIN';
        doc.setIn(at, node);
        quoted.set(placeholder, yamlQuoted(text));
      }
    }
    if (file === SUPPRESSION_FILE) doc.delete('recording');
    if (file === 'cop.config.yaml') {
      if (!isMap(doc.get('rules'))) doc.set('rules', doc.createNode({}));
      doc.setIn(['rules', 'no-placeholder'], 'off');
    }
    let out = doc.toString({ lineWidth: 0 }).replace(/HOSTILE-PLACEHOLDER-\d+-END/g, (p) => quoted.get(p)!);
    if (file === SUPPRESSION_FILE) {
      const slot = texts.length;
      // A YAML comment ends at a line break (U+2028 counts, to the parser) and loses DEL and C1.
      const reason = textFor(slot, NO_LIMIT).replace(/[\r\n\u2028\u2029\u007f-\u009f]+/g, ' ');
      texts.push(reason);
      const [modeline, ...rest] = out.split('\n');
      out = [modeline, `# cop-disable ${SUPPRESSED_RULE} -- ${reason}`, ...rest].join('\n');
    }
    writeFileSync(path, out);
  }
  return { texts };
}

/** A copy of the bundled organisation committed in a new git repository (branch main), for `cop diff --base main`. */
export function committedOrganisation(): string {
  const root = copyOrganisation();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=cop-test', '-c', 'user.email=test@cop.invalid', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  return root;
}

/** Markdown as GitHub reads it: CommonMark with the GFM extensions (tables, autolinks, …). */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The value column of `cop show`'s fields (src/render/cop/show.ts LABEL): a wrapped value's later lines begin there. */
const SHOW_VALUE_COLUMN = ' '.repeat(13);

/**
 * The lines of the terminal output labelled `label` (`cop <args>`) as its renderer laid them out:
 * `cop show` wraps a CoP's rationale at 100 columns even in a pipe (prose reads better so), so
 * the later lines of the Rationale field, each indented to the value column, count as its one line.
 * A long hostile rationale wraps where the plain one does not; a line feed in data cannot hide here,
 * as the rationale's white space is collapsed before it wraps and any other line still counts.
 */
export function terminalLines(label: string, text: string): string[] {
  const lines = text.split('\n');
  if (!/^cop show \S+$/.test(label)) return lines;
  const laidOut: string[] = [];
  let inRationale = false;
  for (const line of lines) {
    if (inRationale && line.startsWith(SHOW_VALUE_COLUMN) && line[SHOW_VALUE_COLUMN.length] !== ' ') {
      laidOut[laidOut.length - 1] += ` ${line.slice(SHOW_VALUE_COLUMN.length)}`;
      continue;
    }
    inRationale = line.startsWith('Rationale ');
    laidOut.push(line);
  }
  return laidOut;
}

/**
 * Reads the JSON examples of docs/commands/*.md back as data, so a test can compare the fields
 * they document with the fields a command prints. An example is JSON with three liberties the pages
 * take: `//` comments, `…` for values and array items left out, and a type's name where a value of
 * that type stands (`Measure`, `Measure | null`). A name is either defined on the page in prose, as
 * "A `Measure` is `{ actual, budget, variance, percent, over }`" (its fields are then documented), or
 * listed as documented elsewhere (its fields are then not compared).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { REPO_ROOT } from '../helpers/cli.js';

/** Stands for a value whose fields are documented elsewhere (another page, a schema). */
const ELSEWHERE = '\u0000documented elsewhere';

/** Objects keyed by data rather than by field name (cost categories, CoP ids): their keys are not fields. */
const MAPS = new Set(['byCategory', 'byCop']);

export interface DocExample {
  /** The example, with `…` as null, a defined type as its fields and an elsewhere type as a marker. */
  value: unknown;
  /** The page's source, for other checks on its prose. */
  markdown: string;
}

/** The `jsonc` code blocks of a page under docs/commands, in order, read with `elsewhere` types left opaque. */
export function docExamples(page: string, elsewhere: readonly string[] = []): DocExample[] {
  const markdown = readFileSync(join(REPO_ROOT, 'docs', 'commands', page), 'utf8');
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Root;
  const types = definedTypes(markdown);
  return tree.children
    .filter((node): node is Code => node.type === 'code' && node.lang === 'jsonc')
    .map((code) => ({ value: JSON.parse(asJson(code.value, types, new Set(elsewhere))) as unknown, markdown }));
}

/** "A `Name` is `{ a, b, c }`" on the page: the fields of each named type. */
function definedTypes(markdown: string): Map<string, string[]> {
  return new Map([...markdown.matchAll(/A `(\w+)` is\s+`\{ ([\w, ]+) \}`/g)].map((m) => [m[1]!, m[2]!.split(/,\s*/)]));
}

/** The example as strict JSON: comments dropped, `…` made null, type names replaced. */
function asJson(example: string, types: Map<string, string[]>, elsewhere: Set<string>): string {
  let out = '';
  for (let i = 0; i < example.length; ) {
    const rest = example.slice(i);
    const string = /^"(?:[^"\\]|\\.)*"/.exec(rest);
    const comment = /^\/\/[^\n]*/.exec(rest);
    const name = /^([A-Z]\w*)(?: \| null)?/.exec(rest);
    if (string) {
      out += string[0];
      i += string[0].length;
    } else if (comment) {
      i += comment[0].length;
    } else if (rest.startsWith('…')) {
      out += 'null';
      i += 1;
    } else if (name) {
      const fields = types.get(name[1]!);
      if (fields) out += JSON.stringify(Object.fromEntries(fields.map((field) => [field, null])));
      else if (elsewhere.has(name[1]!)) out += JSON.stringify(ELSEWHERE);
      else throw new Error(`${name[1]} is neither defined on the page ("A \`${name[1]}\` is \`{ … }\`") nor documented elsewhere`);
      i += name[0].length;
    } else {
      out += example[i];
      i += 1;
    }
  }
  return out;
}

/**
 * Every field's path, as `cops[].months[].preparation.actual`: array items merged, maps kept
 * whole, and the fields under a value documented elsewhere left out (`pruneUnder`: those paths, to
 * leave out of the real output too).
 */
export function keyPaths(value: unknown, pruneUnder: ReadonlySet<string> = new Set()): { paths: Set<string>; elsewhere: Set<string> } {
  const paths = new Set<string>();
  const elsewhere = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (node === ELSEWHERE) elsewhere.add(path);
    if (pruneUnder.has(path)) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, `${path}[]`);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        paths.add(childPath);
        if (!MAPS.has(key)) walk(child, childPath);
      }
    }
  };
  walk(value, '');
  return { paths, elsewhere };
}

/** The documented paths and those of the real outputs (together), each sorted, for a readable failure. */
export function comparedPaths(documented: unknown, ...outputs: unknown[]): { documented: string[]; real: string[] } {
  const doc = keyPaths(documented);
  const real = new Set(outputs.flatMap((output) => [...keyPaths(output, doc.elsewhere).paths]));
  return { documented: [...doc.paths].sort(), real: [...real].sort() };
}

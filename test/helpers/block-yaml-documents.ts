/**
 * YAML texts for the tests of the line reader of plain block YAML (src/workspace/block-yaml.ts):
 * the bundled organisation's data files, and generated documents of block mappings, sequences and
 * scalars at its edges (fast-check).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { REPO_ROOT } from './cli.js';

/** people.yaml, every charter and every meeting log of the bundled organisation. */
export function bundledTexts(): string[] {
  const texts = [readFileSync(join(REPO_ROOT, 'people.yaml'), 'utf8')];
  for (const id of readdirSync(join(REPO_ROOT, 'cops')).sort()) {
    if (!statSync(join(REPO_ROOT, 'cops', id)).isDirectory()) continue;
    texts.push(readFileSync(join(REPO_ROOT, 'cops', id, 'charter.yaml'), 'utf8'));
    const meetings = join(REPO_ROOT, 'cops', id, 'meetings');
    if (existsSync(meetings)) for (const name of readdirSync(meetings).sort()) texts.push(readFileSync(join(meetings, name), 'utf8'));
  }
  return texts;
}

/** Documents of block mappings and sequences (compact or indented) holding scalars of every kind the reader meets, and some it refuses. */
export function blockYamlDocuments(): fc.Arbitrary<string> {
  const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
  const scalar = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom('1', '-2', '+3', '0x1F', '0o17', '.5', '1e3', '1.', '.inf', '-.Inf', '.nan', 'null', '~', 'true', 'False', 'yes', '2026-03-04', '12:30', 'a:b', 'a #b', 'a#b', '-x', '"q"', "'it''s'", '""', "''", '"a\\"b"', 'x: y', 'x:', '&a x', '*a', '!t x', '[a]', '{a: 1}', '|', '>', '@x', '`x', '%x', '?x', ':x', '- x', '[a, b]', '[]', '[ x ]', '[1, true, ~, .5]', '[a,]', '[a,,b]', '[a b]', '[-]', '[-1]', '[a]#c', '[a] #c', '[[a]]', '[a: b]', '["a"]', '[a', '{}') },
    { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9 .,:#'"-]{0,12}$/) },
  );
  type Node = string | { map: [string, Node][] } | { seq: Node[] };
  const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('seq')),
    map: fc.array(fc.tuple(word, tie('node')), { minLength: 1, maxLength: 4 }).map((map) => ({ map })),
    seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
  })).node;
  const render = (n: Node, indent: number, compact: boolean): string => {
    const pad = ' '.repeat(indent);
    if (typeof n === 'string') return ` ${n}\n`;
    if ('map' in n) return `\n${n.map.map(([k, v]) => `${pad}${k}:${render(v, indent + 2, compact)}`).join('')}`;
    // A compact sequence's dashes stand at its key's indent.
    const dash = compact ? ' '.repeat(Math.max(0, indent - 2)) : pad;
    return `\n${n.seq.map((v) => `${dash}- ${render(v, dash.length + 2, compact).trimStart()}`).join('')}`;
  };
  return fc
    .tuple(fc.array(fc.tuple(word, node), { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([entries, compact]) => entries.map(([k, v]) => `${k}:${render(v, 2, compact)}`).join(''));
}

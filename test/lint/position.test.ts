/**
 * A finding's line and column (src/lint/position.ts) are the `yaml` library's wherever the line
 * reader of plain block YAML answers instead (block-yaml.ts scalarRangesAt): for every key and
 * scalar of the bundled files and of generated documents, against the library's own range
 * (locate.ts on the file it parsed), asked one finding at a time and all of a file's at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionFindings } from '../../src/lint/position.js';
import type { PathSegment } from '../../src/schema/messages.js';
import { scalarRangesAt } from '../../src/workspace/block-yaml.js';
import { plainValue } from '../../src/workspace/fast-parse.js';
import { locate } from '../../src/workspace/locate.js';
import { yamlLib } from '../../src/workspace/yaml-lib.js';
import { parseYaml } from '../../src/workspace/yaml-parse.js';
import { blockYamlDocuments, bundledTexts } from '../helpers/block-yaml-documents.js';

/** Every path to a key (atKey) and to a value in `data`, as rules name them. */
function pathsIn(data: unknown, at: PathSegment[] = []): { path: PathSegment[]; atKey: boolean }[] {
  if (Array.isArray(data)) return [{ path: at, atKey: false }, ...data.flatMap((item, i) => pathsIn(item, [...at, i]))];
  if (data !== null && typeof data === 'object' && !(data instanceof Date)) {
    return [{ path: at, atKey: false }, ...Object.entries(data).flatMap(([key, value]) => [{ path: [...at, key], atKey: true }, ...pathsIn(value, [...at, key])])];
  }
  return [{ path: at, atKey: false }];
}

/** The line reader's range for one key or scalar (undefined where it cannot say). */
const rangeAt = (text: string, path: readonly PathSegment[], atKey: boolean) => scalarRangesAt(text, [{ path, atKey }], plainValue)?.[0];

/**
 * Holds positionFindings to the library on every path of `text`, asked one at a time and all at
 * once (one read of the file for every finding in it); how many the line reader answered.
 */
function agreesEverywhere(text: string): number {
  const lines = new (yamlLib().LineCounter)();
  const doc = parseYaml(text, { lineCounter: lines });
  let data: unknown;
  try {
    data = doc.errors.length > 0 ? undefined : doc.toJS();
  } catch {
    return 0; // an alias without its anchor: no data, no finding
  }
  // A missing path too: the deepest node that exists.
  const asked = pathsIn(data).flatMap(({ path, atKey }) => [path, [...path, 'absent'], [...path, 0]].map((at) => ({ path: at, atKey })));
  const finding = ({ path, atKey }: { path: PathSegment[]; atKey: boolean }) => ({ ruleId: 'r', severity: 'error' as const, message: 'm', file: 'f.yaml', path, atKey });
  const together = positionFindings(asked.map(finding), () => text);
  asked.forEach(({ path, atKey }, i) => {
    const [alone] = positionFindings([finding({ path, atKey })], () => text);
    const range = locate(doc, lines, path, atKey);
    const where = `${JSON.stringify(text)} at ${JSON.stringify(path)} (atKey ${atKey})`;
    expect({ start: alone!.start, end: alone!.end }, where).toEqual(range);
    expect({ start: together[i]!.start, end: together[i]!.end }, `${where}, with the file's other findings`).toEqual(range);
  });
  return scalarRangesAt(text, asked, plainValue)?.filter((range) => range !== undefined).length ?? 0;
}

describe('positionFindings', () => {
  it('points at what the yaml library points at, on every key and scalar of the bundled files', () => {
    const answered = bundledTexts().reduce((sum, text) => sum + agreesEverywhere(text), 0);
    // Not a vacuous pass: most of them were found by the line reader.
    expect(answered).toBeGreaterThan(2000);
  });

  it('points at what the yaml library points at, on generated documents', () => {
    let answered = 0;
    fc.assert(
      fc.property(blockYamlDocuments(), (text) => {
        answered += agreesEverywhere(text);
      }),
      { numRuns: 1500, seed: 12 },
    );
    expect(answered).toBeGreaterThan(1500);
  });

  it('finds a quoted scalar with its quotes, a key alone, and an item by its number only', () => {
    const text = "a:\n  - 'it''s' # c\n  - b: \"x y\"   \n";
    expect(rangeAt(text, ['a', 0], false)).toEqual([7, 14]);
    expect(rangeAt(text, ['a', 1, 'b'], false)).toEqual([26, 31]);
    expect(rangeAt(text, ['a', 1, 'b'], true)).toEqual([23, 24]);
    expect(rangeAt(text, ['a', '0'], false)).toBeUndefined();
    expect(rangeAt(text, ['a'], false)).toBeUndefined(); // a block: the library says
  });

  it('answers every place of one read in the order asked: the same place twice, a key and its value apart', () => {
    const text = "a:\n  - 'it''s' # c\n  - b: \"x y\"   \n";
    const places = [
      { path: ['a', 1, 'b'], atKey: true },
      { path: ['a', 0], atKey: false },
      { path: ['a', 1, 'b'], atKey: false },
      { path: ['a', '0'], atKey: false },
      { path: ['a', 0], atKey: false },
    ];
    expect(scalarRangesAt(text, places, plainValue)).toEqual([[23, 24], [7, 14], [26, 31], undefined, [7, 14]]);
    // A text the line reader does not read (a block scalar) answers nothing: the library is asked.
    expect(scalarRangesAt('a: |\n  x\n', places, plainValue)).toBeUndefined();
  });

  it('positions thousands of findings in one file, each where it is', () => {
    const text = `people:\n${Array.from({ length: 3000 }, (_, i) => `  - id: p${i}\n    name: Person ${i}\n`).join('')}`;
    const findings = Array.from({ length: 3000 }, (_, i) => ({ ruleId: 'r', severity: 'warn' as const, message: 'm', file: 'people.yaml', path: ['people', i, 'name'], atKey: false }));
    const positioned = positionFindings(findings, () => text);
    expect(positioned.map((d) => d.start)).toEqual(findings.map((_, i) => ({ line: 3 + 2 * i, column: 11 })));
    expect(positioned.at(-1)!.end).toEqual({ line: 6001, column: 11 + 'Person 2999'.length });
  });
});

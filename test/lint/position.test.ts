/**
 * A finding's line and column (src/lint/position.ts) are the `yaml` library's wherever the line
 * reader of plain block YAML answers instead (block-yaml.ts scalarRangeAt): for every key and
 * scalar of the bundled files and of generated documents, against the library's own range
 * (locate.ts on the file it parsed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionFindings } from '../../src/lint/position.js';
import type { PathSegment } from '../../src/schema/messages.js';
import { scalarRangeAt } from '../../src/workspace/block-yaml.js';
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

/** Holds positionFindings to the library on every path of `text`; how many the line reader answered. */
function agreesEverywhere(text: string): number {
  const lines = new (yamlLib().LineCounter)();
  const doc = parseYaml(text, { lineCounter: lines });
  let data: unknown;
  try {
    data = doc.errors.length > 0 ? undefined : doc.toJS();
  } catch {
    return 0; // an alias without its anchor: no data, no finding
  }
  let answered = 0;
  for (const { path, atKey } of pathsIn(data)) {
    // A missing path too: the deepest node that exists.
    for (const asked of [path, [...path, 'absent'], [...path, 0]]) {
      const [found] = positionFindings([{ ruleId: 'r', severity: 'error', message: 'm', file: 'f.yaml', path: asked, atKey }], () => text);
      const range = locate(doc, lines, asked, atKey);
      expect({ start: found!.start, end: found!.end }, `${JSON.stringify(text)} at ${JSON.stringify(asked)} (atKey ${atKey})`).toEqual(range);
      if (scalarRangeAt(text, asked, atKey, plainValue)) answered++;
    }
  }
  return answered;
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
    expect(scalarRangeAt(text, ['a', 0], false, plainValue)).toEqual([7, 14]);
    expect(scalarRangeAt(text, ['a', 1, 'b'], false, plainValue)).toEqual([26, 31]);
    expect(scalarRangeAt(text, ['a', 1, 'b'], true, plainValue)).toEqual([23, 24]);
    expect(scalarRangeAt(text, ['a', '0'], false, plainValue)).toBeUndefined();
    expect(scalarRangeAt(text, ['a'], false, plainValue)).toBeUndefined(); // a block: the library says
  });
});

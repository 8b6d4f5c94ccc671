/**
 * Gives rule findings their line and column. Rules speak of YAML paths; only the few files with
 * findings are looked at again here, from the text read at load time (a file is never opened
 * twice). A path to a key or a scalar of plain block YAML, nearly every finding, is found by the
 * line reader (block-yaml.ts scalarRangesAt, one read of a file for all its findings); any other
 * is found in the file parsed by the `yaml` library, once each, so clean files never hold a
 * Document in memory. Each parse cost about 3 ms, and the first in a thread loaded the library:
 * 83 warnings added 0.24 s to a 60k `cop check`.
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic, Position } from '../model/diagnostic.js';
import type { PathSegment } from '../schema/messages.js';
import { groupBy } from '../core/group-by.js';
import { scalarRangesAt } from '../workspace/block-yaml.js';
import { plainValue } from '../workspace/fast-parse.js';
import { FILE_START, locate, type Range } from '../workspace/locate.js';
import { yamlLib } from '../workspace/yaml-lib.js';
import { parseYaml } from '../workspace/yaml-parse.js';
import type { RuleFinding } from './run-rules.js';

/** Positions findings in texts already read; `textOf` gives undefined for a file that does not exist (or was refused). */
export function positionFindings(findings: readonly RuleFinding[], textOf: (file: string) => string | undefined): Diagnostic[] {
  const documents = new Map<string, { doc: Document; lines: LineCounter }>();
  const located = (file: string, text: string, path: readonly PathSegment[], atKey?: boolean) => {
    let parsed = documents.get(file);
    if (parsed === undefined) {
      const lines = new (yamlLib().LineCounter)();
      documents.set(file, (parsed = { doc: parseYaml(text, { lineCounter: lines }), lines }));
    }
    return locate(parsed.doc, parsed.lines, path, atKey);
  };
  const inBlockYaml = blockYamlRanges(findings, textOf);
  return findings.map(({ ruleId, severity, message, file, path, atKey, line, detail }, i) => {
    const more = detail === undefined ? {} : { detail };
    if (line !== undefined) return { ruleId, severity, message, file, start: { line, column: 1 }, ...more };
    const text = textOf(file);
    // A missing file (charter-exists) is pointed at its first line.
    const range = text === undefined ? FILE_START : (inBlockYaml[i] ?? located(file, text, path, atKey));
    return { ruleId, severity, message, file, start: range.start, end: range.end, ...more };
  });
}

/**
 * The range of each finding's key or scalar as the line reader finds it (undefined where it cannot
 * say), each file read once for all its findings: 3,000 findings in a 3,000-person people.yaml took
 * 17 s read once a finding.
 */
function blockYamlRanges(findings: readonly RuleFinding[], textOf: (file: string) => string | undefined): (Range | undefined)[] {
  const unplaced = [...findings.keys()].filter((i) => findings[i]!.line === undefined);
  const byFile = groupBy(unplaced, (i) => findings[i]!.file);
  const ranges: (Range | undefined)[] = [];
  for (const [file, indexes] of byFile) {
    const text = textOf(file);
    if (text === undefined) continue;
    const found = scalarRangesAt(text, indexes.map((i) => ({ path: findings[i]!.path, atKey: findings[i]!.atKey ?? false })), plainValue);
    if (found === undefined) continue;
    const starts = lineStarts(text);
    indexes.forEach((i, k) => {
      const range = found[k];
      if (range) ranges[i] = { start: positionAt(starts, range[0]), end: positionAt(starts, range[1]) };
    });
  }
  return ranges;
}

/** The offset where each line of `text` starts (what the `yaml` library's LineCounter holds, without loading the library). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The line and column (both from 1) of `offset`, in a text whose lines start at `starts`. */
function positionAt(starts: readonly number[], offset: number): Position {
  // The last line starting at or before `offset`.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/**
 * Gives rule findings their line and column. Rules speak of YAML paths; only the few files with
 * findings are looked at again here, from the text read at load time (a file is never opened
 * twice). A path to a key or a scalar of plain block YAML, nearly every finding, is found by the
 * line reader (block-yaml.ts scalarRangeAt); any other is found in the file parsed by the `yaml`
 * library, once each, so clean files never hold a Document in memory. Each parse cost about 3 ms,
 * and the first in a thread loaded the library: 83 warnings added 0.24 s to a 60k `cop check`.
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic, Position } from '../model/diagnostic.js';
import type { PathSegment } from '../schema/messages.js';
import { scalarRangeAt } from '../workspace/block-yaml.js';
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
  return findings.map(({ ruleId, severity, message, file, path, atKey, line, detail }) => {
    const more = detail === undefined ? {} : { detail };
    if (line !== undefined) return { ruleId, severity, message, file, start: { line, column: 1 }, ...more };
    const text = textOf(file);
    // A missing file (charter-exists) is pointed at its first line.
    const range = text === undefined ? FILE_START : (rangeInBlockYaml(text, path, atKey) ?? located(file, text, path, atKey));
    return { ruleId, severity, message, file, start: range.start, end: range.end, ...more };
  });
}

/** The range of the key or scalar at `path` as the line reader finds it; undefined where it cannot say. */
function rangeInBlockYaml(text: string, path: readonly PathSegment[], atKey = false): Range | undefined {
  const found = scalarRangeAt(text, path, atKey, plainValue);
  return found && { start: positionAt(text, found[0]), end: positionAt(text, found[1]) };
}

/** The line and column (both from 1) of `offset` in a text whose lines end with a line feed. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return { line, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 };
}

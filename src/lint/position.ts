/**
 * Gives rule findings their line and column. Rules speak of YAML paths; only the few files with
 * findings are parsed again here (once each, from the text read at load time: a file is never
 * opened twice), so clean files never hold a Document in memory.
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { FILE_START, locate } from '../workspace/locate.js';
import { yamlLib } from '../workspace/yaml-lib.js';
import { parseYaml } from '../workspace/yaml-parse.js';
import type { RuleFinding } from './run-rules.js';

/** Positions findings in texts already read; `textOf` gives undefined for a file that does not exist (or was refused). */
export function positionFindings(findings: readonly RuleFinding[], textOf: (file: string) => string | undefined): Diagnostic[] {
  const documents = new Map<string, { doc: Document; lines: LineCounter } | undefined>();
  const open = (file: string) => {
    if (!documents.has(file)) {
      const text = textOf(file);
      const lines = new (yamlLib().LineCounter)();
      documents.set(file, text === undefined ? undefined : { doc: parseYaml(text, { lineCounter: lines }), lines });
    }
    return documents.get(file);
  };
  return findings.map(({ ruleId, severity, message, file, path, atKey, line, detail }) => {
    const more = detail === undefined ? {} : { detail };
    if (line !== undefined) return { ruleId, severity, message, file, start: { line, column: 1 }, ...more };
    const parsed = open(file);
    // A missing file (charter-exists) is pointed at its first line.
    const range = parsed ? locate(parsed.doc, parsed.lines, path, atKey) : FILE_START;
    return { ruleId, severity, message, file, start: range.start, end: range.end, ...more };
  });
}

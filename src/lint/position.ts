/**
 * Gives rule findings their line and column. Rules speak of YAML paths; only the few files with
 * findings are parsed again here (once each), so clean files never hold a Document in memory.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { FILE_START, locate } from '../workspace/locate.js';
import type { RuleFinding } from './run-rules.js';

/** Positions findings in texts already at hand; `textOf` gives undefined for a file that does not exist. */
export function positionFindingsInTexts(findings: readonly RuleFinding[], textOf: (file: string) => string | undefined): Diagnostic[] {
  const documents = new Map<string, { doc: Document; lines: LineCounter } | undefined>();
  const open = (file: string) => {
    if (!documents.has(file)) {
      const text = textOf(file);
      const lines = new LineCounter();
      documents.set(file, text === undefined ? undefined : { doc: parseDocument(text, { version: '1.2', lineCounter: lines }), lines });
    }
    return documents.get(file);
  };
  return findings.map(({ ruleId, severity, message, file, path, atKey, line }) => {
    if (line !== undefined) return { ruleId, severity, message, file, start: { line, column: 1 } };
    const parsed = open(file);
    // A missing file (charter-exists) is pointed at its first line.
    const range = parsed ? locate(parsed.doc, parsed.lines, path, atKey) : FILE_START;
    return { ruleId, severity, message, file, start: range.start, end: range.end };
  });
}

/** Positions findings in the files under `root`, reading each file with findings once. */
export async function positionFindings(root: string, findings: readonly RuleFinding[]): Promise<Diagnostic[]> {
  const files = [...new Set(findings.filter((f) => f.line === undefined).map((f) => f.file))];
  const texts = new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(root, file), 'utf8').catch(() => undefined)] as const)));
  return positionFindingsInTexts(findings, (file) => texts.get(file));
}

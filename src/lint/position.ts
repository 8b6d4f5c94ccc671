/**
 * Gives rule findings their line and column. Rules speak of YAML paths; only the few files with
 * findings are parsed again here, so clean files never hold a Document in memory.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { FILE_START, locate } from '../workspace/locate.js';
import type { RuleFinding } from './run-rules.js';

export async function positionFindings(root: string, findings: readonly RuleFinding[]): Promise<Diagnostic[]> {
  const documents = new Map<string, Promise<{ doc: Document; lines: LineCounter } | undefined>>();
  const open = (file: string) => {
    let entry = documents.get(file);
    if (!entry) {
      entry = readFile(join(root, file), 'utf8').then(
        (text) => {
          const lines = new LineCounter();
          return { doc: parseDocument(text, { version: '1.2', lineCounter: lines }), lines };
        },
        () => undefined, // a missing file (charter-exists) is pointed at its first line
      );
      documents.set(file, entry);
    }
    return entry;
  };
  return Promise.all(
    findings.map(async ({ ruleId, severity, message, file, path, atKey, line }) => {
      if (line !== undefined) return { ruleId, severity, message, file, start: { line, column: 1 } };
      const parsed = await open(file);
      const range = parsed ? locate(parsed.doc, parsed.lines, path, atKey) : FILE_START;
      return { ruleId, severity, message, file, start: range.start, end: range.end };
    }),
  );
}

/**
 * Parses one data file: YAML 1.2 with source positions, duplicate keys and alias expansion
 * capped, then schema validation. Pure over its text, so it runs the same in a worker thread.
 */
import type { LineCounter, YAMLError } from 'yaml';
import { findDirectives } from '../lint/directives.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Validate } from '../schema/validator.js';
import type { DataFile, ParsedFile } from './data-file.js';
import { fastParse } from './fast-parse.js';
import { FILE_START, locate, type Range } from './locate.js';
import { yamlLib } from './yaml-lib.js';
import { parseYaml } from './yaml-parse.js';

/** Aliases a file may expand: a "billion laughs" file becomes a finding instead of a hang. */
export const MAX_ALIAS_COUNT = 100;

export type { DataFile, ParsedFile } from './data-file.js';

function at(file: string, ruleId: string, message: string, range: Range, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { ruleId, severity, message, file, start: range.start, end: range.end };
}

function yamlErrorRange(error: YAMLError, lines: LineCounter): Range {
  const from = lines.linePos(error.pos[0]);
  const to = lines.linePos(error.pos[1]);
  return { start: { line: from.line, column: from.col }, end: { line: to.line, column: to.col } };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The file's data and findings, and its suppression comments. Most files take the fast first
 * parse (fast-parse.ts); a file it is not sure of, and every file with a finding, is parsed
 * exactly, with positions.
 */
export function parseDataFile(dataFile: DataFile, text: string, validate: Validate): ParsedFile {
  return withDirectives(fastParse(dataFile, text, validate) ?? parseExactly(dataFile, text, validate), text);
}

/** The parse result with the file's suppression comments: they count only in a file whose data loaded (a broken file's findings are core checks). */
export function withDirectives(parsed: ParsedFile, text: string): ParsedFile {
  if (parsed.data === undefined) return parsed;
  const directives = findDirectives(parsed.file, text);
  return directives.length ? { ...parsed, directives } : parsed;
}

/** The exact path: the `yaml` package's Document, its diagnostics, and positions for schema findings. */
export function parseExactly({ file, kind }: DataFile, text: string, validate: Validate): ParsedFile {
  if (text.includes('\r') && !text.includes('\n')) {
    // YAML would read the whole file as one line (often one comment): say why instead of "empty".
    const message = 'The file ends its lines with CR alone (old Mac style): save it with LF or CRLF line endings.';
    return { file, kind, diagnostics: [at(file, 'yaml-syntax', message, FILE_START)] };
  }
  const lines = new (yamlLib().LineCounter)();
  const doc = parseYaml(text, { lineCounter: lines });
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const range = yamlErrorRange(error, lines);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim();
      diagnostics.push(at(file, 'duplicate-key', `Duplicate key \`${key}\`: each key may appear once in a mapping.`, range));
    } else {
      diagnostics.push(at(file, 'yaml-syntax', `${firstLine(error.message).replace(/\.$/, '')}.`, range));
    }
  }
  for (const warning of doc.warnings) {
    diagnostics.push(at(file, 'yaml-syntax', `${firstLine(warning.message)}`, yamlErrorRange(warning, lines), 'warn'));
  }
  if (doc.errors.length > 0) return { file, kind, diagnostics };

  if (doc.contents === null) {
    // An empty cop.config.yaml simply means "all defaults".
    if (kind === 'config') return { file, kind, data: {}, diagnostics };
    diagnostics.push(at(file, 'yaml-syntax', 'The file is empty.', FILE_START));
    return { file, kind, diagnostics };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past the cap.
    const message = error instanceof Error ? error.message : String(error);
    const reason = /alias/i.test(message)
      ? `Too many alias expansions (more than ${MAX_ALIAS_COUNT}): the file looks like a "billion laughs" attack and was not read.`
      : `The file could not be read as YAML: ${message}`;
    diagnostics.push(at(file, 'yaml-syntax', reason, locate(doc, lines, [])));
    return { file, kind, diagnostics };
  }

  const issues = validate(kind, data);
  for (const issue of issues) diagnostics.push(at(file, 'schema', issue.message, locate(doc, lines, issue.path, issue.atKey)));
  return issues.length ? { file, kind, diagnostics } : { file, kind, data, diagnostics };
}

/** What a data file is, and what parsing it gives: the types parse.ts and its fast path share (kept apart so neither imports the other for them). */
import type { Diagnostic } from '../model/diagnostic.js';
import type { SchemaKind } from '../schema/validator.js';

export interface DataFile {
  /** Relative to the data root, forward slashes. */
  file: string;
  kind: SchemaKind;
}

export interface ParsedFile extends DataFile {
  /** The plain data, present only when the file parsed and matched its schema. */
  data?: unknown;
  diagnostics: Diagnostic[];
  /** The text read, kept so rule findings are positioned without reading the file again. */
  text?: string;
}

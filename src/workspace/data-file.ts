/** What a data file is, and what parsing it gives: the types parse.ts and its fast path share (kept apart so neither imports the other for them). */
import type { SuppressionDirective } from '../lint/directives.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SchemaKind } from '../schema/validator.js';

export interface DataFile {
  /** Relative to the data root, forward slashes. */
  file: string;
  kind: SchemaKind;
}

/** What is kept of a text that is not kept whole (texts.ts): its hash (git's blob id) and its opening comments. */
export interface TextDigest {
  hash: string;
  opening: string;
}

export interface ParsedFile extends DataFile {
  /** The plain data, present only when the file parsed and matched its schema. */
  data?: unknown;
  diagnostics: Diagnostic[];
  /** The text read, kept so rule findings are positioned in exactly what was checked (see texts.ts). */
  text?: string;
  /** Instead of `text`, for a meeting log: its hash and opening comments (texts.ts). */
  digest?: TextDigest;
  /** The file's stamp when it was read from the disk (read.ts stampOf), for `--cache`. */
  stamp?: string;
  /** Suppression comments, kept only when the data loaded (a broken file's findings are core checks). */
  directives?: SuppressionDirective[];
}

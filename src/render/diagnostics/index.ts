/** The output formats of `cop check`, by the name `--format` takes. */
import type { DiagnosticsRenderer } from '../diagnostics-format.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const diagnosticsFormats = { stylish, json, github, sarif, junit } as const satisfies Record<
  string,
  DiagnosticsRenderer
>;

export type DiagnosticsFormatName = keyof typeof diagnosticsFormats;

/**
 * The output formats of `cop check`, by the name `--format` takes. A run loads only the renderer
 * it prints with (start-up is most of a small repository's check).
 */
import type { DiagnosticsRenderer } from '../diagnostics-format.js';

const renderers = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  github: async () => (await import('./github.js')).github,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
} as const satisfies Record<string, () => Promise<DiagnosticsRenderer>>;

export type DiagnosticsFormatName = keyof typeof renderers;

/** The format names, stylish (the default) first. */
export const DIAGNOSTICS_FORMAT_NAMES = Object.keys(renderers) as DiagnosticsFormatName[];

export function diagnosticsRenderer(name: DiagnosticsFormatName): Promise<DiagnosticsRenderer> {
  return renderers[name]();
}

/**
 * The output formats of `cop check`, by the name `--format` takes. A run loads only the renderer
 * it prints with (start-up is most of a small repository's check), and stylish only the text
 * layout its report needs.
 */
import type { DiagnosticsReport } from '../diagnostics-format.js';

const renderers = {
  stylish: async (report) => (await import('./stylish.js')).stylish(report),
  json: async (report) => (await import('./json.js')).json(report),
  github: async (report) => (await import('./github.js')).github(report),
  sarif: async (report) => (await import('./sarif.js')).sarif(report),
  junit: async (report) => (await import('./junit.js')).junit(report),
} as const satisfies Record<string, (report: DiagnosticsReport) => Promise<string>>;

export type DiagnosticsFormatName = keyof typeof renderers;

/** The format names, stylish (the default) first. */
export const DIAGNOSTICS_FORMAT_NAMES = Object.keys(renderers) as DiagnosticsFormatName[];

/** The whole text `report` prints as in format `name`. */
export function renderDiagnostics(name: DiagnosticsFormatName, report: DiagnosticsReport): Promise<string> {
  return renderers[name](report);
}

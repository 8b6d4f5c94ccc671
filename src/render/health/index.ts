/** `cop health`'s output formats. */
import type { HealthReport } from '../../health/types.js';

export type HealthFormat = 'table' | 'markdown' | 'json';

/**
 * `width`: the columns a table may fill (src/core/terminal.ts outputWidth). Only the format's own
 * renderer is loaded, as for the report (src/render/report/index.ts): the Markdown one brings the
 * Markdown layer, about a hundred modules.
 */
export async function renderHealth(report: HealthReport, format: HealthFormat, color: boolean, width = Infinity): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).healthTable(report, color, width);
    case 'markdown':
      return (await import('./markdown.js')).healthMarkdown(report);
    case 'json':
      return (await import('./json.js')).healthJson(report);
  }
}

/** `cop health`'s output formats. */
import type { HealthReport } from '../../health/types.js';

export type HealthFormat = 'table' | 'markdown' | 'json';

/** Draws a health report; `width`: the columns a table may fill (src/core/terminal.ts outputWidth). */
export type HealthRenderer = (report: HealthReport, color: boolean, width?: number) => string;

/**
 * The renderer of `format`, loaded: only the format's own is, as for the report
 * (src/render/report/index.ts), and `cop health` asks for it while the data is read.
 */
export async function healthRenderer(format: HealthFormat): Promise<HealthRenderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).healthTable;
    case 'markdown':
      return (await import('./markdown.js')).healthMarkdown;
    case 'json':
      return (await import('./json.js')).healthJson;
  }
}

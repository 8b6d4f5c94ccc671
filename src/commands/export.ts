/** `cop export --out DIR`: the site's static JSON API alone (src/site/api.ts), for scripts. */
import type { Io } from '../core/terminal.js';
import { apiFiles } from '../site/api.js';
import { writeAll } from '../site/write.js';
import { writeOutput, type SiteCommandOptions } from './site.js';

export interface ExportOptions extends Omit<SiteCommandOptions, 'sourceUrl' | 'out'> {
  out: string;
}

export async function exportApi(options: ExportOptions, io: Io): Promise<number> {
  return writeOutput(options.out, options, io, (writer, model) => writeAll(writer, apiFiles(model, model.api)));
}

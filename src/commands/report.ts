/** `cop report`: time and money against budget for a month or a range, and year to date. */
import { reportFromFigures } from '../budget/compute.js';
import { resolvePeriod, type PeriodOptions } from '../budget/period.js';
import { EXIT } from '../core/errors.js';
import { outputWidth, useColor, type Io } from '../core/terminal.js';
import { reportRenderer, type ReportFormat } from '../render/report/index.js';
import { loadedWhileReading, loadReadableCops, printRead, readExit, type ReadOptions } from './load-valid.js';
import { dataContext } from './options.js';

export interface ReportOptions extends ReadOptions, PeriodOptions {
  format: ReportFormat;
  cop?: string[];
  sponsor?: string;
  /** true for --names, false for --no-names, undefined for the policy's anonymise_reports. */
  names?: boolean;
}

export async function report(options: ReportOptions, io: Io): Promise<number> {
  // Check the period before loading, so a mistyped flag fails fast; the load reuses the context (one read of cop.config.yaml).
  const context = dataContext(options, io);
  const period = resolvePeriod(options, context.asOf);
  const renderer = loadedWhileReading(() => reportRenderer(options.format));
  // Each CoP's figures are computed where it is read (src/lint/per-cop.ts): the meetings are not gathered here.
  const load = await loadReadableCops(options, io, { kind: 'report', period }, context, renderer.onReading);
  if (!load.ok) return load.exitCode;
  const data = reportFromFigures(load.workspace, load.perCop, {
    period,
    cops: options.cop ?? [],
    ...(options.sponsor !== undefined ? { sponsor: options.sponsor } : {}),
    ...(options.names !== undefined ? { anonymise: !options.names } : {}),
  });
  const render = await renderer.loaded();
  await printRead(io, render(data, useColor(options.color, io), outputWidth(io)), options.format, load.leftOut);
  return readExit(load.leftOut);
}

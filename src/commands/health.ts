/** `cop health [ids…]`: judge every active CoP against the dissolution triggers; print the evidence. */
import { EXIT, UsageError } from '../core/errors.js';
import { unknownCop } from '../core/suggest.js';
import { outputWidth, useColor, type Io } from '../core/terminal.js';
import { atLeast, healthReport } from '../health/evaluate.js';
import type { HealthLevel } from '../health/types.js';
import { healthRenderer, type HealthFormat } from '../render/health/index.js';
import { loadedWhileReading, loadReadableCops, printRead, readExit, type ReadOptions } from './load-valid.js';

export interface HealthOptions extends ReadOptions {
  format: HealthFormat;
  failOn?: Exclude<HealthLevel, 'ok'>;
}

export async function health(ids: string[], options: HealthOptions, io: Io): Promise<number> {
  const renderer = loadedWhileReading(() => healthRenderer(options.format));
  // Each CoP is judged where it is read (src/lint/per-cop.ts): the meetings are not gathered here.
  const load = await loadReadableCops(options, io, { kind: 'health' }, undefined, renderer.onReading);
  if (!load.ok) return load.exitCode;
  const full = healthReport(load.workspace, load.context.asOf, [...load.perCop.values()]);
  const unknown = ids.filter((id) => !full.cops.some((cop) => cop.id === id));
  if (unknown.length) throw new UsageError(unknown.map((id) => unknownCop(id, full.cops.map((cop) => cop.id))).join('\n'));
  const report = ids.length ? { ...full, cops: full.cops.filter((cop) => ids.includes(cop.id)) } : full;
  const render = await renderer.loaded();
  await printRead(io, render(report, useColor(options.color, io), outputWidth(io)), options.format, load.leftOut);
  const failOn = options.failOn;
  return readExit(load.leftOut, failOn && report.cops.some((cop) => atLeast(cop.level, failOn)) ? EXIT.findings : EXIT.ok);
}

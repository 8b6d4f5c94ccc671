/** `cop health [ids…]`: judge every active CoP against the dissolution triggers; print the evidence. */
import { EXIT, UsageError } from '../core/errors.js';
import { unknownCop } from '../core/suggest.js';
import { useColor, type Io } from '../core/terminal.js';
import { atLeast, evaluateHealth } from '../health/evaluate.js';
import type { HealthLevel } from '../health/types.js';
import { healthJson } from '../render/health/json.js';
import { healthMarkdown } from '../render/health/markdown.js';
import { healthTable } from '../render/health/table.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';

export interface HealthOptions extends DataOptions {
  format: 'table' | 'markdown' | 'json';
  failOn?: Exclude<HealthLevel, 'ok'>;
}

export async function health(ids: string[], options: HealthOptions, io: Io): Promise<number> {
  const load = await loadValidWorkspace(options, io);
  if (!load.ok) return load.exitCode;
  const full = evaluateHealth(load.workspace, load.context.asOf);
  const unknown = ids.filter((id) => !full.cops.some((cop) => cop.id === id));
  if (unknown.length) throw new UsageError(unknown.map((id) => unknownCop(id, full.cops.map((cop) => cop.id))).join('\n'));
  const report = ids.length ? { ...full, cops: full.cops.filter((cop) => ids.includes(cop.id)) } : full;
  const render = { table: () => healthTable(report, useColor(options.color, io)), markdown: () => healthMarkdown(report), json: () => healthJson(report) };
  io.stdout(render[options.format]());
  const failOn = options.failOn;
  return failOn && report.cops.some((cop) => atLeast(cop.level, failOn)) ? EXIT.findings : EXIT.ok;
}

/** `cop due`: what needs doing, soonest first, for the organisation or one person. */
import { UsageError } from '../core/errors.js';
import { suggest } from '../core/suggest.js';
import { outputWidth, useColor, type Io } from '../core/terminal.js';
import { computeDue } from '../due/compute.js';
import { dueIcs } from '../render/due/ics.js';
import { dueJson } from '../render/due/json.js';
import { dueTable } from '../render/due/table.js';
import { loadReadableWorkspace, printRead, readExit, type ReadOptions } from './load-valid.js';

export interface DueCommandOptions extends ReadOptions {
  person?: string;
  within: string;
  format: 'table' | 'json' | 'ics';
}

export async function due(options: DueCommandOptions, io: Io): Promise<number> {
  const within = parseWithin(options.within);
  const load = await loadReadableWorkspace(options, io);
  if (!load.ok) return load.exitCode;
  const ws = load.workspace;
  const ids = (ws.people?.data ?? []).map((p) => p.id);
  if (options.person !== undefined && !ids.includes(options.person)) {
    const near = suggest(options.person, ids);
    throw new UsageError(`--person ${options.person}: no such person in people.yaml${near.length ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}.`);
  }
  const report = computeDue(ws, { asOf: load.context.asOf, within, person: options.person });
  const render = { json: () => dueJson(report), ics: () => dueIcs(report, ws.config.organisation), table: () => dueTable(report, useColor(options.color, io), outputWidth(io)) };
  await printRead(io, render[options.format](), options.format, load.leftOut);
  return readExit(load.leftOut);
}

/** `30d`, `6w` or a bare number of days. */
export function parseWithin(text: string): number {
  const match = /^(\d+)([dw]?)$/.exec(text);
  if (!match) throw new UsageError(`--within ${text}: expected days or weeks, e.g. 30d or 6w.`);
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}

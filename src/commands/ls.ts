/** `cop ls`: every CoP on one line each, filtered by status, sponsor or person. */
import { EXIT, UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { outputWidth, useColor, type Io } from '../core/terminal.js';
import { renderList, type ListFormat } from '../render/cop/list.js';
import { organisationView } from '../view/build.js';
import { filterCops, listRow, type ListFilters } from '../view/list.js';
import { personIndex } from '../workspace/workspace.js';
import { loadReadableWorkspace, printRead, readExit, type ReadOptions } from './load-valid.js';

export interface LsOptions extends ReadOptions, ListFilters {
  format: ListFormat;
}

export async function ls(options: LsOptions, io: Io): Promise<number> {
  const load = await loadReadableWorkspace(options, io);
  if (!load.ok) return load.exitCode;
  const { workspace: ws, context } = load;
  const people = [...personIndex(ws).keys()];
  for (const flag of ['sponsor', 'person'] as const) {
    const id = options[flag];
    if (id !== undefined && !people.includes(id)) throw new UsageError(`--${flag} ${id}: not in people.yaml.${didYouMean(id, people)}`);
  }
  const filters: ListFilters = {};
  if (options.status !== undefined) filters.status = options.status;
  if (options.sponsor !== undefined) filters.sponsor = options.sponsor;
  if (options.person !== undefined) filters.person = options.person;
  const rows = filterCops(organisationView(ws, context.asOf), filters).map(listRow);
  await printRead(io, renderList(rows, options.format, { asOf: context.asOf, filters, color: useColor(options.color, io), width: outputWidth(io) }), options.format, load.leftOut);
  return readExit(load.leftOut);
}

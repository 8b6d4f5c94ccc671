/** `cop rules [id]`: the lint rules and their default severities, or one rule's documentation page. */
import { suggest } from '../core/suggest.js';
import { UsageError } from '../core/errors.js';
import { outputWidth, type Io } from '../core/terminal.js';
import { textTable, wrapLines } from '../render/table.js';
import { CORE_CHECKS } from '../rules/core.js';
import { readRulePage } from '../rules/docs.js';
import { CONFIGURABLE_CHECKS } from '../rules/index.js';

export function listRules(id: string | undefined, options: { format: 'table' | 'json' }, io: Io): number {
  const rows = [
    ...CORE_CHECKS.map((meta) => ({ ...meta, configurable: false })),
    ...CONFIGURABLE_CHECKS.map((meta) => ({ ...meta, configurable: true })),
  ];
  if (id !== undefined) return printPage(id, rows, options, io);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = outputWidth(io);
  io.stdout(
    textTable(
      [{ header: 'Rule' }, { header: 'Default' }, { header: 'What it checks' }],
      rows.map((row) => [row.id, row.configurable ? row.defaultSeverity : 'error*', row.description]),
      width,
    ),
  );
  io.stdout(wrapLines('\n* core check: always an error, not configurable.\n`cop rules <id>` prints a rule\'s page: why, examples, options, how to suppress.\n', width));
  return 0;
}

function printPage(id: string, rows: readonly { id: string }[], options: { format: 'table' | 'json' }, io: Io): number {
  const row = rows.find((r) => r.id === id);
  if (!row) {
    const near = suggest(id, rows.map((r) => r.id));
    throw new UsageError(`Unknown rule \`${id}\`.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} \`cop rules\` lists them.`);
  }
  const page = readRulePage(id);
  if (page === undefined) throw new UsageError(`The page for \`${id}\` (docs/rules/${id}.md) is missing from this installation.`);
  io.stdout(options.format === 'json' ? `${JSON.stringify({ ...row, page }, null, 2)}\n` : page);
  return 0;
}

/** `cop rules`: the lint rules and their default severities. */
import type { Io } from '../core/terminal.js';
import { CORE_CHECKS } from '../rules/core.js';
import { RULES } from '../rules/index.js';

export function listRules(options: { format: 'table' | 'json' }, io: Io): number {
  const rows = [
    ...CORE_CHECKS.map((meta) => ({ ...meta, configurable: false })),
    ...RULES.map(({ meta }) => ({ ...meta, configurable: true })),
  ];
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const row of rows) {
    const severity = row.configurable ? row.defaultSeverity : 'error*';
    io.stdout(`${row.id.padEnd(width)}  ${severity.padEnd(6)}  ${row.description}\n`);
  }
  io.stdout('\n* core check: always an error, not configurable.\n');
  return 0;
}

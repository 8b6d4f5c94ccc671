/** `cop codeowners [--write | --check]`: generate .github/CODEOWNERS from the charters and config. */
import { compareCodeowners, mergeCodeowners, planCodeowners } from '../codeowners/codeowners.js';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { escapeTerminal } from '../output/terminal.js';
import { positionFindings } from '../lint/position.js';
import { checkText, codeownersJson, problemsText, type CodeownersJson } from '../render/codeowners.js';
import { codeownersCurrent } from '../rules/codeowners-current.js';
import { replaceFileAtomic } from '../workspace/write.js';
import { codeownersLocation } from '../workspace/repository.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';

export interface CodeownersOptions extends DataOptions {
  write?: boolean;
  check?: boolean;
  format: 'text' | 'json';
}

export async function codeowners(options: CodeownersOptions, io: Io): Promise<number> {
  if (options.write && options.check) throw new UsageError('--write and --check cannot be used together.');
  const loaded = await loadValidWorkspace(options, io, [codeownersCurrent.meta.id], options.write === true);
  if (!loaded.ok) return loaded.exitCode;
  const { workspace, context } = loaded;
  const location = codeownersLocation(context.root);
  const plan = planCodeowners(workspace, context.asOf, location.prefix);
  const problems = positionFindings(
    plan.problems.map((p) => ({ ...p, ruleId: codeownersCurrent.meta.id, severity: 'error' as const })),
    (file) => workspace.texts?.get(file),
  ).map((d) => ({ file: d.file, line: d.start.line, column: d.start.column, message: d.message }));

  const existing = workspace.codeowners?.text;
  const state = existing === undefined ? ({ kind: 'missing' } as const) : compareCodeowners(existing, plan.lines);
  const report: CodeownersJson = {
    file: location.file,
    prefix: location.prefix,
    state: state.kind,
    lines: plan.lines,
    differences: state.kind === 'stale' ? state.lines : [],
    problems,
  };
  const merged = mergeCodeowners(existing, plan.lines);

  if (options.write) {
    if (merged !== existing) {
      replaceFileAtomic(location.path, merged, existing);
      report.state = 'written';
    }
    if (options.format === 'json') io.stdout(codeownersJson(report));
    else io.stdout(`${report.state === 'written' ? `Wrote ${escapeTerminal(location.file)} (${plan.lines.length} generated lines)` : `${escapeTerminal(location.file)} is already up to date`}.\n`);
  } else if (options.check) {
    io.stdout(options.format === 'json' ? codeownersJson(report) : checkText(report));
  } else {
    io.stdout(options.format === 'json' ? codeownersJson(report) : merged);
  }
  if (options.format !== 'json' && problems.length > 0) io.stderr(problemsText(problems));
  if (problems.length > 0) return EXIT.findings;
  return options.check && state.kind !== 'current' ? EXIT.findings : EXIT.ok;
}

/** `cop readme [--write | --check]`: the generated READMEs under cops/ (an index and one per CoP). */
import { join } from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import type { Io } from '../core/terminal.js';
import { plannedReadmes, readmeStates } from '../readme/check.js';
import { readmeText, type ReadmeJson } from '../render/readme.js';
import { readmeCurrent } from '../rules/readme-current.js';
import { readmeEdits } from '../scaffold/generated.js';
import { replaceFileAtomic } from '../workspace/write.js';
import { loadValidWorkspace } from './load-valid.js';
import type { DataOptions } from './options.js';

export interface ReadmeOptions extends DataOptions {
  write?: boolean;
  check?: boolean;
  format: 'text' | 'json';
}

export async function readme(options: ReadmeOptions, io: Io): Promise<number> {
  if (options.write && options.check) throw new UsageError('--write and --check cannot be used together.');
  const loaded = await loadValidWorkspace(options, io, [readmeCurrent.meta.id], options.write === true);
  if (!loaded.ok) return loaded.exitCode;
  const { workspace: ws, context } = loaded;
  const readmes = ws.readmes ?? new Map<string, string>();
  const report: ReadmeJson = { as_of: context.asOf, files: [] };

  if (options.write) {
    // Every README, whatever its state; one that would differ only in its as-of date keeps the older date: no change, no diff to review.
    const edits = new Map((await readmeEdits(ws, context.asOf, 'all')).map((edit) => [edit.file, edit]));
    for (const plan of plannedReadmes(ws, context.asOf)) {
      const edit = edits.get(plan.file);
      if (edit) replaceFileAtomic(join(context.root, edit.file), edit.after, edit.before);
      report.files.push({ file: plan.file, state: edit ? 'written' : 'unchanged', as_of: context.asOf, differences: [] });
    }
  } else {
    for (const s of readmeStates(ws, readmes, context.asOf)) report.files.push({ file: s.file, state: s.state, as_of: s.asOf, differences: s.differences });
  }

  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : readmeText(report));
  const stale = report.files.some((f) => f.state === 'stale' || f.state === 'missing' || f.state === 'no-block');
  return options.check && stale ? EXIT.findings : EXIT.ok;
}

/** `cop readme [--write | --check]`: the generated READMEs under cops/ (an index and one per CoP). */
import { join } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { EXIT, UsageError } from '../core/errors.js';
import { MalformedBlockError } from '../core/marked-block.js';
import type { Io } from '../core/terminal.js';
import { plannedReadmes, readmeStates } from '../readme/check.js';
import { mergeReadme, sameApartFromDate, type PlannedReadme } from '../readme/readme.js';
import { markerProblemsText, readmeText, type ReadmeJson } from '../render/readme.js';
import { readmeCurrent } from '../rules/readme-current.js';
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
    const merged = mergedReadmes(plannedReadmes(ws, context.asOf), readmes, context.asOf);
    if (merged.refused.length > 0) {
      io.stderr(`cop: no README was written:\n${merged.refused.map((line) => `  ${line}\n`).join('')}`);
      return EXIT.findings;
    }
    for (const { plan, existing, text } of merged.texts) {
      // A block that differs only in its as-of date keeps the older date: no change, no diff to review.
      if (existing !== undefined && sameApartFromDate(existing, text)) {
        report.files.push({ file: plan.file, state: 'unchanged', as_of: context.asOf, differences: [] });
        continue;
      }
      replaceFileAtomic(join(context.root, plan.file), text, existing);
      report.files.push({ file: plan.file, state: 'written', as_of: context.asOf, differences: [] });
    }
  } else {
    for (const s of readmeStates(ws, readmes, context.asOf)) {
      report.files.push({ file: s.file, state: s.state, as_of: s.asOf, differences: s.differences, ...(s.problems ? { problems: s.problems } : {}) });
    }
  }

  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : readmeText(report));
  const stale = report.files.some((f) => f.state === 'stale' || f.state === 'missing' || f.state === 'no-block' || f.state === 'malformed');
  return options.check && stale ? EXIT.findings : EXIT.ok;
}

/**
 * Every README's new text, or, when any file's markers make no single block, what is wrong with
 * them: then nothing is written, so a half-written set never needs reviewing.
 */
function mergedReadmes(plans: readonly PlannedReadme[], readmes: ReadonlyMap<string, string>, asOf: IsoDate) {
  const texts: { plan: PlannedReadme; existing: string | undefined; text: string }[] = [];
  const refused: string[] = [];
  for (const plan of plans) {
    const existing = readmes.get(plan.file);
    try {
      texts.push({ plan, existing, text: mergeReadme(existing, plan, asOf) });
    } catch (error) {
      if (!(error instanceof MalformedBlockError)) throw error;
      refused.push(...markerProblemsText(plan.file, error.problems));
    }
  }
  return { texts, refused };
}

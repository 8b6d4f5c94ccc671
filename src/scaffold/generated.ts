/**
 * The generated files a change to the data makes stale (CODEOWNERS, the READMEs under cops/), for
 * the commands that write data (`cop new`, `log`, `activate`, `dissolve`, `members prune`) and for
 * `cop check --fix`: each file as its own command would write it now. Only files the organisation
 * already generates are touched: a CODEOWNERS with a generated block, READMEs once one holds a
 * block. Pure: texts in, texts out.
 */
import { compareCodeowners, mergeCodeowners, planCodeowners } from '../codeowners/codeowners.js';
import type { IsoDate } from '../core/dates.js';
import { MalformedBlockError } from '../core/marked-block.js';
import { hasGeneratedReadmes } from '../readme/markers.js';
import type { ReadmeState } from '../readme/check.js';
import type { Organisation } from '../workspace/workspace.js';

/** A generated file to write: its path relative to the data root, the text read (undefined: new) and the new text. */
export interface GeneratedEdit {
  file: string;
  before: string | undefined;
  after: string;
}

/** CODEOWNERS with its block rewritten, when it has a block that differs from what the data calls for. */
export function codeownersEdit(org: Organisation, asOf: IsoDate): GeneratedEdit | undefined {
  if (!org.codeowners) return undefined;
  const { file, text, prefix } = org.codeowners;
  const lines = planCodeowners(org, asOf, prefix).lines;
  if (compareCodeowners(text, lines).kind !== 'stale') return undefined;
  return { file, before: text, after: mergeCodeowners(text, lines) };
}

/**
 * The generated READMEs written again as of `asOf`: `'all'` (`cop readme --write`, which also
 * starts them), or those in the given states as readme-current sees them (once the organisation
 * has any). A file whose new text differs from the old only in its dates keeps the old one.
 */
export async function readmeEdits(org: Organisation, asOf: IsoDate, which: 'all' | readonly ReadmeState['state'][]): Promise<GeneratedEdit[]> {
  const readmes = org.readmes ?? new Map<string, string>();
  if (which !== 'all' && !hasGeneratedReadmes(readmes)) return [];
  // Loaded only here: the view model and the table renderers cost a tenth of a small check.
  const { plannedReadmes, readmeStates } = await import('../readme/check.js');
  const { mergeReadme, sameApartFromDate } = await import('../readme/readme.js');
  const wanted = which === 'all' ? undefined : new Set(readmeStates(org, readmes, asOf).filter((s) => which.includes(s.state)).map((s) => s.file));
  const edits: GeneratedEdit[] = [];
  for (const plan of plannedReadmes(org, asOf)) {
    if (wanted && !wanted.has(plan.file)) continue;
    const before = readmes.get(plan.file);
    let after: string;
    try {
      after = mergeReadme(before, plan, asOf);
    } catch (error) {
      // A README whose markers make no single block is for a person to mend (readme-current says where): left as it is.
      if (error instanceof MalformedBlockError) continue;
      throw error;
    }
    if (before === undefined || !sameApartFromDate(before, after)) edits.push({ file: plan.file, before, after });
  }
  return edits;
}

/** Every generated file the data (as changed) leaves behind: CODEOWNERS, then the READMEs. */
export async function generatedEdits(org: Organisation, asOf: IsoDate): Promise<GeneratedEdit[]> {
  const codeowners = codeownersEdit(org, asOf);
  return [...(codeowners ? [codeowners] : []), ...(await readmeEdits(org, asOf, ['stale', 'missing']))];
}

/** The organisation as it will be once the edits are written (what `cop check` will then compare). */
export function withGenerated<O extends Organisation>(org: O, edits: readonly GeneratedEdit[]): O {
  const texts = new Map(edits.map((edit) => [edit.file, edit.after]));
  const codeownersText = org.codeowners && texts.get(org.codeowners.file);
  const readmes = org.readmes && new Map([...org.readmes, ...[...texts].filter(([file]) => file !== org.codeowners?.file)]);
  return { ...org, ...(org.codeowners && codeownersText !== undefined ? { codeowners: { ...org.codeowners, text: codeownersText } } : {}), ...(readmes ? { readmes } : {}) };
}

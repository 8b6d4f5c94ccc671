/**
 * `cop check --fix`: the fixes with exactly one right answer, planned from the findings. Pure:
 * texts in, fixes out; src/fix/apply.ts writes them. A file that did not parse has no rule
 * findings (only core checks), so it is never fixed; CODEOWNERS and the READMEs, generated
 * from every charter, are regenerated only when every data file loaded.
 *
 * - `charter-id-matches-folder`: the charter's `id` becomes the folder name (every path already uses the folder);
 * - `meeting-file-name`: the file is renamed after its `date` (the next free `-2`, `-3` … suffix);
 * - `codeowners-current`: the generated block is rewritten, lines outside it kept (never when its
 *   marker lines make no single block: which lines are generated is for a person to say);
 * - `readme-current`: the READMEs that are stale, missing or without a block are written as `cop readme --write` would;
 * - `schema-modeline`: the `$schema` comment is added as the first line, or the wrong one corrected.
 */
import { RESERVED_COP_IDS } from '../calendar/reserved.js';
import { compareCodeowners, mergeCodeowners, planCodeowners } from '../codeowners/codeowners.js';
import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { CORE_CHECKS } from '../rules/core.js';
import { readmeEdits } from '../scaffold/generated.js';
import { classifyDataPath } from '../workspace/discover.js';
import { withModeline } from '../workspace/modeline.js';
import { editTopLevel, YamlEditError } from '../workspace/yaml-edit.js';
import type { Workspace } from '../workspace/workspace.js';

export type Fix =
  /** Replace the file's text; `before` is what was read (undefined: a new file), so a file changed meanwhile is left alone. */
  | { kind: 'edit'; rule: string; file: string; before: string | undefined; after: string }
  | { kind: 'rename'; rule: string; from: string; to: string };

export interface FixInput {
  ws: Workspace;
  diagnostics: readonly Diagnostic[];
  asOf: IsoDate;
  /** A data file's text (relative path), undefined when it cannot be read. */
  textOf: (file: string) => string | undefined;
  /** Whether a file (relative path) exists. */
  exists: (file: string) => boolean;
  /** The `$schema` reference a data file (relative path) of that kind should name (src/commands/scaffold-shell.ts). */
  schemaRef: (file: string, kind: string) => string;
}

const coreIds = new Set(CORE_CHECKS.map((check) => check.id));

export async function planFixes({ ws, diagnostics, asOf, textOf, exists, schemaRef }: FixInput): Promise<Fix[]> {
  const fixes: Fix[] = [];
  const firing = (rule: string) => [...new Set(diagnostics.filter((d) => d.ruleId === rule).map((d) => d.file))];

  for (const file of firing('charter-id-matches-folder')) {
    const folder = file.split('/')[1];
    const before = textOf(file);
    // A reserved folder name (`all`) is never copied into the id: the folder has to be renamed.
    if (folder === undefined || before === undefined || RESERVED_COP_IDS.includes(folder)) continue;
    try {
      fixes.push({ kind: 'edit', rule: 'charter-id-matches-folder', file, before, after: editTopLevel(before, { set: { id: folder } }) });
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
    }
  }

  for (const file of firing('schema-modeline')) {
    const before = textOf(file);
    const kind = classifyDataPath(file)?.kind;
    if (before === undefined || kind === undefined) continue;
    // One fix per file: the charter-id edit above already holds this file's new text.
    const earlier = fixes.find((fix): fix is Extract<Fix, { kind: 'edit' }> => fix.kind === 'edit' && fix.file === file);
    if (earlier) earlier.after = withModeline(earlier.after, schemaRef(file, kind));
    else fixes.push({ kind: 'edit', rule: 'schema-modeline', file, before, after: withModeline(before, schemaRef(file, kind)) });
  }

  const taken = new Set<string>();
  for (const file of firing('meeting-file-name')) {
    const meeting = ws.cops.flatMap((cop) => cop.meetings).find((m) => m.file === file);
    if (!meeting) continue;
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    for (let n = 1; ; n++) {
      const to = `${folder}${meeting.data.date}${n > 1 ? `-${n}` : ''}.yaml`;
      if (exists(to) || taken.has(to)) continue;
      taken.add(to);
      fixes.push({ kind: 'rename', rule: 'meeting-file-name', from: file, to });
      break;
    }
  }

  const loadedAll = !diagnostics.some((d) => coreIds.has(d.ruleId));
  if (ws.codeowners && loadedAll && firing('codeowners-current').length > 0) {
    const plan = planCodeowners(ws, asOf, ws.codeowners.prefix);
    // Broken marker lines (reported by the rule) need a person to say which lines are generated.
    const after = compareCodeowners(ws.codeowners.text, plan.lines).kind === 'malformed' ? undefined : mergeCodeowners(ws.codeowners.text, plan.lines);
    // An owner without a GitHub handle needs a person to add one: that is not a fix with one answer.
    if (after !== undefined && plan.problems.length === 0 && after !== ws.codeowners.text) {
      fixes.push({ kind: 'edit', rule: 'codeowners-current', file: ws.codeowners.file, before: ws.codeowners.text, after });
    }
  }
  if (loadedAll && firing('readme-current').length > 0) {
    for (const edit of await readmeEdits(ws, asOf, ['stale', 'missing', 'no-block'])) fixes.push({ kind: 'edit', rule: 'readme-current', file: edit.file, before: edit.before, after: edit.after });
  }
  return fixes;
}

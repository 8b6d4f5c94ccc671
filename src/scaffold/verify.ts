/**
 * "Runs the same checks as `cop check` on the result before writing anything": the text about to
 * be written is parsed and schema-validated exactly as the loader would, added to the loaded
 * workspace in memory, and the lint rules run over it. Only findings in the new files are kept.
 */
import type { IsoDate } from '../core/dates.js';
import { resolveSeverities } from '../lint/severities.js';
import { findDirectives } from '../lint/directives.js';
import { suppressionPolicy } from '../lint/lint-workspace.js';
import { positionFindings } from '../lint/position.js';
import { ruleInputs } from '../lint/rule-inputs.js';
import { runRules } from '../lint/run-rules.js';
import { applySuppressions } from '../lint/suppress.js';
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Charter, GoalReview, Meeting, Output, PeopleFile } from '../model/schema-types.js';
import { CONFIGURABLE_CHECKS, RULES } from '../rules/index.js';
import type { Validate } from '../schema/validator.js';
import { copIdsOf } from '../workspace/discover.js';
import { parseDataFile } from '../workspace/parse.js';
import type { SchemaKind } from '../schema/validator.js';
import type { Workspace } from '../workspace/workspace.js';
import { generatedEdits, withGenerated, type GeneratedEdit } from './generated.js';

/** A file about to be written: its path relative to the root, what it is, and its full text. */
export interface PendingFile {
  file: string;
  kind: Extract<SchemaKind, 'charter' | 'meeting' | 'output' | 'people' | 'review'>;
  text: string;
}

/** Records sorted by file name (so by date), as loading sorts them. */
const byFile = <T extends { file: string }>(records: T[]): T[] => records.sort((a, b) => (a.file < b.file ? -1 : 1));

/** The workspace as it will be once the pending files are written. Pure: the input is not changed. */
export function withPending(ws: Workspace, pending: readonly { file: string; kind: PendingFile['kind']; data: unknown }[]): Workspace {
  let cops = ws.cops;
  let people = ws.people;
  for (const { file, kind, data } of pending) {
    const copId = file.split('/')[1] ?? '';
    if (kind === 'people') {
      people = { file, data: (data as PeopleFile).people };
    } else if (kind === 'charter') {
      // A charter edited in place (activate, dissolve, prune) keeps its CoP's meetings, outputs and reviews.
      const before = cops.find((c) => c.id === copId);
      const folder = { id: copId, charterFile: file, hasCharterFile: true, charter: data as Charter, meetings: before?.meetings ?? [], outputs: before?.outputs ?? [], reviews: before?.reviews ?? [] };
      cops = [...cops.filter((c) => c.id !== copId), folder].sort((a, b) => (a.id < b.id ? -1 : 1));
    } else if (kind === 'output') {
      cops = cops.map((c) => (c.id === copId ? { ...c, outputs: byFile([...c.outputs, { file, data: data as Output }]) } : c));
    } else if (kind === 'review') {
      cops = cops.map((c) => (c.id === copId ? { ...c, reviews: byFile([...c.reviews.filter((r) => r.file !== file), { file, data: data as GoalReview }]) } : c));
    } else {
      cops = cops.map((c) => (c.id === copId ? { ...c, meetings: byFile([...c.meetings, { file, data: data as Meeting }]) } : c));
    }
  }
  const added = pending.filter((p) => p.kind !== 'people' && !ws.cops.some((c) => c.charterFile === p.file || c.meetings.some((m) => m.file === p.file) || c.outputs.some((o) => o.file === p.file) || c.reviews.some((r) => r.file === p.file)));
  const next: Workspace = { ...ws, cops, fileCount: ws.fileCount + added.length };
  if (people) next.people = people;
  return next;
}

/** The findings `cop check` would report in the pending files once written, sorted, errors and warnings. */
export async function verifyPending(ws: Workspace, pending: readonly PendingFile[], validate: Validate, asOf: IsoDate): Promise<Diagnostic[]> {
  return (await verifyWithGenerated(ws, pending, validate, asOf)).diagnostics;
}

/**
 * verifyPending, and the generated files (CODEOWNERS, READMEs) the pending files make stale: the
 * rules see them as they will be once rewritten in the same step, so a new CoP is never refused
 * for lacking the README only its own creation can write.
 */
export async function verifyWithGenerated(ws: Workspace, pending: readonly PendingFile[], validate: Validate, asOf: IsoDate): Promise<{ diagnostics: Diagnostic[]; generated: GeneratedEdit[] }> {
  const diagnostics: Diagnostic[] = [];
  const parsed = pending.map((p) => ({ ...p, result: parseDataFile({ file: p.file, kind: p.kind }, p.text, validate) }));
  for (const p of parsed) diagnostics.push(...p.result.diagnostics);
  if (parsed.some((p) => p.result.data === undefined)) return { diagnostics: diagnostics.sort(compareDiagnostics), generated: [] };

  const changed = withPending(ws, parsed.map((p) => ({ file: p.file, kind: p.kind, data: p.result.data })));
  const generated = await generatedEdits(changed, asOf);
  const next = withGenerated(changed, generated);
  const { severities } = resolveSeverities(ws.config, CONFIGURABLE_CHECKS);
  const texts = new Map(pending.map((p) => [p.file, p.text]));
  // Only the CoPs the pending files belong to can have findings in them (and the organisation).
  const touched = new Set(copIdsOf(pending.map((p) => p.file)));
  const cops = next.cops.filter((cop) => touched.has(cop.id));
  const findings = runRules(next, RULES, severities, asOf, await ruleInputs(next, asOf), cops).filter((finding) => texts.has(finding.file));
  // The pending files' own suppression comments apply, as they will once written (cop log --allow-duplicate).
  const directives = pending.flatMap((p) => findDirectives(p.file, p.text));
  diagnostics.push(...applySuppressions(positionFindings(findings, (file) => texts.get(file)), directives, suppressionPolicy(ws, severities)).reported);
  return { diagnostics: diagnostics.sort(compareDiagnostics), generated };
}

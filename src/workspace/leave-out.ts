/**
 * What a read command (`ls`, `report`, `site`…) can still compute when some files have errors:
 * the workspace without them. A meeting log or output with an error is left out of its CoP; a charter with
 * an error takes its CoP out; files no figure is computed from (CODEOWNERS, READMEs), and errors
 * no figure depends on (a placeholder text), are only listed. `cop.config.yaml` and `people.yaml`
 * feed every figure: an error there cannot be left out.
 * Pure.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { classifyDataPath, COPS_FOLDER_FILES, RECORD_FOLDERS } from './discover.js';
import { COPS_DIR } from './root.js';
import type { Workspace } from './workspace.js';

/** What leaving a file out did to the output. */
export type LeftOutEffect = 'meeting-left-out' | 'output-left-out' | 'cop-left-out' | 'not-used';

export interface LeftOutFile {
  /** Relative to the data root. */
  file: string;
  /** Its errors (as `cop check` reports them). */
  errors: number;
  effect: LeftOutEffect;
  /** The CoP the file belongs to, when it belongs to one. */
  cop?: string;
}

export type LeaveOut =
  | { ok: true; workspace: Workspace; leftOut: LeftOutFile[] }
  /** Files every figure depends on have errors. */
  | { ok: false; blocking: string[] };

function effectOf(file: string): { effect: LeftOutEffect; cop?: string } | 'blocking' {
  const data = classifyDataPath(file);
  switch (data?.kind) {
    case 'config':
    case 'people':
      return 'blocking';
    case 'charter':
      return { effect: 'cop-left-out', cop: data.copId! };
    case 'meeting':
      return { effect: 'meeting-left-out', cop: data.copId! };
    case 'output':
      return { effect: 'output-left-out', cop: data.copId! };
    default:
      return { effect: 'not-used' };
  }
}

/**
 * Whether `path` is a folder the data files are listed from: cops/, a CoP's folder, or its
 * meetings/, outputs/ or reviews/. When one cannot be listed (a finding of the rule `file` on its
 * path), which files it holds is unknown, so no output could say what it left out. An unreadable
 * file is different: it is left out like a file with errors.
 */
export function isDataFolder(path: string): boolean {
  const parts = path.split('/');
  if (parts[0] !== COPS_DIR || parts.length > 3) return false;
  if (parts.length === 2) return !COPS_FOLDER_FILES.includes(parts[1]!); // cops/README.md is a file
  return parts.length === 1 || RECORD_FOLDERS.some(({ folder }) => folder === parts[2]);
}

/**
 * Rules whose errors no figure depends on: a placeholder left in a text, a wrong `$schema` comment.
 * A file with only these is used as it is, and listed.
 */
const NOT_ABOUT_FIGURES = new Set(['no-placeholder', 'schema-modeline']);

export function leaveOutFilesInError(ws: Workspace, errors: readonly Diagnostic[]): LeaveOut {
  const counts = new Map<string, { errors: number; aboutFigures: boolean }>();
  for (const d of errors) {
    const seen = counts.get(d.file) ?? { errors: 0, aboutFigures: false };
    counts.set(d.file, { errors: seen.errors + 1, aboutFigures: seen.aboutFigures || !NOT_ABOUT_FIGURES.has(d.ruleId) });
  }
  const leftOut: LeftOutFile[] = [];
  const blocking: string[] = [];
  for (const [file, { errors: count, aboutFigures }] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const found = aboutFigures ? effectOf(file) : { effect: 'not-used' as const };
    if (found === 'blocking') blocking.push(file);
    else leftOut.push({ file, errors: count, ...found });
  }
  if (blocking.length > 0) return { ok: false, blocking };
  const copsOut = new Set(leftOut.filter((f) => f.effect === 'cop-left-out').map((f) => f.cop));
  const recordsOut = new Set(leftOut.filter((f) => f.effect === 'meeting-left-out' || f.effect === 'output-left-out').map((f) => f.file));
  const kept = <T extends { file: string }>(records: T[]) => (records.some((r) => recordsOut.has(r.file)) ? records.filter((r) => !recordsOut.has(r.file)) : records);
  const cops = ws.cops.filter((cop) => !copsOut.has(cop.id)).map((cop) => ({ ...cop, meetings: kept(cop.meetings), outputs: kept(cop.outputs) }));
  return { ok: true, workspace: { ...ws, cops }, leftOut };
}

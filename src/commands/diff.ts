/** `cop diff [--base REF] [--head REF]`: what a change to the data root asks a reviewer to approve. */
import { EXIT } from '../core/errors.js';
import { useColor, type Io } from '../core/terminal.js';
import { diffWorkspaces } from '../diff/diff.js';
import { defaultBranch, mergeBase, repositoryOf, resolveCommit } from '../git/git.js';
import { renderDiff, type DiffFormat } from '../render/diff/index.js';
import { diffReport } from '../render/diff/words.js';
import { snapshotOfCommit, snapshotOfWorkingTree, type Snapshot } from '../workspace/revision.js';
import { findDataRoot } from '../workspace/root.js';
import { printDiagnostics } from './load-valid.js';

export interface DiffOptions {
  root?: string;
  base?: string;
  head?: string;
  format: DiffFormat;
  color?: boolean;
}

const errorsOf = (snapshot: Snapshot) => snapshot.diagnostics.filter((d) => d.severity === 'error');

export async function diff(options: DiffOptions, io: Io): Promise<number> {
  const root = findDataRoot(io.cwd, options.root);
  const color = useColor(options.color, io);
  const repo = repositoryOf(root);
  let base: { ref: string; commit: string };
  if (options.base !== undefined) {
    base = { ref: options.base, commit: resolveCommit(options.base, root) };
  } else {
    const branch = defaultBranch(root);
    base = { ref: `merge-base of HEAD and ${branch}`, commit: mergeBase(resolveCommit('HEAD', root), resolveCommit(branch, root), root) };
  }
  const head = options.head === undefined ? { ref: null, commit: null } : { ref: options.head, commit: resolveCommit(options.head, root) };

  const before = snapshotOfCommit(root, repo.topLevel, repo.prefix, base.commit);
  const after = head.commit === null ? await snapshotOfWorkingTree(root) : snapshotOfCommit(root, repo.topLevel, repo.prefix, head.commit);
  const afterErrors = errorsOf(after);
  if (afterErrors.length > 0) {
    await printDiagnostics(afterErrors, after.workspace.fileCount, root, color, io);
    io.stderr(`cop: the changed data has errors (above), so its changes cannot be read; fix them (\`cop check\` shows them all).\n`);
    return EXIT.findings;
  }
  const beforeErrors = errorsOf(before);
  if (beforeErrors.length > 0) {
    await printDiagnostics(beforeErrors, before.workspace.fileCount, root, color, io);
    io.stderr(`cop: warning: at ${base.ref} the files above did not load; the comparison treats them as absent.\n`);
  }
  const report = diffReport(base, head, diffWorkspaces(before.workspace, after.workspace));
  io.stdout(renderDiff(report, options.format, color));
  return report.findings.length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * vitest's global setup: every temporary folder the tests make (`tmpdir()`, in the tests, in the
 * CLI processes they start and in Chromium's profiles) goes under one folder of this run, removed
 * when the run ends. Without it a full run leaves a few thousand folders in the system's /tmp.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'cop-tests-'));
  // As open as /tmp: some tests run the CLI as another user (`nobody`, through setpriv).
  chmodSync(root, 0o1777);
  // Read by os.tmpdir() in the test workers, which start after this and inherit the environment.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}

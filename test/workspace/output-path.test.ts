import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { checkOutputPath } from '../../src/workspace/write.js';
import { runInProcess } from '../helpers/in-process.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { AS_OF } from '../helpers/org-copy.js';

const refusal = (path: string, kind: 'folder' | 'file') => {
  try {
    checkOutputPath(path, kind, path);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  return undefined;
};

describe('checkOutputPath: where --out may write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cop-out-'));

  it('admits a new or existing folder, or a file, on an ordinary file system', () => {
    expect(refusal(join(dir, 'new/deeper'), 'folder')).toBeUndefined();
    expect(refusal(dir, 'folder')).toBeUndefined();
    writeFileSync(join(dir, 'a.ics'), '');
    expect(refusal(join(dir, 'a.ics'), 'file')).toBeUndefined();
    expect(refusal(join(dir, 'b.ics'), 'file')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('refuses the kernel\'s file systems at once: /proc, /sys, /dev', () => {
    expect(refusal('/proc/self/x', 'folder')).toMatch(/\/proc\/self\/x is on the proc file system, where the kernel keeps its own files/);
    expect(refusal('/proc/x/', 'folder')).toMatch(/on the proc file system/);
    expect(refusal('/sys/x', 'folder')).toMatch(/on the sysfs file system/);
    expect(refusal('/dev/x/y', 'folder')).toMatch(/\/dev\/x\/y is (on the \w+ file system|under \/dev)/);
    expect(refusal('/dev/null', 'file')).toMatch(/is a character device, not a regular file/);
  });

  it('refuses a file where a folder is wanted, a folder under a file, a FIFO and a symbolic link', () => {
    writeFileSync(join(dir, 'plain'), '');
    expect(refusal(join(dir, 'plain'), 'folder')).toMatch(/is a file|is a special file|not a folder/);
    expect(refusal(join(dir, 'plain/sub'), 'folder')).toMatch(/plain is not a folder, so nothing can be written there/);
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'fifo')]);
      expect(refusal(join(dir, 'fifo'), 'folder')).toMatch(/is a FIFO, not a folder/);
      expect(refusal(join(dir, 'fifo'), 'file')).toMatch(/is a FIFO, not a regular file/);
    }
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'link'));
    expect(refusal(join(dir, 'link'), 'folder')).toMatch(/is a symbolic link; cop writes only into a real folder/);
  });
});

describe.runIf(process.platform === 'linux')('cop site and cop calendar --out a kernel file system', () => {
  // The time measured is the command's, not the first import of its modules.
  beforeAll(async () => {
    await Promise.all([import('../../src/commands/site.js'), import('../../src/commands/calendar.js')]);
  });
  for (const [command, out] of [['site', '/proc/self/x'], ['site', '/sys/x'], ['calendar', '/proc/x/'], ['calendar', '/proc/self/x.ics']] as const) {
    it(`cop ${command} --out ${out}: exit 2 with a message, in well under 2 s, nothing written`, async () => {
      const started = Date.now();
      const result = await runInProcess([command, '--out', out, '--as-of', AS_OF], REPO_ROOT);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/where the kernel keeps its own files: cop writes only into an ordinary folder/);
    });
  }
});

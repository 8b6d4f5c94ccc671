/** cop.config.yaml is read once per run: the `as_of` it sets and the check start from the same read. */
import { sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

/** The files this process opens (the guarded reader opens each file it reads with openSync). */
const opened = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => (await import('../helpers/opened-files.js')).recordingOpens(await importOriginal(), opened));
const { runInProcess } = await import('../helpers/in-process.js');

const configReads = () => opened.files.filter((file) => file.endsWith(`${sep}cop.config.yaml`)).length;

describe('cop.config.yaml', () => {
  it.each([['check'], ['health'], ['report']])('is read once by cop %s, which takes as_of from it', async (...command) => {
    const root = copyOrganisation();
    opened.files = [];
    const { stderr } = await runInProcess([...command, '--root', root], root);
    expect(stderr).toContain(`as of ${AS_OF}`);
    expect(configReads()).toBe(1);
  }, 60_000);
});

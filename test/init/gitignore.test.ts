import { describe, expect, it } from 'vitest';
import { extendGitignore, gitignoreLines, newGitignore } from '../../src/init/files.js';

const LINES = gitignoreLines('node_modules/.cache/cop/check-cache.bin', '_site');

describe('the .gitignore cop init writes or extends', () => {
  it('a new one ignores installed packages, the check cache and the default site folder', () => {
    const lines = newGitignore(LINES).split('\n');
    expect(lines.filter((line) => line !== '' && !line.startsWith('#'))).toEqual(['node_modules/', 'node_modules/.cache/cop/check-cache.bin', '_site/']);
  });

  it('an existing one gains only the lines it lacks, after its own, with its CRLF line endings', () => {
    const before = '# build output\r\ndist/\r\n/node_modules\r\n*.log';
    const edit = extendGitignore(before, LINES);
    expect(edit).toEqual({ kind: 'changed', text: '# build output\r\ndist/\r\n/node_modules\r\n*.log\r\n# Added by `cop init`.\r\nnode_modules/.cache/cop/check-cache.bin\r\n_site/\r\n' });
  });

  it('one that has every line (however it anchors them) is left as it is', () => {
    const edit = extendGitignore('node_modules\n/node_modules/.cache/cop/check-cache.bin\n/_site/\n', LINES);
    expect(edit.kind).toBe('unchanged');
    // Extending what it wrote itself changes nothing either: a second `cop init` is a no-op.
    expect(extendGitignore(newGitignore(LINES), LINES).kind).toBe('unchanged');
  });
});

/** One word for the human-readable output everywhere (#23): `text`, with `table` and `stylish` accepted for it. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

describe('--format text, table and stylish', () => {
  const root = copyOrganisation();
  const run = (...args: string[]) => runInProcess([...args, '--as-of', AS_OF], root);

  it.each([['check'], ['report'], ['health'], ['due'], ['ls'], ['show', 'aws']])(
    'cop %s prints the same for text, table and stylish as by default',
    async (...command) => {
      const plain = await run(...command);
      for (const word of ['text', 'table', 'stylish']) {
        const shown = await run(...command, '--format', word);
        expect(shown.stderr).toBe(plain.stderr);
        expect(shown.stdout).toBe(plain.stdout);
        expect(shown.status).toBe(plain.status);
      }
    },
  );

  it('calls it text in the help, and refuses an unknown word with the choices', async () => {
    const help = (await runInProcess(['report', '--help'], root)).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(choices: "text", "markdown", "json", "csv", "finance-csv"; "table" and "stylish" are "text" too) (default: "text")');
    const unknown = await run('ls', '--format', 'xml');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Allowed choices are text, json, csv.');
  });
});

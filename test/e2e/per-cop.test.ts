/**
 * `cop report` and `cop health` through the built CLI (workers load dist/lint/cop-worker.js: this
 * needs `npm run build`), each CoP computed where it is read, in this thread alone and with one
 * or two workers beside it, against the ordinary load (a generated README keeps it: every meeting
 * gathered in this thread): byte for byte the same output, findings and exit code, on the bundled
 * organisation with files in error planted. test/lint/per-cop.test.ts compares the figures in process.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { AS_OF } from '../helpers/org-copy.js';
import { PLANTED, plantedFiguresOrganisation, withAndWithoutGeneratedReadme } from '../helpers/planted-figures.js';

describe('report and health computed CoP by CoP in worker threads', () => {
  // About 150 more logs in each of four CoPs: the CoPs go out in several batches, so every thread computes some.
  const roots = withAndWithoutGeneratedReadme(plantedFiguresOrganisation(150));
  const run = (root: string, workers: string, args: readonly string[]) => runCliAsync([...args, '--root', root, '--as-of', AS_OF], { env: { COP_WORKERS: workers } });

  it.each(
    [
      ['report', '--year'],
      ['report', '--year', '--format', 'markdown'],
      ['report', '--year', '--format', 'json'],
      ['report', '--year', '--format', 'csv'],
      ['report', '--month', '2026-10', '--format', 'json'],
      ['report', '--cop', 'platform-engineering', '--no-names'],
      ['report', '--sponsor', 'marcus.webb', '--year', '2025'],
      ['health'],
      ['health', '--format', 'json'],
      ['health', '--format', 'markdown', '--fail-on', 'at-risk'],
    ].map((args) => [args.join(' '), args] as const),
  )('cop %s: the same in 1 and 3 threads as from the ordinary load', async (_, args) => {
    const ordinary = await run(roots.ordinary, '0', args);
    expect(ordinary.status).toBe(1);
    expect(ordinary.stderr).toContain(PLANTED.invalidSuppression);
    for (const workers of ['0', '3']) expect(await run(roots.byCop, workers, args)).toEqual(ordinary);
  });

  it('prints outputs that parse, with the files left out', async () => {
    const json = JSON.parse((await run(roots.byCop, '2', ['report', '--year', '--format', 'json'])).stdout) as { incomplete: { file: string }[]; cops: { id: string }[] };
    expect(json.incomplete.map((file) => file.file)).toEqual(expect.arrayContaining([PLANTED.brokenMeeting, PLANTED.invalidSuppression, PLANTED.brokenCharter]));
    expect(json.incomplete.map((file) => file.file)).not.toContain(PLANTED.suppressedError);
    expect(json.cops.map((cop) => cop.id)).toContain('platform-engineering');
    const csv = await run(roots.byCop, '2', ['report', '--year', '--format', 'csv']);
    expect(csv.stderr).toContain('Incomplete:');
    expect(parseCsv(csv.stdout).length).toBeGreaterThan(5);
    const markdown = fromMarkdown((await run(roots.byCop, '2', ['health', '--format', 'markdown'])).stdout, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    expect(markdown.children.some((node) => node.type === 'table')).toBe(true);
  });
});

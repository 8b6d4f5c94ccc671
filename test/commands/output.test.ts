/** `cop output`: an output recorded from flags and on a terminal, checked like `cop check` before it is written. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordOutput } from '../../src/commands/output.js';
import { UsageError } from '../../src/core/errors.js';
import { DONE } from '../../src/interactive/people-picker.js';
import { lintWorkspace } from '../../src/lint/lint-workspace.js';
import { outputFileName, titleSlug } from '../../src/scaffold/output.js';
import { AS_OF, copyOrganisation, memoryIo } from '../helpers/org-copy.js';
import { DEFAULT, scriptedPrompter } from '../helpers/prompter.js';

const FLAGS = {
  yes: true,
  date: '2026-11-12',
  title: 'Step Functions: a field guide',
  kind: 'written-training',
  author: ['lucy.chen,kwame.asante'],
  goal: ['emerging'],
  hours: ['lucy.chen=2', 'kwame.asante:1'],
  url: 'https://wiki.example.com/step-functions',
  handoffTo: 'training',
};

describe('cop output from flags', () => {
  it('writes cops/<cop>/outputs/<date>-<slug>.yaml that cop check passes, with the hand-off proposed', async () => {
    const root = copyOrganisation();
    const io = memoryIo(root, false);
    expect(await recordOutput('aws', { root, asOf: AS_OF, format: 'text', ...FLAGS }, io)).toBe(0);
    const file = 'cops/aws/outputs/2026-11-12-step-functions-a-field-guide.yaml';
    const text = readFileSync(join(root, file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/cops-as-code/schemas/output.schema.json');
    expect(parse(text)).toEqual({
      date: '2026-11-12',
      title: 'Step Functions: a field guide',
      kind: 'written-training',
      audience: 'internal',
      authors: ['lucy.chen', 'kwame.asante'],
      goals: ['emerging'],
      hours: [{ person: 'lucy.chen', hours: 2 }, { person: 'kwame.asante', hours: 1 }],
      url: 'https://wiki.example.com/step-functions',
      handoff: { to: 'training', status: 'proposed' },
    });
    expect(io.out.join('')).toContain(`Wrote ${file}.`);
    expect((await lintWorkspace(root, AS_OF)).diagnostics).toEqual([]);
  });

  it('takes the next free suffix for a second output of the same day and title', async () => {
    const root = copyOrganisation();
    for (let i = 0; i < 2; i++) expect(await recordOutput('aws', { root, asOf: AS_OF, format: 'json', ...FLAGS }, memoryIo(root, false))).toBe(0);
    expect(readdirSync(join(root, 'cops/aws/outputs')).filter((n) => n.startsWith('2026-11-12'))).toEqual(['2026-11-12-step-functions-a-field-guide-2.yaml', '2026-11-12-step-functions-a-field-guide.yaml']);
  });

  it('refuses every missing or invalid answer at once, and writes nothing', async () => {
    const root = copyOrganisation();
    const run = recordOutput('aws', { root, asOf: AS_OF, format: 'text', yes: true, title: 'Talk', author: ['nobody'], audience: 'public', goal: ['emergin'], handoffTo: 'trainig', hours: ['lucy.chen=two'] }, memoryIo(root, false));
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/write hours as person=hours/);
    const problems = await recordOutput('aws', { root, asOf: AS_OF, format: 'text', yes: true, title: 'Talk', author: ['nobody'], audience: 'public', goal: ['emergin'], handoffTo: 'trainig' }, memoryIo(root, false)).catch((e: Error) => e.message);
    expect(problems).toContain('author: `nobody` (author) is not in people.yaml');
    expect(problems).toContain('goal: No goal `emergin` in the charter (its goals are unblock, deepen, emerging). Did you mean `emerging`?');
    expect(problems).toContain('url: A public output needs the link where it was published.');
    expect(problems).toContain('handoff-to: No circle `trainig`: the circles are consulting-thought-leadership, innovation, training. Did you mean `training`?');
    expect(existsSync(join(root, 'cops/aws/outputs/2026-11-20-talk.yaml'))).toBe(false);
  });
});

describe('cop output on a terminal (scripted prompter)', () => {
  it('asks each question with defaults and writes a clean output', async () => {
    const root = copyOrganisation();
    const prompter = scriptedPrompter([
      '2026-11-21', // refused: after as-of
      '2026-11-05',
      'Lambda cold starts, again',
      'talk',
      'public',
      'lucy.chen',
      DONE,
      ['deepen'],
      'lucy.chen=3',
      '', // refused: a public output needs its link
      'https://talks.example.com/cold-starts',
      DEFAULT, // no meeting
      true, // a hand-off
      'consulting-thought-leadership',
      '', // no costs
    ]);
    const io = memoryIo(root, true);
    expect(await recordOutput('aws', { root, asOf: AS_OF, format: 'text' }, io, async () => prompter)).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.refusals).toEqual(['2026-11-21 is in the future (today is 2026-11-20): record an output once it is published.', 'A public output needs its link.']);
    expect(parse(readFileSync(join(root, 'cops/aws/outputs/2026-11-05-lambda-cold-starts-again.yaml'), 'utf8'))).toEqual({
      date: '2026-11-05',
      title: 'Lambda cold starts, again',
      kind: 'talk',
      audience: 'public',
      authors: ['lucy.chen'],
      goals: ['deepen'],
      hours: [{ person: 'lucy.chen', hours: 3 }],
      url: 'https://talks.example.com/cold-starts',
      handoff: { to: 'consulting-thought-leadership', status: 'proposed' },
    });
    expect((await lintWorkspace(root, AS_OF)).diagnostics).toEqual([]);
  });
});

describe('output file names', () => {
  it('slug the first words of the title, and take -2, -3 … when taken', () => {
    expect(titleSlug('Lambda cold starts: what we measured')).toBe('lambda-cold-starts-what-we-measured');
    expect(titleSlug('Évaluer les risques — un guide pour les équipes de plateforme et au-delà')).toBe('evaluer-les-risques-un-guide-pour-les');
    expect(titleSlug('!!!')).toBe('output');
    expect(outputFileName('2026-11-05', 'A talk', new Set(['2026-11-05-a-talk.yaml', '2026-11-05-a-talk-2.yaml']))).toBe('2026-11-05-a-talk-3.yaml');
  });
});

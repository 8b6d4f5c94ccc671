/** The agreement test's comparison can fail: figures that differ are found, named, and shown with every face's value. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { copyOrganisation } from '../helpers/org-copy.js';
import { FACE_LIST, figuresOf, Organisation } from './faces.js';
import { agree, disagreements, Figures } from './figures.js';

vi.mock('../../src/lint/lint-workspace.js', async (importOriginal) => (await import('./one-load.js')).loadOncePerDay(importOriginal));

describe('agree', () => {
  it('compares a number read from text to the precision it was printed to, and JSON numbers to the hundredth', () => {
    expect(agree({ value: 92.2, decimals: 1 }, { value: 92.24 })).toBe(true);
    expect(agree({ value: 92.2, decimals: 1 }, { value: 92.31 })).toBe(false);
    expect(agree({ value: 1.89 }, { value: 1.8888888 })).toBe(true);
    expect(agree({ value: 1.89 }, { value: 1.9 })).toBe(false);
    expect(agree({ value: '2026-12-16' }, { value: '2026-12-16' })).toBe(true);
    expect(agree({ value: null }, { value: 0 })).toBe(false);
  });

  it('names each figure two faces show differently, with every face that shows it', () => {
    const a = new Figures();
    const b = new Figures();
    a.add('cop aws', 'members', 12);
    b.add('cop aws', 'members', 13);
    a.add('cop aws', 'health', 'ok');
    b.add('cop aws', 'health', 'ok');
    a.add('cop aws', 'status', 'active');
    expect(disagreements(new Map([['show', a], ['ls', b]]))).toEqual([{ figure: 'cop aws · members', shown: { show: 12, ls: 13 } }]);
  });
});

/** The bundled organisation as of 2026-11-20, with one face's output changed after `cop` printed it. */
class Tampered extends Organisation {
  constructor(private readonly change: (args: string[], output: string) => string) {
    super(copyOrganisation(), '2026-11-20');
  }

  override async output(args: string[]): Promise<string> {
    return this.change(args, await super.output(args));
  }
}

describe('the faces', () => {
  it('find a CoP page whose meetings count differs from `cop show`', async () => {
    const org = new Tampered((args, output) => {
      if (args[0] !== 'show' || args[1] !== 'aws') return output;
      const shown = JSON.parse(output);
      shown.cop.meetings.count += 1;
      return JSON.stringify(shown);
    });
    const found = disagreements(await figuresOf(org, FACE_LIST));
    expect(found.map((d) => d.figure)).toEqual(['cop aws · meetings held to date']);
    expect(Object.keys(found[0]!.shown).sort()).toEqual(['api', 'show', 'site']);
  });

  it('find a README whose next handover differs from every other face', async () => {
    const org = new Tampered((args, output) => {
      if (args[0] === 'readme') {
        const file = join(org.root, 'cops', 'aws', 'README.md');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/next handover \d{4}-\d\d-\d\d/, 'next handover 2031-01-01'));
      }
      return output;
    });
    const found = disagreements(await figuresOf(org, FACE_LIST));
    expect(found.map((d) => d.figure)).toEqual(['cop aws · next handover']);
    expect(found[0]!.shown.readme).toBe('2031-01-01');
  });
});

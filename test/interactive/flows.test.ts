import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { logMeeting } from '../../src/commands/log.js';
import { newCop } from '../../src/commands/new.js';
import { ADD, DONE } from '../../src/interactive/people-picker.js';
import { lintWorkspace } from '../../src/lint/lint-workspace.js';
import { AS_OF, copyOrganisation, lambdaMeeting, memoryIo } from '../helpers/org-copy.js';
import { CANCEL, DEFAULT, scriptedPrompter, type Answer } from '../helpers/prompter.js';

const NEW_ANSWERS: Answer[] = [
  '../evil', // refused: a path
  'machine-learning',
  DEFAULT, // name
  DEFAULT, // subject
  'Model training; Evaluation',
  DEFAULT, // out of scope: none
  'Clients ask us to deliver machine learning features.',
  'nobody', // sponsor refused: not in people.yaml
  'stacy.leblanc',
  'seren.howarth',
  'kwame.asante',
  DONE, // refused: two members
  'lucy.chen',
  'fatima.sheikh',
  ADD,
  'ada.lovelace',
  DEFAULT, // name: offered from the id, Ada Lovelace
  DEFAULT, // github
  DONE,
  DEFAULT, // coordinator: the first member
  DEFAULT, // rotation: policy 3
  'educate',
  ['practitioners', 'apprentices'],
  'Learn the basics together.',
  DEFAULT, // review by: three months ahead
  false, // no second goal
  DEFAULT, // formats
  DEFAULT, // cadence
  DEFAULT, // duration
  DEFAULT, // slot
  DEFAULT, // hours per month
  '7', // refreshments refused: over the policy cap of 6
  DEFAULT,
  DEFAULT, // membership
];

describe('cop new on a terminal (scripted prompter)', () => {
  it('asks, refuses bad answers with the reason, and writes a charter that passes cop check', async () => {
    const root = copyOrganisation();
    const prompter = scriptedPrompter(NEW_ANSWERS);
    const io = memoryIo(root, true);
    const code = await newCop(undefined, { root, asOf: AS_OF, format: 'text' }, io, async () => prompter);
    expect(io.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.refusals).toHaveLength(4);
    expect(prompter.refusals[0]).toMatch(/is a path/);
    expect(prompter.refusals[1]).toMatch(/`nobody` \(sponsor\) is not in people.yaml/);
    expect(prompter.refusals[2]).toMatch(/2 members: a CoP needs at least 5/);
    expect(prompter.refusals[3]).toMatch(/caps refreshments at 6/);

    const charter = parse(readFileSync(join(root, 'cops/machine-learning/charter.yaml'), 'utf8'));
    expect(charter).toMatchObject({
      id: 'machine-learning',
      name: 'Machine Learning',
      status: 'proposed',
      created: AS_OF,
      scope: { subject: 'Machine Learning', in: ['Model training', 'Evaluation'] },
      sponsor: 'stacy.leblanc',
      coordinator: { rotation_months: 3, terms: [{ person: 'seren.howarth', from: AS_OF }] },
      members: ['seren.howarth', 'kwame.asante', 'lucy.chen', 'fatima.sheikh', 'ada.lovelace'],
      goals: [{ type: 'educate', audiences: ['practitioners', 'apprentices'], review_by: '2027-02-20' }],
      budget: { hours_per_month: 2, refreshments_per_head: 6 },
    });
    const peopleText = readFileSync(join(root, 'people.yaml'), 'utf8');
    expect(peopleText).toMatch(/- id: ada\.lovelace\n {4}name: Ada Lovelace\n$/);
    expect(peopleText).toMatch(/^# yaml-language-server/); // comments kept
    expect(existsSync(join(root, 'cops/machine-learning/meetings/.gitkeep'))).toBe(true);

    const lint = await lintWorkspace(root, AS_OF);
    expect(lint.diagnostics).toEqual([]);
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const root = copyOrganisation();
    const before = readFileSync(join(root, 'people.yaml'), 'utf8');
    const prompter = scriptedPrompter(NEW_ANSWERS.slice(0, 15).concat([CANCEL]));
    const io = memoryIo(root, true);
    const code = await newCop(undefined, { root, asOf: AS_OF, format: 'text' }, io, async () => prompter);
    expect(code).toBe(130);
    expect(io.err.join('')).toMatch(/cancelled; nothing was written/);
    expect(existsSync(join(root, 'cops/machine-learning'))).toBe(false);
    expect(readFileSync(join(root, 'people.yaml'), 'utf8')).toBe(before);
  });
});

describe('cop log on a terminal (scripted prompter)', () => {
  it('defaults from the charter, refuses a future date, warns about a missing recording, writes a clean meeting', async () => {
    const root = copyOrganisation();
    const prompter = scriptedPrompter([
      true, // it took place
      '2026-11-21', // refused: after as-of
      '2026-11-19',
      'Lambda cold starts',
      DEFAULT, // format: the charter's first (round-table)
      DEFAULT, // duration 60
      DEFAULT, // slot lunch
      ['lucy.chen', 'seren.howarth', 'kwame.asante', 'fatima.sheikh'],
      true, // others from people.yaml
      'priya.raman',
      DONE,
      'Jo Bloggs',
      'Acme Ltd',
      '', // no more guests
      'lucy.chen:1.5',
      'refreshments:30:Sandwiches',
      '', // no recording → warning note
      'Provisioned concurrency; SnapStart',
    ]);
    const io = memoryIo(root, true);
    const code = await logMeeting('aws', { root, asOf: AS_OF, format: 'text' }, io, async () => prompter);
    expect(code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.refusals).toEqual(['2026-11-21 is in the future (today is 2026-11-20): record a meeting once it has happened.']);
    expect(prompter.notes.join('\n')).toMatch(/No recording link/);
    expect(prompter.notes.join('\n')).not.toMatch(/Refreshments/); // 30 for 6 participants = 5 per head, within 6
    const meeting = parse(readFileSync(join(root, 'cops/aws/meetings/2026-11-19.yaml'), 'utf8'));
    expect(meeting).toEqual(
      lambdaMeeting({
        attendees: ['lucy.chen', 'seren.howarth', 'kwame.asante', 'fatima.sheikh', 'priya.raman'],
        costs: [{ category: 'refreshments', amount: 30, description: 'Sandwiches' }],
        topics: ['Provisioned concurrency', 'SnapStart'],
      }),
    );
    const lint = await lintWorkspace(root, AS_OF);
    expect(lint.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['cops/aws/meetings/2026-11-19.yaml meeting-recording']);
    expect(io.err.join('')).toMatch(/meeting-recording/);
  });

  it('Ctrl-C exits 130 and writes nothing', async () => {
    const root = copyOrganisation();
    const prompter = scriptedPrompter([true, '2026-11-19', CANCEL]);
    const code = await logMeeting('aws', { root, asOf: AS_OF, format: 'text' }, memoryIo(root, true), async () => prompter);
    expect(code).toBe(130);
    expect(existsSync(join(root, 'cops/aws/meetings/2026-11-19.yaml'))).toBe(false);
  });
});

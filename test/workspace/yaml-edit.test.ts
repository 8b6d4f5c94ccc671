import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editSequences, editTopLevel, YamlEditError } from '../../src/workspace/yaml-edit.js';

/** A charter with comments everywhere, a folded scalar, flow sequences and odd spacing. */
const CHARTER = `# yaml-language-server: $schema=../../schemas/charter.schema.json
# The AWS CoP.

id: aws   # the folder name
name: AWS
status: "active"  # proposed -> active -> dissolved
created: 2026-01-05
activated: 2026-01-10

rationale: >-
  Most of our client delivery runs on AWS, yet what we know about it sits with a few
  people on a few projects, which is a line longer than eighty characters for sure.

goals:
  - type: educate
    audiences: [practitioners, apprentices]   # flow style, no padding
    description: Learn together.
    review_by: 2027-01-31
members:   [p1, p2, p3, p4, p5]
# A trailing comment at the end of the file.
`;

const DECISION = { date: '2026-11-20', reason: 'low-participation', decided_by: 'p2', note: 'Attendance fell.' };

describe('editTopLevel', () => {
  it('changes only the status value and appends the dissolved block; every other byte survives', () => {
    const out = editTopLevel(CHARTER, { set: { status: 'dissolved' }, append: { key: 'dissolved', value: DECISION, comment: 'Recorded.' } });
    const before = CHARTER.split('\n');
    const after = out.split('\n');
    const statusLine = before.findIndex((line) => line.startsWith('status:'));
    // Same lines up to the old end of the file, except the status line.
    for (const [i, line] of before.slice(0, -1).entries()) {
      expect(after[i]).toBe(i === statusLine ? 'status: dissolved  # proposed -> active -> dissolved' : line);
    }
    expect(after.slice(before.length - 1).join('\n')).toBe('\n# Recorded.\ndissolved:\n  date: 2026-11-20\n  reason: low-participation\n  decided_by: p2\n  note: Attendance fell.\n');
    expect(parse(out)).toMatchObject({ status: 'dissolved', dissolved: DECISION, members: ['p1', 'p2', 'p3', 'p4', 'p5'] });
  });

  it('keeps a missing final newline missing', () => {
    expect(editTopLevel('a: 1', { append: { key: 'b', value: { c: 2 } } })).toBe('a: 1\n\nb:\n  c: 2');
  });

  it('keeps CRLF line endings, in the edit and the appended block', () => {
    const crlf = 'a: 1 # one\r\nstatus: active\r\n';
    expect(editTopLevel(crlf, { set: { status: 'dissolved' }, append: { key: 'b', value: { c: 2 }, comment: 'Note.' } })).toBe(
      'a: 1 # one\r\nstatus: dissolved\r\n\r\n# Note.\r\nb:\r\n  c: 2\r\n',
    );
  });

  it('keeps mixed line endings as they were, appending in the first one', () => {
    expect(editTopLevel('a: 1\r\nb: 2\nc: 3\r\n', { append: { key: 'd', value: 4 } })).toBe('a: 1\r\nb: 2\nc: 3\r\n\r\nd: 4\r\n');
  });

  it('appends before a document end marker (...) and keeps what follows it', () => {
    expect(editTopLevel('a: 1\n...\n', { append: { key: 'b', value: 2 } })).toBe('a: 1\n\nb: 2\n...\n');
    expect(editTopLevel('a: 1\r\n... # end\r\n# bye\r\n', { append: { key: 'b', value: 2 } })).toBe('a: 1\r\n\r\nb: 2\r\n... # end\r\n# bye\r\n');
  });

  it('keeps a byte order mark', () => {
    expect(editTopLevel('\uFEFFa: x\n', { set: { a: 'y' } })).toBe('\uFEFFa: y\n');
  });

  it('refuses a key that is already there, a missing scalar, invalid YAML and a flow mapping', () => {
    expect(() => editTopLevel(CHARTER, { append: { key: 'goals', value: [] } })).toThrow(/already has a `goals` entry/);
    expect(() => editTopLevel(CHARTER, { set: { sponsor: 'p1' } })).toThrow(YamlEditError);
    expect(() => editTopLevel('a: [1\n', { set: { a: 'x' } })).toThrow(/not valid YAML/);
    expect(() => editTopLevel('{a: 1}\n', { set: { a: 'x' } })).toThrow(/not a block mapping/);
  });
});

describe('editSequences', () => {
  const BLOCK = `# Members.
members:
  - p1   # founder
  # p2 joined in March
  - p2
  - p3
membership: open
`;
  const ALUMNUS = { person: 'p2', left: '2026-11-20' };

  it('drops only the removed item\'s line and appends alumni at the end of the file', () => {
    const out = editSequences(BLOCK, { remove: { key: 'members', values: ['p2'] }, add: { key: 'alumni', items: [ALUMNUS], comment: 'Former members.' } });
    expect(out).toBe(`# Members.
members:
  - p1   # founder
  # p2 joined in March
  - p3
membership: open

# Former members.
alumni:
  - person: p2
    left: 2026-11-20
`);
  });

  it('adds to an existing alumni list at its own indentation, keeping CRLF and comments', () => {
    const text = 'members:\r\n- p1\r\n- p2 # leaving\r\nalumni:\r\n    - person: p9 # long gone\r\n      left: 2025-01-01\r\n# end\r\n';
    const out = editSequences(text, { remove: { key: 'members', values: ['p2'] }, add: { key: 'alumni', items: [ALUMNUS] } });
    expect(out).toBe('members:\r\n- p1\r\nalumni:\r\n    - person: p9 # long gone\r\n      left: 2025-01-01\r\n    - person: p2\r\n      left: 2026-11-20\r\n# end\r\n');
  });

  it('edits a flow list in place and keeps a missing final newline missing', () => {
    const out = editSequences('members: [p1, "p2", p3]\nalumni:\n  - person: p9\n    left: 2025-01-01', { remove: { key: 'members', values: ['p2', 'p3'] }, add: { key: 'alumni', items: [ALUMNUS] } });
    expect(out).toBe('members: [p1]\nalumni:\n  - person: p9\n    left: 2025-01-01\n  - person: p2\n    left: 2026-11-20');
    expect(parse(out)).toEqual({ members: ['p1'], alumni: [{ person: 'p9', left: '2025-01-01' }, ALUMNUS] });
  });

  it('refuses to take items out of a flow list with comments (rewriting it would drop them), and says how to proceed', () => {
    const text = 'members: [p1, # on leave: DO NOT REMOVE\n  p2, # back in March\n  p3]\n';
    expect(() => editSequences(text, { remove: { key: 'members', values: ['p3'] } })).toThrow(
      'turn `members` into a block list (one `- id` per line, each comment where it belongs) and run again.',
    );
    expect(() => editSequences('members: [p1, p2,\n  # the new ones\n  p3]\n', { remove: { key: 'members', values: ['p1'] } })).toThrow(/with comments in it/);
    // A `#` inside a quoted item or a plain one, or a comment after the list, is no comment in it.
    expect(editSequences('members: [p1, "p#2", p#3] # keep\n', { remove: { key: 'members', values: ['p1'] } })).toBe('members: ["p#2", p#3] # keep\n');
  });

  it('refuses a key that is not a list, and a flow alumni list', () => {
    expect(() => editSequences('members: p1\n', { remove: { key: 'members', values: ['p1'] } })).toThrow(/not a list/);
    expect(() => editSequences('members: [p1]\nalumni: []\n', { add: { key: 'alumni', items: [ALUMNUS] } })).toThrow(/`alumni` is not a non-empty block list/);
  });
});

describe('editTopLevel: insert after a key, append a list item', () => {
  const TERMS = `# Proposal.
id: sec
status: proposed   # not yet approved
created: 2026-11-09  # the day it was proposed

coordinator:
  rotation_months: 3
  terms:
    # The first term.
    - person: p2
      from: 2026-11-09
      until: 2026-11-10
# after the terms
members: [p1, p2]
`;

  it('inserts `activated` after `created` and a term after the last, leaving every other byte alone', () => {
    const out = editTopLevel(TERMS, {
      set: { status: 'active' },
      insert: { after: 'created', key: 'activated', value: '2026-11-20' },
      appendItem: { path: ['coordinator', 'terms'], value: { person: 'p3', from: '2026-11-20' } },
    });
    expect(out).toBe(
      TERMS.replace('status: proposed', 'status: active')
        .replace('the day it was proposed\n', 'the day it was proposed\nactivated: 2026-11-20\n')
        .replace('      until: 2026-11-10\n', '      until: 2026-11-10\n    - person: p3\n      from: 2026-11-20\n'),
    );
    expect(parse(out).coordinator.terms).toEqual([
      { person: 'p2', from: '2026-11-09', until: '2026-11-10' },
      { person: 'p3', from: '2026-11-20' },
    ]);
  });

  it('keeps CRLF line endings and copes with a file without a final newline', () => {
    const crlf = TERMS.replaceAll('\n', '\r\n');
    const out = editTopLevel(crlf, { insert: { after: 'created', key: 'activated', value: '2026-11-20' } });
    expect(out).toContain('proposed\r\nactivated: 2026-11-20\r\n');
    expect(out.replaceAll('\r\n', '')).not.toContain('\n');
    expect(editTopLevel('a: 1', { insert: { after: 'a', key: 'b', value: 'x' } })).toBe('a: 1\nb: x\n');
  });

  it('refuses an existing key, a missing anchor and a list that is not a block list', () => {
    expect(() => editTopLevel(TERMS, { insert: { after: 'created', key: 'status', value: 'x' } })).toThrow(/already has a `status`/);
    expect(() => editTopLevel(TERMS, { insert: { after: 'nope', key: 'x', value: 'y' } })).toThrow(/`nope` is not a plain value/);
    expect(() => editTopLevel(TERMS, { appendItem: { path: ['members'], value: 'p3' } })).toThrow(/`members` is not a non-empty block list/);
  });
});

describe('editTopLevel setAt (a goal review moving review_by)', () => {
  it('sets a nested scalar by its path and keeps every other byte', () => {
    const edited = editTopLevel(CHARTER, { setAt: [{ path: ['goals', 0, 'review_by'], value: '2027-04-30' }] });
    expect(edited).toBe(CHARTER.replace('review_by: 2027-01-31', 'review_by: 2027-04-30'));
    expect(parse(edited).goals[0].review_by).toBe('2027-04-30');
  });

  it('refuses a path that holds no plain value', () => {
    expect(() => editTopLevel(CHARTER, { setAt: [{ path: ['goals', 3, 'review_by'], value: '2027-04-30' }] })).toThrow(YamlEditError);
  });
});

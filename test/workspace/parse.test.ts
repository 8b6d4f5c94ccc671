import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import type { SchemaKind } from '../../src/schema/validator.js';
import { MAX_ALIAS_COUNT, parseDataFile } from '../../src/workspace/parse.js';

const validate = sharedValidator();
const parse = (text: string, kind: SchemaKind = 'meeting', file = 'cops/aws/meetings/2026-01-05.yaml') => parseDataFile({ file, kind }, text, validate);

const VALID_MEETING = ['date: 2026-01-05', 'title: Kick-off', 'format: round-table', 'duration_minutes: 60', 'attendees: [p1, p2]', ''].join('\n');

/** The classic "billion laughs": nine levels, each ten aliases of the one before. */
function billionLaughs(): string {
  const lines = ['lol0: &l0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('parseDataFile', () => {
  it('returns the plain data of a valid file, without findings', () => {
    const parsed = parse(VALID_MEETING);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed).toMatchObject({ file: 'cops/aws/meetings/2026-01-05.yaml', kind: 'meeting' });
    expect(parsed.data).toEqual({ date: '2026-01-05', title: 'Kick-off', format: 'round-table', duration_minutes: 60, attendees: ['p1', 'p2'] });
  });

  describe('YAML 1.2 semantics', () => {
    it('keeps `no`, `yes`, `on` and `off` as strings', () => {
      for (const word of ['no', 'yes', 'on', 'off']) {
        const parsed = parse(`organisation: ${word}\n`, 'config', 'cop.config.yaml');
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.data).toEqual({ organisation: word });
      }
    });

    it('keeps an unquoted date as the string YYYY-MM-DD, not a Date', () => {
      const data = parse(VALID_MEETING).data as { date: unknown };
      expect(data.date).toBe('2026-01-05');
      expect(typeof data.date).toBe('string');
    });
  });

  describe('syntax', () => {
    it('reports a syntax error as yaml-syntax with its line and column, and no data', () => {
      // Line 2 opens a compact mapping inside a mapping value: `a: b: c` is not YAML.
      const parsed = parse('date: 2026-01-05\ntitle: a: b\n');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics.length).toBeGreaterThan(0);
      const [first] = parsed.diagnostics;
      expect(first).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', file: 'cops/aws/meetings/2026-01-05.yaml' });
      expect(first!.start.line).toBe(2);
      expect(first!.start.column).toBeGreaterThanOrEqual(1);
      // One sentence, not yaml's multi-line excerpt with a caret.
      expect(first!.message).not.toContain('\n');
      expect(first!.message).toMatch(/\.$/);
    });

    it('reports an unterminated flow sequence', () => {
      const parsed = parse('date: 2026-01-05\ntitle: [unclosed\n');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax' });
      expect(parsed.diagnostics[0]!.message).toMatch(/\]/);
      expect(parsed.diagnostics[0]!.start.line).toBeGreaterThanOrEqual(2);
    });

    it('reports a duplicate key naming the key, at the second occurrence', () => {
      const parsed = parse('date: 2026-01-05\ntitle: First\nformat: round-table\ntitle: Second\n');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'duplicate-key', severity: 'error', start: { line: 4, column: 1 } });
      expect(parsed.diagnostics[0]!.message).toBe('Duplicate key `title`: each key may appear once in a mapping.');
    });

    it('reports a duplicate key inside a nested mapping, at its line and column', () => {
      const parsed = parse('date: 2026-01-05\nguests:\n  - name: Ann\n    organisation: Acme\n    name: Bo\n');
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'duplicate-key', start: { line: 5, column: 5 } });
      expect(parsed.diagnostics[0]!.message).toMatch(/`name`/);
    });

    it('reports an empty file at line 1', () => {
      const parsed = parse('');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics).toEqual([
        { ruleId: 'yaml-syntax', severity: 'error', message: 'The file is empty.', file: 'cops/aws/meetings/2026-01-05.yaml', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      ]);
    });

    it('reports a file of comments only as empty', () => {
      const parsed = parse('# yaml-language-server: $schema=../../schemas/meeting.schema.json\n# nothing else\n');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics.map((d) => [d.ruleId, d.message, d.start.line])).toEqual([['yaml-syntax', 'The file is empty.', 1]]);
    });

    it('takes an empty cop.config.yaml as "all defaults"', () => {
      expect(parse('', 'config', 'cop.config.yaml')).toEqual({ file: 'cop.config.yaml', kind: 'config', data: {}, diagnostics: [] });
    });

    it('reports a file that is a plain sentence, not a YAML mapping', () => {
      const parsed = parse('This is just some prose, not data\n');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'schema', start: { line: 1, column: 1 } });
      expect(parsed.diagnostics[0]!.message).toMatch(/The file must be a mapping \(found "This is just some prose/);
    });

    it('reports a list where a mapping is expected', () => {
      const parsed = parse('- a\n- b\n');
      expect(parsed.diagnostics.map((d) => d.message)).toEqual(['The file must be a mapping (found a list).']);
    });

    it('refuses a billion-laughs file with a yaml-syntax finding instead of expanding it', () => {
      const parsed = parse(billionLaughs());
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', start: { line: 1, column: 1 } });
      expect(parsed.diagnostics[0]!.message).toContain(`Too many alias expansions (more than ${MAX_ALIAS_COUNT})`);
      expect(parsed.diagnostics[0]!.message).toMatch(/billion laughs/);
    });

    it('accepts a few aliases', () => {
      const parsed = parse('date: 2026-01-05\ntitle: &t Kick-off\nformat: round-table\nduration_minutes: 60\nattendees: [p1]\ntopics: [*t, *t]\n');
      expect(parsed.diagnostics).toEqual([]);
      expect((parsed.data as { topics: string[] }).topics).toEqual(['Kick-off', 'Kick-off']);
    });
  });

  describe('schema', () => {
    const schemaFindings = (text: string) => {
      const parsed = parse(text);
      expect(parsed.data).toBeUndefined();
      for (const d of parsed.diagnostics) expect(d.ruleId).toBe('schema');
      return parsed.diagnostics;
    };

    it('names a missing required field, at the top of the file', () => {
      const [finding, ...rest] = schemaFindings(VALID_MEETING.replace('title: Kick-off\n', ''));
      expect(rest).toEqual([]);
      expect(finding!.message).toBe('The file is missing the required field `title`.');
      expect(finding!.start).toEqual({ line: 1, column: 1 });
    });

    it('names a missing field inside a nested mapping', () => {
      const [finding] = schemaFindings(VALID_MEETING + 'guests:\n  - name: Ann\n');
      expect(finding!.message).toBe('`guests[0]` is missing the required field `organisation`.');
      expect(finding!.start.line).toBe(7);
    });

    it('points an unknown field at its key, naming the fields allowed there', () => {
      const [finding, ...rest] = schemaFindings(VALID_MEETING + 'colour: blue\n');
      expect(rest).toEqual([]);
      expect(finding!.message).toMatch(/^Unknown field `colour`\. Allowed here: date, title, format, duration_minutes/);
      expect(finding!.start).toEqual({ line: 6, column: 1 });
      expect(finding!.end).toEqual({ line: 6, column: 7 });
    });

    it('suggests the field meant for a misspelt one', () => {
      const [finding] = schemaFindings(VALID_MEETING + 'recordng: https://video.example.com/1\n');
      expect(finding!.message).toMatch(/^Unknown field `recordng`\. Did you mean `recording`\? Allowed here: /);
    });

    it('names the field and the allowed values of an enum', () => {
      const [finding] = schemaFindings(VALID_MEETING + 'slot: brunch\n');
      expect(finding!.message).toBe('`slot` must be one of: work-hours, lunch, after-work (found "brunch"). Did you mean `lunch`?');
      expect(finding!.start).toEqual({ line: 6, column: 7 });
    });

    it('names the field and the expected type', () => {
      const [finding] = schemaFindings(VALID_MEETING.replace('duration_minutes: 60', 'duration_minutes: an hour'));
      expect(finding!.message).toBe('`duration_minutes` must be a whole number (found "an hour").');
      expect(finding!.start.line).toBe(4);
    });

    it('refuses an impossible date such as 2026-02-30, with one finding', () => {
      const findings = schemaFindings(VALID_MEETING.replace('2026-01-05', '2026-02-30'));
      expect(findings).toHaveLength(1);
      expect(findings[0]!.message).toBe('`date` must be a real calendar date written YYYY-MM-DD (found "2026-02-30": that date does not exist: February 2026 has 28 days).');
      expect(findings[0]!.start).toEqual({ line: 1, column: 7 });
    });

    it('refuses a person id that breaks the pattern, explaining the pattern', () => {
      const [finding] = schemaFindings(VALID_MEETING.replace('[p1, p2]', '[p1, Seren Howarth]'));
      expect(finding!.message).toBe('`attendees[1]` must be a person id of lowercase letters, digits, dots and hyphens, e.g. `seren.howarth` (found "Seren Howarth").');
      expect(finding!.start).toEqual({ line: 5, column: 17 });
    });

    it('reports every problem in the file, not only the first', () => {
      const findings = schemaFindings(VALID_MEETING.replace('duration_minutes: 60', 'duration_minutes: x') + 'slot: brunch\ncolour: blue\n');
      expect(findings).toHaveLength(3);
    });

    it('never passes raw ajv wording through', () => {
      const findings = schemaFindings('date: 2026-13-45\ntitle: ""\nformat: party\nduration_minutes: -5\nattendees: p1\nextra: 1\n');
      expect(findings.length).toBeGreaterThanOrEqual(5);
      for (const f of findings) {
        expect(f.message).not.toMatch(/must have required property|must NOT have|must be equal to one of the allowed values|must match pattern/);
        expect(f.message).toMatch(/`\w+(\[\d+\])?`|The file/);
      }
    });
  });
});

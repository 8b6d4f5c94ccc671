import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DueReport } from '../../src/due/types.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const common = ['--root', REPO_ROOT, '--as-of', '2026-11-20'];

describe('cop due --format ics on the bundled organisation', () => {
  it('writes one VTODO per item, which ical.js parses back to the JSON items', () => {
    const json = runCli(['due', '--person', 'lucy.chen', ...common, '--format', 'json']);
    const ics = runCli(['due', '--person', 'lucy.chen', ...common, '--format', 'ics']);
    expect(ics.stderr).toBe('');
    expect(ics.status).toBe(0);
    const report = JSON.parse(json.stdout) as DueReport;
    expect(report.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['handover', 'meeting']));

    // RFC 5545: CRLF line endings throughout.
    expect(ics.stdout.replaceAll('\r\n', '')).not.toContain('\n');
    const calendar = new ICAL.Component(ICAL.parse(ics.stdout));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const todos = calendar.getAllSubcomponents('vtodo');
    expect(todos).toHaveLength(report.items.length);
    for (const [i, item] of report.items.entries()) {
      const todo = todos[i]!;
      const due = todo.getFirstProperty('due')!;
      expect(due.type).toBe('date');
      expect((due.getFirstValue() as ICAL.Time).toString()).toBe(item.date);
      expect(todo.getFirstPropertyValue('summary')).toBe(`${item.cop}: ${item.message}`);
      expect(todo.getFirstPropertyValue('description')).toContain('lucy.chen (coordinator)');
      expect(todo.getFirstPropertyValue('categories')).toBe(item.kind);
      expect(todo.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
      expect(todo.getFirstPropertyValue('priority')).toBe(item.overdue ? 1 : 5);
      expect(todo.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-20T00:00:00Z');
    }
    const uids = todos.map((t) => t.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain('cop-due-handover-aws-2026-12-16@harbourline-digital');
  });

  it('gives the whole organisation a calendar too, and the same text on a second run', () => {
    const first = runCli(['due', ...common, '--within', '60d', '--format', 'ics']);
    const second = runCli(['due', ...common, '--within', '60d', '--format', 'ics']);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const json = JSON.parse(runCli(['due', ...common, '--within', '60d', '--format', 'json']).stdout) as DueReport;
    const todos = new ICAL.Component(ICAL.parse(first.stdout)).getAllSubcomponents('vtodo');
    expect(todos).toHaveLength(json.items.length);
    expect(json.items.some((i) => i.overdue)).toBe(true);
    expect(todos.filter((t) => Number(t.getFirstPropertyValue('priority')) === 1)).toHaveLength(json.items.filter((i) => i.overdue).length);
  });
});

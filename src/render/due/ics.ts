/**
 * `cop due --format ics`: each item as an RFC 5545 to-do (VTODO), written through the iCalendar
 * writer (src/output/icalendar.ts), which escapes the names and messages. Importing the file again
 * updates the to-dos rather than adding copies: a UID names the item's kind, CoP and date (-2, -3 …
 * for a repeat). Pure.
 */
import { uidDomain } from '../../calendar/uid.js';
import type { DueItem, DueReport } from '../../due/types.js';
import { component, icsDocument, property, textProperty, type ContentLine } from '../../output/icalendar.js';

const compact = (date: string) => date.replaceAll('-', '');

export function dueIcs(report: DueReport, organisation: string | undefined): string {
  const stamp = `${compact(report.asOf)}T000000Z`;
  const seen = new Map<string, number>();
  const todos = report.items.flatMap((item) => {
    const base = `cop-due-${item.kind}-${item.cop ?? 'organisation'}-${item.date}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return todo(item, `${base}${n > 1 ? `-${n}` : ''}@${uidDomain(organisation)}`, stamp);
  });
  return icsDocument(
    component('VCALENDAR', [
      property('PRODID', '-//cops-as-code//cop due//EN'),
      property('VERSION', '2.0'),
      textProperty('X-WR-CALNAME', `${organisation ? `${organisation}: ` : ''}CoP to-dos${report.person ? ` for ${report.person}` : ''}`),
      ...todos,
    ]),
  );
}

function todo(item: DueItem, uid: string, stamp: string): ContentLine[] {
  const people = item.people.map((p) => `${p.id} (${p.role})`).join(', ');
  return component('VTODO', [
    textProperty('UID', uid),
    property('DTSTAMP', stamp),
    property('DUE', compact(item.date), { VALUE: 'DATE' }),
    textProperty('SUMMARY', `${item.cop ?? 'organisation'}: ${item.message}`),
    textProperty('DESCRIPTION', `${item.message}${people ? `\nWho: ${people}` : ''}\nFrom cop due (${item.kind}).`),
    textProperty('CATEGORIES', item.kind),
    property('STATUS', 'NEEDS-ACTION'),
    // RFC 5545 priority: 1 highest; overdue items first.
    property('PRIORITY', item.overdue ? 1 : 5),
  ]);
}

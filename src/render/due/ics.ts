/**
 * `cop due --format ics`: each item as an RFC 5545 to-do (VTODO), written with ical.js (the
 * project's calendar parser; ical-generator writes events only). Importing the file again updates
 * the to-dos rather than adding copies: a UID names the item's kind, CoP and date (-2, -3 … for
 * a repeat). Pure.
 */
import ICAL from 'ical.js';
import { uidDomain } from '../../calendar/uid.js';
import type { DueItem, DueReport } from '../../due/types.js';

export function dueIcs(report: DueReport, organisation: string | undefined): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//cops-as-code//cop due//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('x-wr-calname', `${organisation ? `${organisation}: ` : ''}CoP to-dos${report.person ? ` for ${report.person}` : ''}`);
  const stamp = ICAL.Time.fromDateTimeString(`${report.asOf}T00:00:00Z`);
  const seen = new Map<string, number>();
  for (const item of report.items) {
    const base = `cop-due-${item.kind}-${item.cop ?? 'organisation'}-${item.date}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    calendar.addSubcomponent(todo(item, `${base}${n > 1 ? `-${n}` : ''}@${uidDomain(organisation)}`, stamp));
  }
  return calendar.toString() + '\r\n';
}

function todo(item: DueItem, uid: string, stamp: ICAL.Time): ICAL.Component {
  const vtodo = new ICAL.Component('vtodo');
  vtodo.updatePropertyWithValue('uid', uid);
  vtodo.updatePropertyWithValue('dtstamp', stamp);
  const due = new ICAL.Property('due');
  due.resetType('date');
  due.setValue(ICAL.Time.fromDateString(item.date));
  vtodo.addProperty(due);
  vtodo.updatePropertyWithValue('summary', `${item.cop ?? 'organisation'}: ${item.message}`);
  const people = item.people.map((p) => `${p.id} (${p.role})`).join(', ');
  vtodo.updatePropertyWithValue('description', `${item.message}${people ? `\nWho: ${people}` : ''}\nFrom cop due (${item.kind}).`);
  vtodo.updatePropertyWithValue('categories', item.kind);
  vtodo.updatePropertyWithValue('status', 'NEEDS-ACTION');
  // RFC 5545 priority: 1 highest; overdue items first.
  vtodo.updatePropertyWithValue('priority', item.overdue ? 1 : 5);
  return vtodo;
}

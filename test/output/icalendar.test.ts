/** The iCalendar writer: TEXT escaping (RFC 5545 §3.3.11), parameter quoting (§3.2) and folding (§3.1), read back with ical.js. */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { component, foldLine, icsDocument, icsText, property, textProperty } from '../../src/output/icalendar.js';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('icsText', () => {
  it('escapes backslash, semicolon and comma, turns every line break into \\n and drops other control characters', () => {
    expect(icsText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(icsText('one\r\ntwo\rthree\nfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(icsText('bell\u0007 esc\u001b[31m del\u007f tab\t')).toBe('bell esc[31m del tab\t');
  });
});

describe('the writer, parsed back with ical.js', () => {
  const hostile = 'Wire funds\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Wire funds, now; to \\\\acct\rPRIORITY:1\nx';

  it('keeps a hostile summary one property of one event, equal to the original text less the lone CR', () => {
    const text = icsDocument(component('VCALENDAR', [property('VERSION', '2.0'), ...component('VEVENT', [textProperty('UID', 'u1'), textProperty('SUMMARY', hostile)])]));
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getAllProperties().map((p) => p.name)).toEqual(['uid', 'summary']);
    // A lone CR is a line break like the others: it comes back as LF.
    expect(events[0]!.getFirstPropertyValue('summary')).toBe(hostile.replace(/\r\n|\r/g, '\n'));
  });

  it('quotes a parameter holding : ; or , and drops quotes and line breaks from it', () => {
    const line = property('DTSTART', '20260101T100000', { TZID: 'Evil;X=1:\r\nBEGIN:VTODO,"' });
    expect(line).toBe('DTSTART;TZID="Evil;X=1:BEGIN:VTODO,":20260101T100000');
    const parsed = ICAL.parse(icsDocument(component('VCALENDAR', component('VEVENT', [line])))) as unknown[];
    const event = new ICAL.Component(parsed).getFirstSubcomponent('vevent')!;
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Evil;X=1:BEGIN:VTODO,');
  });

  it('ends every line, the last one included, with CRLF and has no bare LF or CR', () => {
    const text = icsDocument(component('VCALENDAR', [textProperty('X-WR-CALNAME', 'a\nb\rc')]));
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line to at most 75 octets without splitting a character, and unfolding gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
        const line = textProperty('DESCRIPTION', value);
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) {
          expect(octets(physical)).toBeLessThanOrEqual(75);
          expect(physical).not.toMatch(/[\uD800-\uDBFF]$/);
        }
        expect(folded.replaceAll('\r\n ', '')).toBe(line);
        const event = new ICAL.Component(ICAL.parse(icsDocument(component('VCALENDAR', component('VEVENT', [line]))))).getFirstSubcomponent('vevent')!;
        // ical.js reads each escaped line break back as LF; control characters other than HTAB are dropped.
        // eslint-disable-next-line no-control-regex
        expect(event.getFirstPropertyValue('description')).toBe(value.replace(/\r\n|\r/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ''));
      }),
      { numRuns: 200 },
    );
  });
});

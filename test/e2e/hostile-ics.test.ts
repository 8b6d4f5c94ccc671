/**
 * Issue #22 row 2: an organisation and a CoP named with iCalendar syntax (line breaks, `END:VEVENT`,
 * commas, semicolons, backslashes) cannot forge events or to-dos. Every `.ics` output, parsed back
 * with ical.js, holds the same components with the same UIDs as with plain names, and its names
 * read back as the original strings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { uidDomain } from '../../src/calendar/uid.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const PLAIN_ORGANISATION = 'Harbourline Digital';
const ORGANISATION = 'Harbourline, Inc; \\ Digital\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:forged\r\nSUMMARY:Wire funds\r\nEND:VEVENT';
const COP_NAME = 'AWS\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Wire funds, now; to \\\\acct\rBEGIN:VTODO\nPRIORITY:1';

// RFC 7986 makes NAME a TEXT property and X-WR-CALNAME/-CALDESC are TEXT by convention; ical.js
// leaves properties it does not know escaped, so it is told their type to read them back.
for (const name of ['name', 'x-wr-calname', 'x-wr-caldesc']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };

function organisationNamed(organisation: string, awsName: string): string {
  const root = copyOrganisation();
  const config = join(root, 'cop.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(`organisation: ${PLAIN_ORGANISATION}`, `organisation: ${JSON.stringify(organisation)}`));
  const charter = join(root, 'cops', 'aws', 'charter.yaml');
  writeFileSync(charter, readFileSync(charter, 'utf8').replace(/^name: AWS$/m, `name: ${JSON.stringify(awsName)}`));
  return root;
}

async function ics(root: string, args: string[]): Promise<ICAL.Component> {
  const result = await runInProcess([...args, '--root', root, '--as-of', AS_OF], root);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
  return new ICAL.Component(ICAL.parse(result.stdout));
}

// A TEXT value's line break is `\n`, which reads back as LF: CRLF and a lone CR come back as LF.
const asText = (text: string) => text.replace(/\r\n|\r/g, '\n');
const uids = (calendar: ICAL.Component, kind: string) => calendar.getAllSubcomponents(kind).map((c) => String(c.getFirstPropertyValue('uid')));
const domainOf = (plainUids: string[]) => plainUids.map((uid) => uid.replace(`@${uidDomain(PLAIN_ORGANISATION)}`, `@${uidDomain(ORGANISATION)}`));

describe('iCalendar outputs with hostile names', () => {
  let plain: string;
  let hostile: string;
  beforeAll(() => {
    plain = organisationNamed(PLAIN_ORGANISATION, 'AWS');
    hostile = organisationNamed(ORGANISATION, COP_NAME);
  });

  it('cop calendar: the same events and UIDs, and the names read back as written', async () => {
    const expected = await ics(plain, ['calendar']);
    const actual = await ics(hostile, ['calendar']);
    expect(uids(actual, 'vevent')).toEqual(domainOf(uids(expected, 'vevent')));
    expect(actual.getAllSubcomponents('vtodo')).toHaveLength(0);
    expect(actual.getFirstPropertyValue('x-wr-calname')).toBe(asText(`${ORGANISATION}: communities of practice`));
    const aws = actual.getAllSubcomponents('vevent').find((event) => String(event.getFirstPropertyValue('uid')).startsWith('cop-aws-'))!;
    expect(aws.getFirstPropertyValue('summary')).toBe(asText(`${COP_NAME} CoP`));
  });

  it('cop calendar aws: one event, and X-WR-CALNAME equals the original string', async () => {
    const actual = await ics(hostile, ['calendar', 'aws']);
    expect(uids(actual, 'vevent')).toEqual([`cop-aws-meetings@${uidDomain(ORGANISATION)}`]);
    const original = asText(`${ORGANISATION}: ${COP_NAME} CoP`);
    expect(actual.getFirstPropertyValue('x-wr-calname')).toBe(original);
    expect(actual.getFirstPropertyValue('name')).toBe(original);
    expect(actual.getFirstPropertyValue('x-wr-caldesc')).toBe(asText(`Meetings of the ${COP_NAME} community of practice.`));
  });

  it('cop due --format ics: the same to-dos and UIDs, no event, and the calendar name as written', async () => {
    const expected = await ics(plain, ['due', '--format', 'ics']);
    const actual = await ics(hostile, ['due', '--format', 'ics']);
    expect(uids(expected, 'vtodo').length).toBeGreaterThan(0);
    expect(uids(actual, 'vtodo')).toEqual(domainOf(uids(expected, 'vtodo')));
    expect(actual.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(actual.getFirstPropertyValue('x-wr-calname')).toBe(asText(`${ORGANISATION}: CoP to-dos`));
  });

  it('the site: each calendar file parses to the same events and UIDs as with plain names', async () => {
    const out = (root: string) => join(root, 'site-out');
    for (const root of [plain, hostile]) expect((await runInProcess(['site', '--root', root, '--as-of', AS_OF, '--out', out(root)], root)).status).toBe(0);
    for (const file of ['all.ics', 'aws.ics']) {
      const read = (root: string) => readFileSync(join(out(root), 'calendar', file), 'utf8');
      expect(read(hostile).endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(uids(new ICAL.Component(ICAL.parse(read(hostile))), 'vevent')).toEqual(domainOf(uids(new ICAL.Component(ICAL.parse(read(plain))), 'vevent')));
    }
  });
});

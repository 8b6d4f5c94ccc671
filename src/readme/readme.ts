/**
 * The generated READMEs: `cops/README.md` (an index table) and `cops/<id>/README.md` (one CoP's
 * summary, next meeting, how to join, coordinator and sponsor), as GitHub-flavoured Markdown from
 * the view model (src/view). The generated part sits between markers; text outside them is the
 * CoP's own and is kept. The begin marker records the as-of date the block was written for, and
 * every date-dependent line says "as of" it, so a README goes stale only when the data changes:
 * the check renders each file again as of its recorded date. Pure.
 */
import type { IsoDate } from '../core/dates.js';
import { compareBlock, mergeBlock, type BlockState } from '../core/marked-block.js';
import { code, heading, lines, link, list, markdown, paragraph, strong, table, urlOrText, type Cell, type Inline } from '../output/markdown.js';
import type { CopView, OrganisationView, PersonRef } from '../view/types.js';
import { readmeMarkers } from './markers.js';
import { COPS_DIR } from '../workspace/root.js';

export const INDEX_README = `${COPS_DIR}/README.md`;
export const copReadme = (id: string) => `${COPS_DIR}/${id}/README.md`;

const person = (p: PersonRef): Inline[] => (p.github ? [p.name, ' (', link(`https://github.com/${p.github}`, `@${p.github}`), ')'] : [p.name]);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function coordinatorLine(cop: CopView, asOf: IsoDate): Inline[] {
  const c = cop.coordinator;
  if (!c.now) return [`none as of ${asOf}`];
  const handover = c.nextHandover ? [`; next handover ${c.nextHandover.date}`, ...(c.nextHandover.to ? [' to ', ...person(c.nextHandover.to)] : [])] : [];
  return [...person(c.now), ` since ${c.since} (as of ${asOf})`, ...handover];
}

function nextMeetingLine(cop: CopView, asOf: IsoDate): Inline[] {
  if (cop.status === 'dissolved') return ['none: the CoP is dissolved'];
  if (!cop.format.schedule) return ['not scheduled (the charter has no ', code('format.schedule'), ')'];
  return [cop.nextMeeting ? `${cop.nextMeeting.text} (as of ${asOf})` : `none scheduled after ${asOf}`];
}

function joinText(cop: CopView): Inline[][] {
  if (cop.status === 'dissolved') return [['This CoP has been dissolved: it no longer meets.']];
  const channel = cop.format.channel ? [` in ${cop.format.channel}`] : [];
  const contact = cop.coordinator.now ? ['the coordinator, ', ...person(cop.coordinator.now)] : cop.sponsor ? ['the sponsor, ', ...person(cop.sponsor)] : ['the CoP'];
  const lines: Inline[][] = [
    cop.membership === 'open'
      ? ['Membership is open: add your id to ', code('members'), ' in ', link('charter.yaml', 'charter.yaml'), ' in a pull request, or ask ', ...contact, ...channel, '.']
      : ['Membership is by invitation, to keep the CoP within budget: ask ', ...contact, ...channel, '.'],
  ];
  if (cop.maxMembers !== null) lines.push([`It admits at most ${cop.maxMembers} members (${cop.members.length} now).`]);
  if (cop.format.recordings) lines.push(['Meetings are recorded: ', urlOrText(cop.format.recordings), '.']);
  return lines;
}

function statusText(cop: CopView): string {
  if (cop.status === 'dissolved') return `Dissolved${cop.dissolved?.date ? ` on ${cop.dissolved.date}` : ''}`;
  if (cop.status === 'proposed') return `Proposed on ${cop.created}`;
  return `Active since ${cop.activated ?? cop.created}`;
}

/** A block's Markdown as the lines between its markers. */
const bodyLines = (blocks: Parameters<typeof markdown>[0]) => markdown(blocks).trimEnd().split('\n');

/** The lines between the markers of `cops/<id>/README.md`. */
export function copReadmeBody(cop: CopView, asOf: IsoDate): string[] {
  const f = cop.format;
  const rows: Cell[][] = [
    ['Status', statusText(cop)],
    ['Coordinator', coordinatorLine(cop, asOf)],
    ['Sponsor', cop.sponsor ? person(cop.sponsor) : 'none'],
    ['Members', `${cop.members.length} (membership ${cop.membership})`],
    ['Meets', [f.schedule ? f.schedule.text : capital(f.cadence), `${f.durationMinutes} minutes`, f.slot, f.formats.join(', ')].join(' · ')],
    ['Next meeting', nextMeetingLine(cop, asOf)],
  ];
  if (f.channel) rows.push(['Channel', f.channel]);
  return bodyLines([
    heading(1, cop.name),
    paragraph(`${cop.scope.subject}.`),
    table([{ header: '' }, { header: '' }], rows),
    paragraph(strong('In scope:'), ` ${cop.scope.in.join('; ')}.`),
    cop.scope.out.length > 0 && paragraph(strong('Out of scope:'), ` ${cop.scope.out.join('; ')}.`),
    ...(cop.goals.length > 0 ? [heading(2, 'Goals'), list(cop.goals.map((g) => [strong(capital(g.type)), ` (${g.audiences.join(', ')}): ${g.description} Review by ${g.reviewBy}.`]))] : []),
    heading(2, 'How to join'),
    lines(...joinText(cop)),
    paragraph('The charter: ', link('charter.yaml', 'charter.yaml'), '. Every CoP: ', link('../README.md', 'the index'), '.'),
  ]);
}

/** The lines between the markers of `cops/README.md`. */
export function indexReadmeBody(view: OrganisationView): string[] {
  const title = view.organisation ? `${view.organisation}: communities of practice` : 'Communities of practice';
  const rows = view.cops.map((cop) => [
    link(`${cop.id}/README.md`, cop.name),
    cop.status,
    cop.scope.subject,
    cop.coordinator.now ? person(cop.coordinator.now) : '–',
    cop.sponsor ? person(cop.sponsor) : '–',
    String(cop.members.length),
    cop.format.schedule ? cop.format.schedule.text : capital(cop.format.cadence),
    cop.status === 'dissolved' ? '–' : (cop.nextMeeting?.date ?? '–'),
  ]);
  return bodyLines([
    heading(1, title),
    paragraph(`${view.cops.length} CoPs; coordinators and next meetings as of ${view.asOf}.`),
    table(
      [{ header: 'CoP' }, { header: 'Status' }, { header: 'Subject' }, { header: 'Coordinator' }, { header: 'Sponsor' }, { header: 'Members', align: 'right' }, { header: 'Meets' }, { header: 'Next meeting' }],
      rows,
    ),
  ]);
}

export interface PlannedReadme {
  /** Relative to the data root. */
  file: string;
  /** The CoP it describes; undefined for the index. */
  copId?: string;
  /** The lines between the markers. */
  body: string[];
}

/** Every generated README as of the view's date: the index, then one per CoP (sorted by id). */
export function planReadmes(view: OrganisationView): PlannedReadme[] {
  return [
    { file: INDEX_README, body: indexReadmeBody(view) },
    ...view.cops.map((cop) => ({ file: copReadme(cop.id), copId: cop.id, body: copReadmeBody(cop, view.asOf) })),
  ];
}

/** The file with its block written as of `asOf`; in a file without a block, the block goes first and the file's own text follows. */
export function mergeReadme(existing: string | undefined, plan: PlannedReadme, asOf: IsoDate): string {
  return mergeBlock(existing, plan.body, readmeMarkers(asOf), 'prepend');
}

export function compareReadme(text: string, plan: PlannedReadme, asOf: IsoDate): BlockState {
  return compareBlock(text, plan.body, readmeMarkers(asOf));
}

/** Whether two README texts differ only in the as-of dates they were written for (then `--write` keeps the older file). */
export function sameApartFromDate(a: string, b: string): boolean {
  const undated = (text: string) => text.replace(/(as of|after) \d{4}-\d{2}-\d{2}/g, '$1 …');
  return undated(a) === undated(b);
}

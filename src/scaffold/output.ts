/**
 * `cop output`'s pure core: the answers an output needs, their defaults, the problems `cop check`
 * would find in them, where the file goes, and the output they make.
 */
import type { IsoDate } from '../core/dates.js';
import { didYouMean } from '../core/suggest.js';
import { OUTPUT_AUDIENCES, OUTPUT_KINDS } from '../model/output.js';
import type { Charter, Circle, Cost, Output, OutputHours, Person } from '../model/schema-types.js';
import { unknownOf } from './charter.js';
import { checkDate, checkKnownPerson, checkText, checkUrl, type Problem } from './fields.js';
import { dateProblem } from './meeting.js';

export interface OutputAnswers {
  date: IsoDate;
  title: string;
  kind: Output['kind'];
  audience: Output['audience'];
  authors: string[];
  goals: string[];
  hours: OutputHours[];
  url?: string;
  /** The date of the meeting it came from. */
  meeting?: IsoDate;
  /** A circle's id: the output hands work to it, `proposed` until the circle answers. */
  handoff_to?: string;
  costs: Cost[];
  notes?: string;
}

export interface OutputContext {
  charter: Charter;
  people: ReadonlyMap<string, Person>;
  asOf: IsoDate;
  circles: readonly Circle[];
}

/** Defaults: today, an internal written show-and-tell, no hours, goals or costs. */
export function outputDefaults(asOf: IsoDate): Pick<OutputAnswers, 'date' | 'kind' | 'audience' | 'goals' | 'hours' | 'costs'> {
  return { date: asOf, kind: 'written-show-and-tell', audience: 'internal', goals: [], hours: [], costs: [] };
}

/** The charter's goal ids, for the prompts and the problems. */
export function charterGoalIds(charter: Charter): string[] {
  return (charter.goals ?? []).flatMap((goal) => (goal.id === undefined ? [] : [goal.id]));
}

/** Every problem with a complete set of answers, each naming its field (scripted mode reports them all). */
export function outputProblems(a: OutputAnswers, ctx: OutputContext): string[] {
  const goals = charterGoalIds(ctx.charter);
  const circles = ctx.circles.map((c) => c.id);
  const problems: [string, Problem][] = [
    ['date', dateProblem(a.date, ctx.charter, ctx.asOf, 'an output once it is published')],
    ['title', checkText(a.title, 'The title')],
    ['kind', unknownOf([a.kind], OUTPUT_KINDS, 'kind')],
    ['audience', unknownOf([a.audience], OUTPUT_AUDIENCES, 'audience')],
    ['author', a.authors.length === 0 ? 'Nobody made it: name the authors.' : a.authors.map((id) => checkKnownPerson(id, ctx.people, 'author')).find(Boolean)],
    ['goal', a.goals.map((g) => (goals.includes(g) ? undefined : `No goal \`${g}\` in the charter${goals.length ? ` (its goals are ${goals.join(', ')})` : ' (its goals have no `id`)'}.${didYouMean(g, goals)}`)).find(Boolean)],
    ['hours', a.hours.map((h) => checkKnownPerson(h.person, ctx.people, 'contributor') ?? (h.hours >= 0 ? undefined : 'Hours must be zero or more.')).find(Boolean)],
    ['url', a.url ? checkUrl(a.url) : a.audience === 'public' ? 'A public output needs the link where it was published.' : undefined],
    ['meeting', a.meeting ? checkDate(a.meeting, 'The meeting date') : undefined],
    ['handoff-to', a.handoff_to === undefined || circles.includes(a.handoff_to) ? undefined : `No circle \`${a.handoff_to}\`: the circles are ${circles.join(', ')}.${didYouMean(a.handoff_to, circles)}`],
  ];
  return problems.filter((p): p is [string, string] => p[1] !== undefined).map(([field, problem]) => `${field}: ${problem}`);
}

/** The output the answers make; outputProblems has checked there is an author. */
export function buildOutput(a: OutputAnswers): Output {
  const output: Output = { date: a.date, title: a.title.trim(), kind: a.kind, audience: a.audience, authors: a.authors as Output['authors'] };
  if (a.goals.length) output.goals = a.goals;
  if (a.hours.length) output.hours = a.hours;
  if (a.url) output.url = a.url;
  if (a.meeting) output.meeting = a.meeting;
  if (a.handoff_to) output.handoff = { to: a.handoff_to, status: 'proposed' };
  if (a.costs.length) output.costs = a.costs;
  if (a.notes?.trim()) output.notes = a.notes.trim();
  return output;
}

/** A slug of the title: its first few words, lowercase, joined by hyphens (`output` when nothing is left). */
export function titleSlug(title: string): string {
  const words = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + word.length + 1 > 40) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug.slice(0, 40).replace(/-$/, '') || 'output';
}

/** The file name for an output: YYYY-MM-DD-<slug>.yaml, else the next free -2, -3 … after the slug. */
export function outputFileName(date: IsoDate, title: string, taken: ReadonlySet<string>): string {
  const stem = `${date}-${titleSlug(title)}`;
  if (!taken.has(`${stem}.yaml`)) return `${stem}.yaml`;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}.yaml`)) return `${stem}-${n}.yaml`;
}

/**
 * The one-line syntaxes shared by flags, `--from` files and prompts:
 *   goal         type:audience+audience:description      educate:practitioners+apprentices:Learn the basics
 *   guest        Name:Organisation                       Jo Bloggs:Acme Ltd
 *   preparation  person:hours                            lucy.chen:1.5
 *   cost         category:amount[:description]           refreshments:30:Pizza
 * Each parser returns the value, or a reason naming the expected syntax.
 */
import { suggest } from '../core/suggest.js';
import { COST_CATEGORIES } from '../model/meeting.js';
import type { Cost, Goal, Guest, OutputHours, Preparation } from '../model/schema-types.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

function parts(text: string, count: number): string[] {
  const pieces = text.split(':');
  return [...pieces.slice(0, count - 1), pieces.slice(count - 1).join(':')].map((p) => p.trim());
}

export function parseGoal(text: string, reviewBy: string): Parsed<Goal> {
  if (text.split(':').length < 3) return fail(`\`${text}\`: write a goal as type:audience+audience:description, e.g. educate:practitioners+apprentices:Learn the basics.`);
  const [type, audiences, description] = parts(text, 3) as [string, string, string];
  return ok({
    type: type as Goal['type'],
    audiences: audiences.split('+').map((a) => a.trim()).filter(Boolean) as Goal['audiences'],
    description,
    review_by: reviewBy,
  });
}

export function parseGuest(text: string): Parsed<Guest> {
  const [name, organisation] = parts(text, 2) as [string, string | undefined];
  if (!name || !organisation) return fail(`\`${text}\`: write a guest as Name:Organisation, e.g. Jo Bloggs:Acme Ltd.`);
  return ok({ name, organisation });
}

export function parsePreparation(text: string): Parsed<Preparation> {
  const [person, hours] = parts(text, 2) as [string, string | undefined];
  if (!person || !hours || !/^\d+(\.\d+)?$/.test(hours)) return fail(`\`${text}\`: write preparation as person:hours, e.g. lucy.chen:1.5.`);
  return ok({ person, hours: Number(hours) });
}

/** An output's work time: person=hours (person:hours, as for preparation, works too). */
export function parseOutputHours(text: string): Parsed<OutputHours> {
  const parsed = parsePreparation(text.replace('=', ':'));
  return parsed.ok ? parsed : fail(`\`${text}\`: write hours as person=hours, e.g. lucy.chen=1.5.`);
}

export function parseCost(text: string): Parsed<Cost> {
  const [category, amount, description] = parts(text, 3) as [string, string | undefined, string | undefined];
  if (!category || !amount || !/^\d+(\.\d+)?$/.test(amount)) return fail(`\`${text}\`: write a cost as category:amount[:description], e.g. refreshments:30:Pizza.`);
  const known = COST_CATEGORIES.find((c) => c === category);
  if (!known) {
    const near = suggest(category, COST_CATEGORIES);
    return fail(`\`${text}\`: \`${category}\` is not a cost category${near.length ? ` (did you mean \`${near[0]}\`?)` : ''}; use one of ${COST_CATEGORIES.join(', ')}.`);
  }
  return ok(description ? { category: known, amount: Number(amount), description } : { category: known, amount: Number(amount) });
}

/** Parses every item; the values, or every problem. */
export function parseAll<T>(items: readonly string[], parse: (text: string) => Parsed<T>): Parsed<T[]> {
  const results = items.map(parse);
  const problems = results.filter((r): r is { ok: false; problem: string } => !r.ok).map((r) => r.problem);
  if (problems.length) return fail(problems.join(' '));
  return ok(results.map((r) => (r as { ok: true; value: T }).value));
}

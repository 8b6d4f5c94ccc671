/** The questions `cop output` asks on a terminal, with defaults and the problems `cop check` would find as they arise. */
import { OUTPUT_AUDIENCES, OUTPUT_KINDS } from '../model/output.js';
import { checkDate, checkKnownPerson, checkText, checkUrl } from '../scaffold/fields.js';
import { dateProblem } from '../scaffold/meeting.js';
import { charterGoalIds, outputDefaults, type OutputAnswers, type OutputContext } from '../scaffold/output.js';
import { parseCost, parseOutputHours } from '../scaffold/syntax.js';
import { askItems } from './items.js';
import { pickPeople } from './people-picker.js';
import { asValidate, type Prompter } from './prompter.js';

export async function askOutput(p: Prompter, ctx: OutputContext & { initial: Partial<OutputAnswers> }): Promise<OutputAnswers> {
  const { charter, initial } = ctx;
  const defaults = { ...outputDefaults(ctx.asOf), ...initial };

  const date = await p.input({ message: 'Date it was published or given (YYYY-MM-DD)', default: defaults.date, validate: asValidate((v: string) => dateProblem(v, charter, ctx.asOf, 'an output once it is published')) });
  const title = await p.input({ message: 'Title', ...(initial.title ? { default: initial.title } : {}), validate: asValidate((v: string) => checkText(v, 'The title')) });
  const kind = await p.select({ message: 'Kind', choices: OUTPUT_KINDS.map((k) => ({ value: k, name: k })), default: defaults.kind });
  const audience = await p.select({ message: 'Audience', choices: OUTPUT_AUDIENCES.map((a) => ({ value: a, name: a })), default: defaults.audience });
  const authors = await pickPeople(p, {
    message: 'Authors (type to search, pick to add or remove)',
    people: new Map(ctx.people),
    selected: initial.authors ?? [],
    check: (ids) => (ids.length === 0 ? 'Name at least one author.' : undefined),
  });
  const goalIds = charterGoalIds(charter);
  const goals = goalIds.length ? await p.checkbox({ message: 'Goals of the charter it serves', choices: goalIds.map((id) => ({ value: id, name: id, checked: initial.goals?.includes(id) ?? false })) }) : [];

  const hours = await askItems(p, 'Work time, as person=hours separated by ; (empty for none)', parseOutputHours, (h) => checkKnownPerson(h.person, ctx.people, 'contributor'));

  const url = (
    await p.input({
      message: audience === 'public' ? 'Link where it was published' : 'Link (empty for none)',
      default: initial.url ?? '',
      validate: (v) => (v.trim() === '' ? (audience === 'public' ? 'A public output needs its link.' : true) : (checkUrl(v.trim()) ?? true)),
    })
  ).trim();
  const meeting = (await p.input({ message: 'Date of the meeting it came from (empty for none)', default: initial.meeting ?? '', validate: (v) => v.trim() === '' || (checkDate(v.trim(), 'The meeting date') ?? true) })).trim();

  let handoffTo: string | undefined;
  if (await p.confirm({ message: 'Does it hand work to a circle (an R&D project, a company-wide workshop)?', default: initial.handoff_to !== undefined })) {
    handoffTo = await p.select({ message: 'Circle', choices: ctx.circles.map((c) => ({ value: c.id, name: `${c.name} (${c.id})` })), ...(initial.handoff_to ? { default: initial.handoff_to } : {}) });
  }

  const costs = await askItems(p, 'Costs, as category:amount[:description] separated by ; (empty for none)', parseCost);

  const answers: OutputAnswers = { date, title: title.trim(), kind, audience, authors, goals, hours, costs };
  if (url) answers.url = url;
  if (meeting) answers.meeting = meeting;
  if (handoffTo) answers.handoff_to = handoffTo;
  return answers;
}

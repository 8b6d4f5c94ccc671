/** The questions `cop new` asks on a terminal: everything a proposal needs, each validated as typed. */
import type { Goal } from '../model/schema-types.js';
import {
  goalProblem,
  goalReviewDefault,
  nameFromId,
  newCopDefaults,
  type NewCopAnswers,
  type NewCopContext,
} from '../scaffold/charter.js';
import { checkAmount, checkCopId, checkDate, checkInteger, checkKnownPerson, checkMembers, checkText, splitList } from '../scaffold/fields.js';
import { pickPeople } from './people-picker.js';
import { asValidate, type Prompter } from './prompter.js';

/** Asks for a proposal. `initial` (from flags) pre-fills answers as defaults. */
export async function askNewCop(p: Prompter, ctx: NewCopContext & { initial: Partial<NewCopAnswers> }): Promise<NewCopAnswers> {
  const { policy, enums, initial } = ctx;
  const people = new Map(ctx.people);
  const defaults = { ...newCopDefaults(policy, initial.created ?? ''), ...initial };
  const created = defaults.created;
  const newPeople = [...defaults.new_people];

  const id =
    initial.id ??
    (await p.input({ message: 'Id of the CoP (a lowercase slug, e.g. machine-learning)', validate: asValidate((v: string) => checkCopId(v, ctx.existingIds)) }));
  const name = await p.input({ message: 'Name', default: initial.name ?? nameFromId(id), validate: asValidate((v: string) => checkText(v, 'The name')) });
  const subject = await p.input({ message: 'Subject, in a few words', default: initial.subject ?? name, validate: asValidate((v: string) => checkText(v, 'The subject')) });
  const inScope = splitList(
    await p.input({
      message: 'What is in scope? (separate items with ;)',
      ...(initial.in?.length ? { default: initial.in.join('; ') } : {}),
      validate: asValidate((v: string) => (splitList(v).length === 0 ? 'Say what is in scope (at least one item).' : undefined)),
    }),
  );
  const outScope = splitList(await p.input({ message: 'What is out of scope? (separate items with ;, empty for nothing)', default: defaults.out.join('; ') }));
  const rationale = await p.input({
    message: 'Why should the organisation invest in this CoP?',
    ...(initial.rationale ? { default: initial.rationale } : {}),
    validate: asValidate((v: string) => checkText(v, 'The rationale')),
  });
  const sponsor =
    initial.sponsor && people.has(initial.sponsor)
      ? initial.sponsor
      : await p.search({
    message: 'Sponsor (approves time and money; type to search)',
    source: (term) => [...people.values()].filter((x) => !term || x.id.includes(term.toLowerCase()) || x.name.toLowerCase().includes(term.toLowerCase())).map((x) => ({ value: x.id, name: `${x.name} (${x.id})` })),
    validate: asValidate((v: string) => checkKnownPerson(v, people, 'sponsor')),
  });
  const members = await pickPeople(p, {
    message: `Founding members (at least ${policy.min_members}; type to search, pick to add or remove)`,
    people,
    selected: defaults.members ?? [],
    check: (selected) => checkMembers(selected, people, policy.min_members),
    onAdd: (person) => newPeople.push(person),
  });
  const coordinator = await p.select({
    message: 'Coordinator for the first term',
    choices: members.map((m) => ({ value: m, name: `${people.get(m)?.name ?? m} (${m})` })),
    default: defaults.coordinator && members.includes(defaults.coordinator) ? defaults.coordinator : members[0]!,
  });
  const rotationText = await p.input({
    message: `Rotation: months per coordinator term, or "none" for a fixed leader appointed by the CTO`,
    default: defaults.rotation_months === null ? 'none' : String(defaults.rotation_months),
    validate: asValidate((v: string) => (v.trim() === 'none' ? undefined : checkInteger(v, 'The rotation period', 1, 60))),
  });
  const goals: Goal[] = [];
  do {
    goals.push(await askGoal(p, ctx, created, goals.length + 1, initial.goals?.[goals.length]));
  } while (goals.length < 2 && (await p.confirm({ message: 'Add a second goal? (start with one or two)', default: (initial.goals?.length ?? 0) > 1 })));
  const formats = await p.checkbox({
    message: 'Interaction formats',
    choices: enums.formats.map((f) => ({ value: f, name: f, checked: defaults.formats.includes(f) })),
    validate: (v) => v.length > 0 || 'Choose at least one format.',
  });
  const cadence = await p.select({ message: 'Cadence', choices: enums.cadences.map((c) => ({ value: c, name: c })), default: defaults.cadence });
  const duration = await p.input({ message: 'Usual duration in minutes', default: String(defaults.duration_minutes), validate: asValidate((v: string) => checkInteger(v, 'The duration', 5, 600)) });
  const slot = await p.select({ message: 'Usual slot (only work-hours meetings cost work time)', choices: enums.slots.map((s) => ({ value: s, name: s })), default: defaults.slot });
  const hours = await p.input({ message: 'Work hours per month for the CoP (preparation, coordination)', default: String(defaults.hours_per_month), validate: asValidate((v: string) => checkAmount(v, 'The hours')) });
  const refreshments = await p.input({
    message: `Refreshments cap per head (policy: ${policy.refreshments_per_head})`,
    default: String(defaults.refreshments_per_head),
    validate: asValidate((v: string) => checkAmount(v, 'The cap') ?? (Number(v) > policy.refreshments_per_head ? `The policy caps refreshments at ${policy.refreshments_per_head} per head.` : undefined)),
  });
  const membership = await p.select({ message: 'Membership', choices: enums.memberships.map((m) => ({ value: m, name: m })), default: defaults.membership });

  return {
    id,
    name: name.trim(),
    subject: subject.trim(),
    in: inScope,
    out: outScope,
    rationale: rationale.trim(),
    sponsor,
    coordinator,
    rotation_months: rotationText.trim() === 'none' ? null : Number(rotationText),
    members,
    goals,
    formats: formats as NewCopAnswers['formats'],
    cadence,
    duration_minutes: Number(duration),
    slot,
    hours_per_month: Number(hours),
    refreshments_per_head: Number(refreshments),
    membership,
    created,
    new_people: newPeople,
  };
}

async function askGoal(p: Prompter, ctx: NewCopContext, created: string, n: number, initial: Goal | undefined): Promise<Goal> {
  const { enums } = ctx;
  const type = await p.select({ message: `Goal ${n}: type`, choices: enums.goalTypes.map((t) => ({ value: t, name: t })), default: initial?.type ?? enums.goalTypes[0]! });
  const audiences = await p.checkbox({
    message: `Goal ${n}: audiences`,
    choices: enums.audiences.map((a) => ({ value: a, name: a, checked: initial?.audiences.includes(a) ?? a === 'practitioners' })),
    validate: (v) => v.length > 0 || 'Choose at least one audience.',
  });
  const description = await p.input({ message: `Goal ${n}: description, in a sentence`, ...(initial ? { default: initial.description } : {}), validate: asValidate((v: string) => checkText(v, 'The description')) });
  const review_by = await p.input({
    message: `Goal ${n}: review by (YYYY-MM-DD)`,
    default: initial?.review_by ?? goalReviewDefault(created),
    validate: asValidate((v: string) => checkDate(v, 'The review date') ?? (v <= created ? `Review the goal after the CoP is created (${created}).` : undefined)),
  });
  const goal: Goal = { type, audiences: audiences as Goal['audiences'], description: description.trim(), review_by };
  const problem = goalProblem(goal, enums);
  if (problem) throw new Error(problem);
  return goal;
}

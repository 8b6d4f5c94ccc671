/** The questions `cop log` asks on a terminal, with the charter's defaults and `cop check`'s warnings as they arise. */
import type { Guest, Person } from '../model/schema-types.js';
import { checkInteger, checkKnownPerson, checkText, checkUrl, splitList } from '../scaffold/fields.js';
import { dateProblem, meetingDefaults, refreshmentsWarning, type MeetingAnswers, type MeetingContext } from '../scaffold/meeting.js';
import { parseCost, parsePreparation } from '../scaffold/syntax.js';
import { askItems } from './items.js';
import { pickPeople } from './people-picker.js';
import { asValidate, type Prompter } from './prompter.js';

export async function askMeeting(
  p: Prompter,
  ctx: MeetingContext & { initial: Partial<MeetingAnswers>; policyCap: number; policyMinParticipants: number },
): Promise<MeetingAnswers> {
  const { charter, enums, initial } = ctx;
  const defaults = { ...meetingDefaults(charter, ctx.asOf), ...initial };
  const people = new Map<string, Person>(ctx.people);

  const cancelled = initial.cancelled ?? !(await p.confirm({ message: 'Did it take place?', default: true }));
  const date = await p.input({ message: 'Date (YYYY-MM-DD)', default: defaults.date, validate: asValidate((v: string) => dateProblem(v, charter, ctx.asOf)) });
  const title = await p.input({ message: 'Title', ...(initial.title ? { default: initial.title } : {}), validate: asValidate((v: string) => checkText(v, 'The title')) });
  const format = await p.select({ message: 'Format', choices: enums.formats.map((f) => ({ value: f, name: f })), default: defaults.format });
  const duration = await p.input({
    message: cancelled ? 'Planned duration in minutes' : 'Duration in minutes',
    default: String(defaults.duration_minutes),
    validate: asValidate((v: string) => checkInteger(v, 'The duration', 1, 1440)),
  });
  const slot = await p.select({ message: 'Slot (only work-hours meetings cost work time)', choices: enums.slots.map((s) => ({ value: s, name: s })), default: defaults.slot });
  const held = { date, title: title.trim(), format, duration_minutes: Number(duration), slot };
  if (cancelled) {
    const reason = await p.input({ message: 'Why did it not take place?', ...(initial.reason ? { default: initial.reason } : {}), validate: asValidate((v: string) => checkText(v, 'The reason')) });
    const spent = await askSpending(p, people);
    return { ...held, attendees: [], guests: [], ...spent, topics: [], cancelled: true, reason: reason.trim() };
  }

  const members = await p.checkbox({
    message: 'Attendees from the members',
    choices: charter.members.map((id) => ({ value: id, name: `${people.get(id)?.name ?? id} (${id})`, checked: initial.attendees?.includes(id) ?? false })),
  });
  let attendees = members;
  if (await p.confirm({ message: 'Did other people from people.yaml attend?', default: false })) {
    const others = new Map([...people].filter(([id]) => !charter.members.includes(id)));
    attendees = [...members, ...(await pickPeople(p, { message: 'Other attendees (type to search, pick to add or remove)', people: others, selected: [], check: () => undefined }))];
  }

  const guests: Guest[] = [];
  for (;;) {
    const name = await p.input({ message: 'Guest from outside the organisation: name (empty to finish)', default: '' });
    if (!name.trim()) break;
    const organisation = await p.input({ message: `${name.trim()}'s organisation`, validate: asValidate((v: string) => checkText(v, 'The organisation')) });
    guests.push({ name: name.trim(), organisation: organisation.trim() });
  }
  if (attendees.length + guests.length < ctx.policyMinParticipants) {
    p.note(`⚠ ${attendees.length + guests.length} participants: under ${ctx.policyMinParticipants}, this meeting does not reach the month for the low-participation trigger.`);
  }

  const { preparation, costs } = await askSpending(p, people);
  const overCap = refreshmentsWarning({ attendees, guests, costs }, charter, ctx.policyCap);
  if (overCap) p.note(`⚠ ${overCap} \`cop check\` will warn.`);

  const recording = (await p.input({ message: 'Recording link (empty if not published yet)', default: '', validate: (v) => v.trim() === '' || (checkUrl(v.trim()) ?? true) })).trim();
  if (!recording) p.note('⚠ No recording link: CoP meetings are public; `cop check` will warn until you add `recording:`.');
  const topics = splitList(await p.input({ message: 'Topics discussed (separate with ;)', default: (initial.topics ?? []).join('; ') }));

  const answers: MeetingAnswers = { ...held, attendees, guests, preparation, costs, topics };
  if (recording) answers.recording = recording;
  return answers;
}

/** Preparation and costs: work time and money spent on a meeting, held or cancelled. */
async function askSpending(p: Prompter, people: ReadonlyMap<string, Person>): Promise<Pick<MeetingAnswers, 'preparation' | 'costs'>> {
  const preparation = await askItems(p, 'Preparation, as person:hours separated by ; (empty for none)', parsePreparation, (x) => checkKnownPerson(x.person, people, 'preparer'));
  const costs = await askItems(p, 'Costs, as category:amount[:description] separated by ; (empty for none)', parseCost);
  return { preparation, costs };
}

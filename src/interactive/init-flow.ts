/** The questions `cop init` asks on a terminal, each validated as typed; flags pre-fill the defaults. */
import { checkCurrency, nameFromPersonId, normaliseCurrency, parsePersonSpec, type InitAnswers, type Leader, type Membership } from '../init/answers.js';
import type { Person } from '../model/schema-types.js';
import { checkAmount, checkPersonId } from '../scaffold/fields.js';
import { asValidate, type Prompter } from './prompter.js';

export async function askInit(p: Prompter, defaults: InitAnswers): Promise<InitAnswers> {
  const organisation = await p.input({ message: 'Organisation name', default: defaults.organisation, validate: (v) => (v.trim() ? true : 'Give the organisation a name.') });
  const currency = normaliseCurrency(await p.input({ message: 'Currency (ISO 4217 code)', default: defaults.currency, validate: asValidate(checkCurrency) }));
  const hours = Number(await p.input({ message: `Work hours for all CoPs in ${defaults.year}`, default: String(defaults.hours), validate: asValidate((v: string) => checkAmount(v, 'The hours')) }));
  const money = Number(await p.input({ message: `Money for all CoPs in ${defaults.year} (${currency})`, default: String(defaults.money), validate: asValidate((v: string) => checkAmount(v, 'The money')) }));
  const cto = await askPerson(p, 'the CTO', defaults.cto);
  p.note('Approvers must approve changes to the policy, people.yaml, CODEOWNERS, the workflows and every new CoP. The CTO is one.');
  const others = await p.input({
    message: 'Other approvers, as id:Full Name:github-handle separated by ; (empty for none)',
    default: defaults.approvers.map((a) => `${a.id}:${a.name}:${a.github}`).join('; '),
    validate: (v) => approverSpecs(v).find((r) => !r.ok)?.problem ?? true,
  });
  const leader = await p.select<Leader>({
    message: 'Who leads a CoP?',
    choices: [
      { value: 'rotating', name: 'rotating coordinators (every 3 months)' },
      { value: 'appointed', name: 'a fixed leader appointed by the CTO' },
    ],
    default: defaults.leader,
  });
  const membership = await p.select<Membership>({
    message: 'Membership of a new CoP',
    choices: [
      { value: 'invite-only', name: 'invite-only: the coordinator keeps the group within budget' },
      { value: 'open', name: 'open to everyone' },
    ],
    default: defaults.membership,
  });
  const approvers = approverSpecs(others).flatMap((r) => (r.ok ? [r.person] : []));
  return { ...defaults, organisation: organisation.trim(), currency, hours, money, cto, approvers, leader, membership };
}

function approverSpecs(text: string) {
  return text.split(';').map((s) => s.trim()).filter(Boolean).map((s) => ({ problem: undefined as string | undefined, ...parsePersonSpec(s) }));
}

async function askPerson(p: Prompter, role: string, initial: Person): Promise<Person> {
  const id = await p.input({ message: `Person id of ${role} (e.g. ada.lovelace)`, default: initial.id, validate: asValidate(checkPersonId) });
  const name = await p.input({ message: `Full name of ${role}`, default: id === initial.id ? initial.name : nameFromPersonId(id), validate: (v) => (v.trim() ? true : 'Give a name.') });
  const github = await p.input({
    message: `GitHub handle of ${role} (CODEOWNERS requires their approval by it)`,
    ...(id === initial.id && initial.github ? { default: initial.github } : {}),
    validate: (v) => {
      const parsed = parsePersonSpec(`${id}:${name}:${v}`);
      return parsed.ok ? true : parsed.problem;
    },
  });
  return { id, name: name.trim(), github: github.replace(/^@/, '') };
}

/**
 * A searchable multi-select over people.yaml: type to filter, pick a person to add or remove
 * them, add a new person on the spot, and finish with "done" (refused with the reason while
 * the selection is not acceptable).
 */
import { didYouMean } from '../core/suggest.js';
import type { Person } from '../model/schema-types.js';
import { nameFromPersonId } from '../init/answers.js';
import { checkPersonId, checkText } from '../scaffold/fields.js';
import { asValidate, type Choice, type Prompter } from './prompter.js';

export const DONE = '\u0000done';
export const ADD = '\u0000add';

export interface PickOptions {
  message: string;
  /** Everyone who can be picked; a person added on the spot is put here too. */
  people: Map<string, Person>;
  selected: string[];
  /** Why "done" is refused now, or undefined when the selection will do. */
  check: (selected: readonly string[]) => string | undefined;
  /** Offer "add a new person" (appended to people.yaml on write). */
  onAdd?: (person: Person) => void;
  /** Label people, e.g. "(member)". */
  label?: (person: Person) => string;
}

export async function pickPeople(p: Prompter, options: PickOptions): Promise<string[]> {
  const selected = [...options.selected];
  for (;;) {
    const source = (term: string): Choice<string>[] => {
      const t = term.trim().toLowerCase();
      const matches = [...options.people.values()].filter((person) => !t || person.id.includes(t) || person.name.toLowerCase().includes(t));
      const special: Choice<string>[] = [{ value: DONE, name: `✔ done (${selected.length} chosen)` }];
      if (options.onAdd) special.push({ value: ADD, name: '+ add a new person to people.yaml' });
      const found = matches.map((person) => ({
        value: person.id,
        name: `${selected.includes(person.id) ? '◉' : '◯'} ${person.name} (${person.id})${options.label ? options.label(person) : ''}`,
      }));
      // While typing, the matches come first so Enter picks the person searched for.
      return t ? [...found, ...special] : [...special, ...found];
    };
    const value = await p.search({
      message: `${options.message} [${selected.join(', ') || 'none yet'}]`,
      source,
      validate: (v) => {
        if (v === DONE) return options.check(selected) ?? true;
        if (v === ADD || options.people.has(v)) return true;
        return `\`${v}\` is not in people.yaml.${didYouMean(v, options.people.keys())}`;
      },
    });
    if (value === DONE) return selected;
    if (value === ADD && options.onAdd) {
      const person = await askNewPerson(p, options.people);
      options.people.set(person.id, person);
      options.onAdd(person);
      selected.push(person.id);
      continue;
    }
    const at = selected.indexOf(value);
    if (at === -1) selected.push(value);
    else selected.splice(at, 1);
  }
}

async function askNewPerson(p: Prompter, people: ReadonlyMap<string, Person>): Promise<Person> {
  const id = await p.input({
    message: 'New person: id (e.g. ada.lovelace)',
    validate: asValidate((v: string) => checkPersonId(v) ?? (people.has(v) ? `\`${v}\` is in people.yaml already.` : undefined)),
  });
  const name = await p.input({ message: 'Full name', default: nameFromPersonId(id), validate: asValidate((v: string) => checkText(v, 'The name')) });
  const github = await p.input({
    message: 'GitHub handle (optional)',
    default: '',
    validate: (v) => v === '' || /^[A-Za-z0-9](-?[A-Za-z0-9]){0,38}$/.test(v) || `\`${v}\` is not a GitHub handle.`,
  });
  return github ? { id, name: name.trim(), github } : { id, name: name.trim() };
}

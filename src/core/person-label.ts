/**
 * How a person is named among others: their name, or `name (id)` when another of them has the same
 * name. An organisation of thousands has namesakes, and a reader of a report must be able to tell
 * which "Aiko Costa" is over their hours; ids alone are what machine outputs (JSON, CSV) carry.
 */
export interface Named {
  readonly id: string;
  readonly name: string;
}

export function personLabeller(people: Iterable<Named>): (person: Named) => string {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { name } of people) (seen.has(name) ? shared : seen).add(name);
  return (person) => (shared.has(person.name) ? `${person.name} (${person.id})` : person.name);
}

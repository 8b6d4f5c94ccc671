/** A question whose answer is a `;`-separated list of one-line items (`person:hours; …`), each parsed and checked as typed. */
import { splitList, type Problem } from '../scaffold/fields.js';
import { parseAll, type Parsed } from '../scaffold/syntax.js';
import type { Prompter } from './prompter.js';

export async function askItems<T>(p: Prompter, message: string, parse: (text: string) => Parsed<T>, check: (item: T) => Problem = () => undefined): Promise<T[]> {
  const parsed = (text: string) => parseAll(splitList(text), parse);
  const text = await p.input({
    message,
    default: '',
    validate: (v) => {
      const items = parsed(v);
      if (!items.ok) return items.problem;
      return items.value.map(check).find(Boolean) ?? true;
    },
  });
  return (parsed(text) as { ok: true; value: T[] }).value;
}

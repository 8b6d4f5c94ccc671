/**
 * The Prompter backed by inquirer. Imported only on the interactive path (never by `cop --help`
 * or `cop check`), and inquirer itself is loaded here lazily.
 */
import type { Io } from '../core/terminal.js';
import type { Prompter } from './prompter.js';

type Ask = (question: Record<string, unknown>) => Promise<unknown>;

export async function inquirerPrompter(io: Io): Promise<Prompter> {
  const { default: inquirer } = await import('inquirer');
  const prompt = inquirer.prompt as unknown as (questions: Record<string, unknown>[]) => Promise<{ value: unknown }>;
  const ask: Ask = async (question) => (await prompt([{ ...question, name: 'value' }])).value;
  return {
    input: async (q) => String(await ask({ type: 'input', ...q })),
    select: async (q) => (await ask({ type: 'select', ...q })) as never,
    checkbox: async (q) => (await ask({ type: 'checkbox', ...q })) as never,
    search: async (q) => (await ask({ type: 'search', message: q.message, validate: q.validate, source: (term: string | undefined) => q.source(term ?? '') })) as never,
    confirm: async (q) => Boolean(await ask({ type: 'confirm', ...q })),
    note: (text) => io.stderr(`${text}\n`),
  };
}

/**
 * A scripted Prompter for tests of the interactive flows: answers are taken in order; a refused
 * answer (validate returns a reason) is recorded and the next answer is taken, as a person would
 * retype it; CANCEL rejects like Ctrl-C in inquirer (an ExitPromptError).
 */
import type { Choice, Prompter } from '../../src/interactive/prompter.js';

export const CANCEL = Symbol('cancel');
/** Accept the question's default. */
export const DEFAULT = Symbol('default');

export type Answer = string | boolean | string[] | typeof CANCEL | typeof DEFAULT;

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order. */
  asked: string[];
  /** The reasons shown for refused answers. */
  refusals: string[];
  notes: string[];
  /** Answers not used. */
  remaining(): number;
}

class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

export function scriptedPrompter(answers: Answer[]): ScriptedPrompter {
  const queue = [...answers];
  const asked: string[] = [];
  const refusals: string[] = [];
  const notes: string[] = [];

  function next(message: string): Answer {
    asked.push(message);
    if (queue.length === 0) throw new Error(`No scripted answer left for: ${message}`);
    const answer = queue.shift()!;
    if (answer === CANCEL) throw new ExitPromptError('User force closed the prompt with SIGINT');
    return answer;
  }

  async function ask<T>(message: string, convert: (a: Answer) => T, validate?: (value: T) => true | string): Promise<T> {
    for (;;) {
      const value = convert(next(message));
      const verdict = validate ? validate(value) : true;
      if (verdict === true) return value;
      refusals.push(verdict);
    }
  }

  const pick = <T>(choices: Choice<T>[], fallback?: T) => (a: Answer): T => {
    if (a === DEFAULT) {
      if (fallback === undefined) throw new Error('No default to accept.');
      return fallback;
    }
    const found = choices.find((c) => c.value === a);
    if (!found) throw new Error(`Not a choice: ${String(a)} (choices: ${choices.map((c) => String(c.value)).join(', ')})`);
    return found.value;
  };

  return {
    asked,
    refusals,
    notes,
    remaining: () => queue.length,
    input: (q) => ask(q.message, (a) => (a === DEFAULT ? (q.default ?? '') : String(a)), q.validate),
    select: (q) => ask(q.message, pick(q.choices, q.default)),
    checkbox: (q) =>
      ask(
        q.message,
        (a) => (a === DEFAULT ? q.choices.filter((c) => c.checked).map((c) => c.value) : (a as string[]).map((v) => pick(q.choices)(v))),
        q.validate,
      ),
    // A search answer is the value picked; it may be one the list does not offer (to test validation).
    search: (q) => ask(q.message, (a) => a as never, q.validate),
    confirm: (q) => ask(q.message, (a) => (a === DEFAULT ? (q.default ?? false) : Boolean(a))),
    note: (text) => notes.push(text),
  };
}

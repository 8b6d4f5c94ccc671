/**
 * The questions the interactive commands ask, as an interface: the inquirer-backed implementation
 * (./inquirer.ts, loaded only on a terminal) asks a person; tests drive the same flows with a
 * scripted implementation. A `validate` returns true, or the reason shown under the prompt while
 * the question is asked again.
 */

export type Validate<T> = (value: T) => true | string;

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  checked?: boolean;
}

export interface Prompter {
  input(question: { message: string; default?: string; validate?: Validate<string> }): Promise<string>;
  select<T>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(question: { message: string; choices: Choice<T>[]; validate?: Validate<T[]> }): Promise<T[]>;
  /** Type to filter the choices, pick one. */
  search<T>(question: { message: string; source: (term: string) => Choice<T>[]; validate?: Validate<T> }): Promise<T>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
  /** A line shown between questions (a warning, a summary). */
  note(text: string): void;
}

/** Ctrl-C at a prompt: inquirer rejects with an ExitPromptError; the command exits 130 and writes nothing. */
export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Turns a field check (a reason or undefined) into a prompt validation. */
export function asValidate<T>(check: (value: T) => string | undefined): Validate<T> {
  return (value) => check(value) ?? true;
}

/**
 * Errors the shell turns into exit codes. Anything else that escapes a command is a bug and is
 * reported as an internal error (exit 2) without a stack trace unless COP_DEBUG is set.
 */

export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** Bad command-line input or configuration: exit 2 with the message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

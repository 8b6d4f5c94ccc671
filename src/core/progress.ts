/**
 * A transient progress line for long runs (`checking 1200/60502 files`): on stderr, only when
 * stderr is a terminal and not in CI, only once a run has lasted about a second, and erased at the
 * end so it never mixes with the real output. Commands create one from their Io and hand its
 * `update` to the work that counts.
 */
import type { Io } from './terminal.js';

export interface Progress {
  /** `done` of `total` units are finished. Cheap enough to call for every unit. */
  update(done: number, total: number): void;
  /** Erases the line, if one was shown. */
  end(): void;
}

export interface ProgressOptions {
  /** Nothing is shown before this much of the run has passed (default 1000 ms). */
  delayMs?: number;
  /** The clock, in milliseconds (tests pass a fake one). */
  now?: () => number;
}

const REDRAW_MS = 100;
const NONE: Progress = { update: () => {}, end: () => {} };

/** Whether a progress line may be shown: stderr is a terminal and this is not a CI job. */
export function showsProgress(io: Io): boolean {
  const ci = io.env.CI;
  return io.stderrIsTTY === true && (ci === undefined || ci === '' || ci === '0' || ci === 'false');
}

export function progressLine(io: Io, label: string, { delayMs = 1000, now = () => performance.now() }: ProgressOptions = {}): Progress {
  if (!showsProgress(io)) return NONE;
  const started = now();
  let drawnAt = -Infinity;
  let shown = false;
  // Its cursor controls are cop's own: past the output guard, which lets only colours and links through.
  const write = io.verbatim?.stderr ?? io.stderr;
  return {
    update(done, total) {
      const t = now();
      if (t - started < delayMs || (t - drawnAt < REDRAW_MS && done < total)) return;
      drawnAt = t;
      shown = true;
      write(`\r\x1b[2K${label} ${done}/${total} files`);
    },
    end() {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}

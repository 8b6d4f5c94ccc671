/** Whether to print OSC 8 terminal hyperlinks; its own module so only `cop check` loads supports-hyperlinks. */
import { createSupportsHyperlinks } from 'supports-hyperlinks';
import type { Io } from './terminal.js';

/** Only with colour on a terminal that shows them (supports-hyperlinks knows which do). */
export function useHyperlinks(color: boolean, io: Io): boolean {
  return color && io.stdoutIsTTY && createSupportsHyperlinks({ isTTY: io.stdoutIsTTY });
}

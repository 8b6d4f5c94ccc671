/** Whether to print OSC 8 terminal hyperlinks; its own module, and supports-hyperlinks loads only for a terminal. */
import type { Io } from './terminal.js';

/** Only with colour on a terminal that shows them (supports-hyperlinks knows which do). */
export async function useHyperlinks(color: boolean, io: Io): Promise<boolean> {
  if (!color || !io.stdoutIsTTY) return false;
  const { createSupportsHyperlinks } = await import('supports-hyperlinks');
  return createSupportsHyperlinks({ isTTY: io.stdoutIsTTY });
}

/** Where output goes and whether it may be coloured: the one place that reads the environment. */
import { guardTerminalOutput } from '../output/terminal.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The terminal's width in columns, when stdout is one. */
  columns?: number;
  /** Whether stderr is a terminal (a progress line may be drawn there); absent means no. */
  stderrIsTTY?: boolean;
  /**
   * The streams as they are, once `guardIo` guards `stdout` and `stderr`: only for bytes `cop`
   * makes that the guard would change (`--format github`'s workflow commands, the progress line's
   * cursor controls), never for text that holds data.
   */
  verbatim?: Pick<Io, 'stdout' | 'stderr'>;
}

/**
 * The io every command writes through (`main` guards it once): stdout and stderr pass each write
 * through the output edge's guard (src/output/terminal.ts `guardTerminalOutput`: no control
 * character but SGR colours, OSC 8 links, tabs and line ends; no line that begins with `::`).
 * Data is escaped before that, in the renderers; this is the defence for what one forgets.
 */
export function guardIo(io: Io): Io {
  if (io.verbatim) return io;
  const [out, err] = [guardTerminalOutput(), guardTerminalOutput()];
  return { ...io, stdout: (text) => io.stdout(out(text)), stderr: (text) => io.stderr(err(text)), verbatim: { stdout: io.stdout, stderr: io.stderr } };
}

export function processIo(): Io {
  // A reader that stops early (`cop report | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Colour only on a terminal; `--no-color` and a non-empty NO_COLOR turn it off, FORCE_COLOR on. */
export function useColor(flag: boolean | undefined, io: Io): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}

/** The width tables fit: COLUMNS when set, else the terminal's; unlimited for a pipe or a file, so nothing is cut. */
export function outputWidth(io: Io): number {
  const forced = io.env.COLUMNS;
  if (forced !== undefined && /^\d+$/.test(forced) && Number(forced) > 0) return Number(forced);
  return io.stdoutIsTTY && io.columns ? io.columns : Infinity;
}

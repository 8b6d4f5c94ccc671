/** Where output goes and whether it may be coloured: the one place that reads the environment. */

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Whether stderr is a terminal (a progress line may be drawn there); absent means no. */
  stderrIsTTY?: boolean;
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

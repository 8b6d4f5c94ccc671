import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/core/progress.js';
import { guardIo, type Io } from '../../src/core/terminal.js';

function fakeIo(stderrIsTTY: boolean, env: NodeJS.ProcessEnv = {}): Io & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (t) => err.push(t), env, cwd: '/', stdoutIsTTY: false, stdinIsTTY: false, stderrIsTTY };
}

/** Runs 0..total updates, the clock advancing `stepMs` before each; returns what reached stderr. */
function run(io: Io & { err: string[] }, total: number, stepMs: number): string[] {
  let clock = 0;
  const progress = progressLine(io, 'checking', { now: () => clock });
  for (let done = 1; done <= total; done++) {
    clock += stepMs;
    progress.update(done, total);
  }
  progress.end();
  return io.err;
}

describe('progressLine', () => {
  it('shows nothing on a run shorter than the delay', () => {
    expect(run(fakeIo(true), 9, 100)).toEqual([]);
  });

  it('after the delay draws files done/total on stderr, at most every 100 ms, and erases it at the end', () => {
    const out = run(fakeIo(true), 30, 50);
    expect(out[0]).toBe('\r\x1b[2Kchecking 20/30 files');
    expect(out).toContain('\r\x1b[2Kchecking 22/30 files');
    expect(out).not.toContain('\r\x1b[2Kchecking 21/30 files');
    expect(out.at(-2)).toBe('\r\x1b[2Kchecking 30/30 files');
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });

  it('never shows when stderr is not a terminal, or in CI', () => {
    expect(run(fakeIo(false), 30, 100)).toEqual([]);
    expect(run(fakeIo(true, { CI: 'true' }), 30, 100)).toEqual([]);
    expect(run(fakeIo(true, { CI: 'false' }), 30, 100).length).toBeGreaterThan(0);
  });

  it('draws its cursor controls past the output guard of a guarded io (which escapes any other control sequence)', () => {
    const io = fakeIo(true);
    const guarded = guardIo(io);
    let clock = 0;
    const progress = progressLine(guarded, 'checking', { now: () => clock });
    clock = 2000;
    progress.update(1, 2);
    guarded.stderr('\r\x1b[2Kforged');
    expect(io.err).toEqual(['\r\x1b[2Kchecking 1/2 files', '\\u000D\\u001B[2Kforged']);
  });
});

/** Shell words `cop` prints for a person to paste: parsed back by a real shell, each is the data it came from, and runs nothing. */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellWord } from '../../src/output/shell.js';

/** What bash makes of `line` as the arguments of printf: each word on its own line, NUL-separated. */
function words(line: string): string[] {
  const result = spawnSync('bash', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return result.stdout.split('\0').slice(0, -1);
}

describe('shellWord', () => {
  it.each(['Kotlin', 'Data "Ops"', "O'Brien's CoP", '$(touch /tmp/pwned)', '`id`', 'a; rm -rf ~', 'x && y', '*', '~', 'new\nline', ''])('%j is one word, unchanged', (text) => {
    expect(words(shellWord(text))).toEqual([text]);
  });

  it('holds for any text without a NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')), (text) => {
        expect(words(shellWord(text))).toEqual([text]);
      }),
      { numRuns: 60 },
    );
  });

  it('leaves plain words bare, so ordinary commands read as before', () => {
    expect(shellCommand('git', 'add', 'cops/kotlin/charter.yaml', 'people.yaml')).toBe('git add cops/kotlin/charter.yaml people.yaml');
    expect(shellCommand('git', 'commit', '-m', 'Propose the Kotlin community of practice')).toBe("git commit -m 'Propose the Kotlin community of practice'");
  });
});

/**
 * What a read command does with a path it could not read (src/workspace/leave-out.ts
 * isDataFolder): a folder the data files are listed from stops it, since which files it holds is
 * unknown; anything else is one file, left out like a file with errors.
 */
import { describe, expect, it } from 'vitest';
import { isDataFolder } from '../../src/workspace/leave-out.js';

describe('isDataFolder', () => {
  it.each(['cops', 'cops/aws', 'cops/aws/meetings', 'cops/aws/outputs', 'cops/aws/reviews'])('%s: a folder the data files are listed from', (path) => {
    expect(isDataFolder(path)).toBe(true);
  });

  it.each([
    'cops/aws/charter.yaml',
    'cops/aws/meetings/2026-10-30.yaml',
    'cops/aws/outputs/2026-10-30-talk.yaml',
    'cops/aws/README.md',
    'cops/README.md',
    'cops/aws/notes',
    'cops/aws/meetings/archive/2026-01-01.yaml',
    'people.yaml',
    'cop.config.yaml',
    '.github/CODEOWNERS',
    'copsy/aws',
  ])('%s: one file (or not the data), left out, not a stop', (path) => {
    expect(isDataFolder(path)).toBe(false);
  });
});

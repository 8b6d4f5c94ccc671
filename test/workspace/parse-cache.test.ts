/** The per-file result cache of `cop check --cache`: hits only for the same text, key and kind; never trusts a bad file. */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import { CACHE_FILE_NAME, DEFAULT_CACHE_FOLDER, cacheFilePath, cacheKey, openParseCache } from '../../src/workspace/parse-cache.js';
import { parseDataFile, type DataFile, type ParsedFile } from '../../src/workspace/parse.js';

const MEETING: DataFile = { file: 'cops/aws/meetings/2026-10-14.yaml', kind: 'meeting' };
const TEXT = 'date: 2026-10-14\ntitle: Lambda\nformat: round-table\nduration_minutes: 60\nslot: lunch\n';
const BROKEN = 'date: 2026-10-14\ndate: 2026-10-15\n';
const KEY = cacheKey('currency: EUR\n');

const parsed = (dataFile: DataFile, text: string): ParsedFile => ({ ...parseDataFile(dataFile, text, sharedValidator()), text });
const cachePath = () => join(mkdtempSync(join(tmpdir(), 'cop-cache-')), 'sub', CACHE_FILE_NAME);

/** A cache at `path` filled with `files` and saved. */
function saved(path: string, files: [DataFile, string][], key = KEY): void {
  const cache = openParseCache(path, key);
  for (const [dataFile, text] of files) cache.remember(parsed(dataFile, text));
  cache.save();
}

describe('the parse cache', () => {
  it('gives back what it was given, data and findings, for the same text', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT], [{ ...MEETING, file: 'cops/aws/meetings/2026-10-15.yaml' }, BROKEN]]);
    const cache = openParseCache(path, KEY);
    expect(cache.lookup(MEETING, TEXT)).toEqual(parsed(MEETING, TEXT));
    const broken = cache.lookup({ ...MEETING, file: 'cops/aws/meetings/2026-10-15.yaml' }, BROKEN);
    expect(broken?.data).toBeUndefined();
    expect(broken?.diagnostics.map((d) => d.ruleId)).toEqual(['duplicate-key']);
    expect(broken).toEqual(parsed({ ...MEETING, file: 'cops/aws/meetings/2026-10-15.yaml' }, BROKEN));
  });

  it('misses when the text, the kind, the file or the key differ', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT]]);
    expect(openParseCache(path, KEY).lookup(MEETING, `${TEXT}# edited\n`)).toBeUndefined();
    expect(openParseCache(path, KEY).lookup({ ...MEETING, kind: 'charter' }, TEXT)).toBeUndefined();
    expect(openParseCache(path, KEY).lookup({ ...MEETING, file: 'cops/aws/meetings/2026-10-16.yaml' }, TEXT)).toBeUndefined();
    expect(openParseCache(path, cacheKey('currency: GBP\n')).lookup(MEETING, TEXT)).toBeUndefined();
    expect(openParseCache(path, KEY).lookup(MEETING, TEXT)).toBeDefined();
  });

  it('ignores a truncated, corrupt, foreign or special cache file, and a file named like a prototype key', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT]]);
    const whole = readFileSync(path, 'utf8');
    for (const bad of [whole.slice(0, whole.length >> 1), '', 'not json', '[]', 'null', '{"format":"cop-check-cache/1"}', `{"entries":${JSON.stringify(JSON.parse(whole).entries)}}`]) {
      writeFileSync(path, bad);
      expect(openParseCache(path, KEY).lookup(MEETING, TEXT)).toBeUndefined();
    }
    writeFileSync(path, whole.replace(/"entries":\{/, '"entries":{"__proto__":[1,2,3],"x":[null],'));
    const cache = openParseCache(path, KEY);
    expect(cache.lookup({ ...MEETING, file: '__proto__' }, TEXT)).toBeUndefined();
    expect(cache.lookup({ ...MEETING, file: 'constructor' }, TEXT)).toBeUndefined();
    expect(cache.lookup({ ...MEETING, file: 'x' }, TEXT)).toBeUndefined();
    expect(cache.lookup(MEETING, TEXT)).toBeDefined();
    // A folder where the file should be, and no folder at all: an empty cache, no exception.
    const folder = cachePath();
    mkdirSync(folder, { recursive: true });
    expect(openParseCache(folder, KEY).lookup(MEETING, TEXT)).toBeUndefined();
    expect(openParseCache(join(folder, 'none', 'x.json'), KEY).lookup(MEETING, TEXT)).toBeUndefined();
  });

  it('does not cache data JSON cannot carry (.inf, .nan, -0)', () => {
    const path = cachePath();
    const cache = openParseCache(path, KEY);
    cache.remember({ ...MEETING, data: { duration_minutes: Number.POSITIVE_INFINITY }, diagnostics: [], text: 'a' });
    cache.remember({ ...MEETING, file: 'b.yaml', data: { n: -0 }, diagnostics: [], text: 'b' });
    cache.remember({ ...MEETING, file: 'c.yaml', data: { n: [1, 'x', null, true] }, diagnostics: [], text: 'c' });
    cache.save();
    const reopened = openParseCache(path, KEY);
    expect(reopened.lookup(MEETING, 'a')).toBeUndefined();
    expect(reopened.lookup({ ...MEETING, file: 'b.yaml' }, 'b')).toBeUndefined();
    expect(reopened.lookup({ ...MEETING, file: 'c.yaml' }, 'c')?.data).toEqual({ n: [1, 'x', null, true] });
  });

  it('writes only when something changed, and drops files no longer looked up', () => {
    const path = cachePath();
    const other: DataFile = { ...MEETING, file: 'cops/aws/meetings/2026-10-20.yaml' };
    saved(path, [[MEETING, TEXT], [other, TEXT]]);
    const before = statSync(path).mtimeMs;
    const unchanged = openParseCache(path, KEY);
    unchanged.lookup(MEETING, TEXT);
    unchanged.lookup(other, TEXT);
    unchanged.save();
    expect(statSync(path).mtimeMs).toBe(before);
    const fewer = openParseCache(path, KEY);
    fewer.lookup(MEETING, TEXT);
    fewer.save();
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).entries)).toEqual([MEETING.file]);
  });

  it('lives beside package.json or under the data root by default, else at --cache-location (a file, or a folder for one)', () => {
    const root = mkdtempSync(join(tmpdir(), 'cop-root-'));
    expect(cacheFilePath(root, '/elsewhere')).toBe(join(root, DEFAULT_CACHE_FOLDER, CACHE_FILE_NAME));
    expect(cacheFilePath(root, root, 'my-cache.json')).toBe(join(root, 'my-cache.json'));
    expect(cacheFilePath(root, root, 'later/')).toBe(join(root, 'later', CACHE_FILE_NAME));
    mkdirSync(join(root, 'existing'));
    expect(cacheFilePath(root, root, 'existing')).toBe(join(root, 'existing', CACHE_FILE_NAME));
    // A data root in a subfolder of a package (a CoP repository with package.json at its top).
    const top = mkdtempSync(join(tmpdir(), 'cop-repo-'));
    mkdirSync(join(top, '.git'));
    writeFileSync(join(top, 'package.json'), '{}');
    mkdirSync(join(top, 'governance'));
    expect(cacheFilePath(join(top, 'governance'), top)).toBe(join(top, DEFAULT_CACHE_FOLDER, CACHE_FILE_NAME));
    // Never above the repository's top, even when a folder there has a package.json.
    const nested = join(top, 'nested');
    mkdirSync(join(nested, '.git'), { recursive: true });
    expect(cacheFilePath(nested, nested)).toBe(join(nested, DEFAULT_CACHE_FOLDER, CACHE_FILE_NAME));
  });
});

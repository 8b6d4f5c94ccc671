/** The per-file result cache of `cop check --cache`: expects only the same file, kind and key; never trusts a bad file. */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import { CACHE_FILE_NAME, CACHE_FORMAT, DEFAULT_CACHE_FOLDER, cacheFilePath, cacheKey, openParseCache, type CacheContent } from '../../src/workspace/parse-cache.js';
import { parseDataFile, type DataFile, type ParsedFile } from '../../src/workspace/parse.js';
import { shedText } from '../../src/workspace/texts.js';

const MEETING: DataFile = { file: 'cops/aws/meetings/2026-10-14.yaml', kind: 'meeting' };
const TEXT = 'date: 2026-10-14\ntitle: Lambda\nformat: round-table\nduration_minutes: 60\nslot: lunch\n';
const BROKEN = 'date: 2026-10-14\ndate: 2026-10-15\n';
const KEY = cacheKey('currency: EUR\n');

/** A parse result as a read from the disk gives it (with a stamp), the meeting's text traded for its digest. */
const parsed = (dataFile: DataFile, text: string, stamp = `${text.length}:1:1:1:1`): ParsedFile => shedText({ ...parseDataFile(dataFile, text, sharedValidator()), text, stamp });
const cachePath = () => join(mkdtempSync(join(tmpdir(), 'cop-cache-')), 'sub', CACHE_FILE_NAME);
const OTHER: DataFile = { ...MEETING, file: 'cops/aws/meetings/2026-10-15.yaml' };

/** A cache at `path` filled with `files` and saved. */
function saved(path: string, files: [DataFile, string][], key = KEY): void {
  const cache = openParseCache(path, key);
  for (const [dataFile, text] of files) cache.remember(parsed(dataFile, text));
  cache.save();
}

describe('the parse cache', () => {
  it('gives back what it was given (data, findings, digest) for a file it expects', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT], [OTHER, BROKEN]]);
    const cache = openParseCache(path, KEY);
    const fresh = parsed(MEETING, TEXT);
    expect(cache.expected(MEETING)).toEqual({ stamp: fresh.stamp, hash: fresh.digest!.hash });
    expect(cache.reuse(MEETING, fresh.stamp!)).toEqual(fresh);
    const broken = cache.reuse(OTHER, parsed(OTHER, BROKEN).stamp!);
    expect(broken.data).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.ruleId)).toEqual(['duplicate-key']);
    expect(broken).toEqual(parsed(OTHER, BROKEN));
  });

  it('expects nothing of another kind, another file or under another key', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT]]);
    expect(openParseCache(path, KEY).expected({ ...MEETING, kind: 'charter' })).toBeUndefined();
    expect(openParseCache(path, KEY).expected({ ...MEETING, file: 'cops/aws/meetings/2026-10-16.yaml' })).toBeUndefined();
    expect(openParseCache(path, cacheKey('currency: GBP\n')).expected(MEETING)).toBeUndefined();
    expect(openParseCache(path, KEY).expected(MEETING)).toBeDefined();
  });

  it('ignores a truncated, corrupt, foreign or special cache file, and entries of the wrong shape', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT]]);
    const whole = readFileSync(path);
    const [, , entries, openings] = deserialize(whole) as CacheContent;
    const foreign: unknown[] = [whole.subarray(0, whole.length >> 1), Buffer.alloc(0), Buffer.from('not v8'), serialize([]), serialize(null), serialize([CACHE_FORMAT, KEY]), serialize([CACHE_FORMAT, KEY, [...entries], openings]), serialize([CACHE_FORMAT, KEY, entries]), serialize([CACHE_FORMAT, KEY, entries, [1]]), serialize(['other/1', KEY, entries, openings])];
    for (const bad of foreign) {
      writeFileSync(path, bad as Buffer);
      expect(openParseCache(path, KEY).expected(MEETING)).toBeUndefined();
    }
    const odd = new Map<string, unknown>([...entries, ['x', [null]], ['y', { ...entries.get(MEETING.file), diagnostics: 'none' }], ['z', { ...entries.get(MEETING.file), opening: 7 }]]);
    writeFileSync(path, serialize([CACHE_FORMAT, KEY, odd, openings]));
    const cache = openParseCache(path, KEY);
    expect(cache.expected({ ...MEETING, file: 'x' })).toBeUndefined();
    expect(cache.expected({ ...MEETING, file: 'y' })).toBeUndefined();
    expect(cache.expected({ ...MEETING, file: 'z' })).toBeUndefined();
    expect(cache.expected(MEETING)).toBeDefined();
    // A folder where the file should be, and no folder at all: an empty cache, no exception.
    const folder = cachePath();
    mkdirSync(folder, { recursive: true });
    expect(openParseCache(folder, KEY).expected(MEETING)).toBeUndefined();
    expect(openParseCache(join(folder, 'none', 'x.bin'), KEY).expected(MEETING)).toBeUndefined();
  });

  it('keeps every number YAML can hold (.inf, .nan, -0) exactly', () => {
    const path = cachePath();
    const cache = openParseCache(path, KEY);
    const data = { a: Number.POSITIVE_INFINITY, b: Number.NaN, c: -0, d: [1, 'x', null, true] };
    cache.remember({ ...MEETING, data, diagnostics: [], text: 'a: .inf\n', stamp: 's' });
    cache.save();
    const reopened = openParseCache(path, KEY);
    const back = reopened.reuse(MEETING, 's').data as typeof data;
    expect(back).toEqual(data);
    expect(Object.is(back.c, -0)).toBe(true);
  });

  it('does not remember a file that was not read from the disk, or was refused', () => {
    const path = cachePath();
    const cache = openParseCache(path, KEY);
    cache.remember({ ...MEETING, data: {}, diagnostics: [], text: 'from git' });
    cache.remember({ ...OTHER, diagnostics: [] });
    cache.save();
    expect(openParseCache(path, KEY).expected(MEETING)).toBeUndefined();
    expect(openParseCache(path, KEY).expected(OTHER)).toBeUndefined();
  });

  it('writes only when something changed, and drops files no longer looked up', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT], [OTHER, TEXT]]);
    const stamp = parsed(MEETING, TEXT).stamp!;
    const before = statSync(path).mtimeMs;
    const unchanged = openParseCache(path, KEY);
    unchanged.reuse(MEETING, stamp);
    unchanged.reuse(OTHER, stamp);
    unchanged.save();
    expect(statSync(path).mtimeMs).toBe(before);
    const restamped = openParseCache(path, KEY);
    restamped.reuse(MEETING, 'a new stamp');
    restamped.reuse(OTHER, stamp);
    restamped.save();
    expect(openParseCache(path, KEY).expected(MEETING)?.stamp).toBe('a new stamp');
    const fewer = openParseCache(path, KEY);
    fewer.reuse(MEETING, stamp);
    fewer.save();
    expect([...(deserialize(readFileSync(path)) as CacheContent)[2].keys()]).toEqual([MEETING.file]);
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

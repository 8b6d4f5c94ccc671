/** The cache of `cop check --cache`: gives back only the same files, stamps, inputs and key; never trusts a bad file. */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { CACHE_FILE_NAME, CACHE_FORMAT, DEFAULT_CACHE_FOLDER, cacheFilePath, cacheKey, copInputs, openCheckCache, type CacheContent } from '../../src/workspace/check-cache.js';
import { parseDataFile, type DataFile, type ParsedFile } from '../../src/workspace/parse.js';
import { shedText, textHash } from '../../src/workspace/texts.js';

const CHARTER: DataFile = { file: 'cops/aws/charter.yaml', kind: 'charter' };
const MEETING: DataFile = { file: 'cops/aws/meetings/2026-10-14.yaml', kind: 'meeting' };
const OTHER: DataFile = { ...MEETING, file: 'cops/aws/meetings/2026-10-15.yaml' };
const CHARTER_TEXT = 'id: aws\nname: AWS\n';
const TEXT = 'date: 2026-10-14\ntitle: Lambda\nformat: round-table\nduration_minutes: 60\nslot: lunch\n';
const BROKEN = 'date: 2026-10-14\ndate: 2026-10-15\n';
const KEY = cacheKey('currency: EUR\n');
const INPUTS = copInputs('2026-11-20', 'people-hash');
const FOUND: Diagnostic[] = [{ ruleId: 'min-members', severity: 'warn', message: 'Too few.', file: CHARTER.file, start: { line: 1, column: 1 } }];

/** A parse result as a read from the disk gives it (with a stamp), the meeting's text traded for its digest. */
const parsed = (dataFile: DataFile, text: string, stamp = `${text.length}:1:1:1:1`): ParsedFile => shedText({ ...parseDataFile(dataFile, text, sharedValidator()), text, stamp });
const cachePath = () => join(mkdtempSync(join(tmpdir(), 'cop-cache-')), 'sub', CACHE_FILE_NAME);
const stampOfText = (texts: Map<string, string>) => (file: string) => (texts.has(file) ? parsed(CHARTER, texts.get(file)!).stamp : undefined);

/** A cache at `path` holding the CoP aws with `files`, read and checked, and saved. */
function saved(path: string, files: [DataFile, string][], key = KEY, inputs = INPUTS): void {
  const cache = openCheckCache(path, key);
  cache.noteCop('aws', files.map(([dataFile]) => dataFile), inputs);
  for (const [dataFile, text] of files) cache.files.remember(parsed(dataFile, text));
  cache.keepFindings('aws', FOUND);
  cache.save();
}

/** The CoP aws in the cache at `path`, noted with `files` and looked up with their texts' stamps. */
function lookUp(path: string, files: [DataFile, string][], { key = KEY, inputs = INPUTS } = {}) {
  const cache = openCheckCache(path, key);
  cache.noteCop('aws', files.map(([dataFile]) => dataFile), inputs);
  return { cache, cop: cache.unchangedCop('aws', stampOfText(new Map(files.map(([{ file }, text]) => [file, text])))) };
}

describe('the check cache', () => {
  it('gives back what it was given (data, findings, digest) for a file it expects', () => {
    const path = cachePath();
    saved(path, [[CHARTER, CHARTER_TEXT], [MEETING, TEXT], [OTHER, BROKEN]]);
    const { files } = openCheckCache(path, KEY);
    const fresh = parsed(MEETING, TEXT);
    expect(files.expected(MEETING)).toEqual({ stamp: fresh.stamp, hash: fresh.digest!.hash });
    expect(files.reuse(MEETING, fresh.stamp!)).toEqual(fresh);
    const broken = files.reuse(OTHER, parsed(OTHER, BROKEN).stamp!);
    expect(broken.data).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.ruleId)).toEqual(['duplicate-key']);
    expect(broken).toEqual(parsed(OTHER, BROKEN));
  });

  it('gives a CoP whose files have the same stamps, checked with the same inputs, without its meetings', () => {
    const path = cachePath();
    const files: [DataFile, string][] = [[CHARTER, CHARTER_TEXT], [MEETING, TEXT], [OTHER, BROKEN]];
    saved(path, files);
    const { cop } = lookUp(path, files);
    const { text: _text, ...charter } = parsed(CHARTER, CHARTER_TEXT);
    expect(cop).toEqual({
      charter: { ...charter, digest: { hash: textHash(CHARTER_TEXT), opening: '' } },
      meetingDiagnostics: [...parsed(MEETING, TEXT).diagnostics, ...parsed(OTHER, BROKEN).diagnostics],
      meetingDirectives: [],
      findings: FOUND,
    });
    // Any other stamp, another file list or other inputs: the CoP is read and checked again.
    expect(lookUp(path, [[CHARTER, CHARTER_TEXT], [MEETING, `${TEXT}# more\n`], [OTHER, BROKEN]]).cop).toBeUndefined();
    expect(lookUp(path, files.slice(0, 2)).cop).toBeUndefined();
    expect(lookUp(path, [...files, [{ ...MEETING, file: 'cops/aws/meetings/2026-10-16.yaml' }, TEXT]]).cop).toBeUndefined();
    expect(lookUp(path, files, { inputs: copInputs('2026-11-21', 'people-hash') }).cop).toBeUndefined();
    expect(lookUp(path, files, { inputs: copInputs('2026-11-20', 'other people') }).cop).toBeUndefined();
    expect(lookUp(path, files, { key: cacheKey('currency: GBP\n') }).cop).toBeUndefined();
    expect(lookUp(path, files).cop).toBeDefined();
  });

  it('expects nothing of another kind, another file or under another key', () => {
    const path = cachePath();
    saved(path, [[MEETING, TEXT]]);
    expect(openCheckCache(path, KEY).files.expected({ ...MEETING, kind: 'charter' })).toBeUndefined();
    expect(openCheckCache(path, KEY).files.expected({ ...MEETING, file: 'cops/aws/meetings/2026-10-16.yaml' })).toBeUndefined();
    expect(openCheckCache(path, cacheKey('currency: GBP\n')).files.expected(MEETING)).toBeUndefined();
    expect(openCheckCache(path, KEY).files.expected(MEETING)).toBeDefined();
  });

  it('ignores a truncated, corrupt, foreign or special cache file, and records of the wrong shape', () => {
    const path = cachePath();
    const files: [DataFile, string][] = [[CHARTER, CHARTER_TEXT], [MEETING, TEXT]];
    saved(path, files);
    const whole = readFileSync(path);
    const [, , people, cops] = deserialize(whole) as CacheContent;
    const foreign: unknown[] = [whole.subarray(0, whole.length >> 1), Buffer.alloc(0), Buffer.from('not v8'), serialize([]), serialize(null), serialize([CACHE_FORMAT, KEY]), serialize([CACHE_FORMAT, KEY, people, [...cops]]), serialize(['other/1', KEY, people, cops])];
    for (const bad of foreign) {
      writeFileSync(path, bad as Buffer);
      expect(openCheckCache(path, KEY).files.expected(MEETING)).toBeUndefined();
      expect(lookUp(path, files).cop).toBeUndefined();
    }
    const record = cops.get('aws')!;
    for (const odd of [null, { ...record, listing: 7 }, { ...record, meetings: 'bytes' }, { ...record, findings: { inputs: INPUTS } }, { ...record, meetings: Buffer.from('not v8') }]) {
      writeFileSync(path, serialize([CACHE_FORMAT, KEY, people, new Map([['aws', odd]])]));
      expect(openCheckCache(path, KEY).files.expected(MEETING)).toBeUndefined();
    }
    writeFileSync(path, serialize([CACHE_FORMAT, KEY, people, new Map([['aws', { ...record, charter: { ...record.charter, opening: 7 } }]])]));
    expect(openCheckCache(path, KEY).files.expected(CHARTER)).toBeUndefined();
    expect(lookUp(path, files).cop).toBeUndefined();
    // A folder where the file should be, and no folder at all: an empty cache, no exception.
    const folder = cachePath();
    mkdirSync(folder, { recursive: true });
    expect(openCheckCache(folder, KEY).files.expected(MEETING)).toBeUndefined();
    expect(openCheckCache(join(folder, 'none', 'x.bin'), KEY).files.expected(MEETING)).toBeUndefined();
  });

  it('keeps every number YAML can hold (.inf, .nan, -0) exactly', () => {
    const path = cachePath();
    const cache = openCheckCache(path, KEY);
    const data = { a: Number.POSITIVE_INFINITY, b: Number.NaN, c: -0, d: [1, 'x', null, true] };
    cache.noteCop('aws', [MEETING], INPUTS);
    cache.files.remember({ ...MEETING, data, diagnostics: [], text: 'a: .inf\n', stamp: 's' });
    cache.keepFindings('aws', []);
    cache.save();
    const back = openCheckCache(path, KEY).files.reuse(MEETING, 's').data as typeof data;
    expect(back).toEqual(data);
    expect(Object.is(back.c, -0)).toBe(true);
  });

  it('does not keep a CoP with a file that was not read from the disk, or was refused', () => {
    const path = cachePath();
    const cache = openCheckCache(path, KEY);
    cache.noteCop('aws', [MEETING, OTHER], INPUTS);
    cache.files.remember({ ...MEETING, data: {}, diagnostics: [], text: 'from git' });
    cache.files.remember({ ...OTHER, diagnostics: [] });
    cache.keepFindings('aws', []);
    cache.save();
    expect(openCheckCache(path, KEY).files.expected(MEETING)).toBeUndefined();
    expect(openCheckCache(path, KEY).files.expected(OTHER)).toBeUndefined();
  });

  it('writes only when something changed, and drops CoPs no longer there', () => {
    const path = cachePath();
    const files: [DataFile, string][] = [[CHARTER, CHARTER_TEXT], [MEETING, TEXT]];
    saved(path, files);
    const before = statSync(path).mtimeMs;
    const unchanged = lookUp(path, files);
    expect(unchanged.cop).toBeDefined();
    unchanged.cache.save();
    expect(statSync(path).mtimeMs).toBe(before);
    const gone = openCheckCache(path, KEY);
    gone.save();
    expect([...(deserialize(readFileSync(path)) as CacheContent)[3].keys()]).toEqual([]);
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

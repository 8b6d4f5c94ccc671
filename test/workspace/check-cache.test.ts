/** The cache of `cop check --cache`: gives back only the same files, stamps, inputs and key; never trusts a bad file. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { sharedValidator } from '../../src/schema/validator.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { CACHE_FILE_NAME, CACHE_FORMAT, DEFAULT_CACHE_FOLDER, cacheFilePath, cacheKey, copFilesOf, copInputs, openCheckCache, sizeLines, stampLines, type CheckCache } from '../../src/workspace/check-cache.js';
import { readCacheFile } from '../helpers/cache-file.js';
import type { DataFile, ParsedFile } from '../../src/workspace/parse.js';
import { digestOf, textHash } from '../../src/workspace/texts.js';
import { parseRead } from '../../src/workspace/read-data.js';
import { stampsDigestOfLines } from '../../src/workspace/stamps.js';

/** What this process serialises with V8 (the cache's head, and its records when written anew). */
const serialized = vi.hoisted(() => ({ values: [] as unknown[] }));
vi.mock('node:v8', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:v8')>();
  const serialize = (value: unknown) => {
    serialized.values.push(value);
    return real.serialize(value);
  };
  return { ...real, serialize, default: { ...real, serialize } };
});

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
const parsed = (dataFile: DataFile, text: string, stamp = stampFor(text)): ParsedFile => parseRead(dataFile, { ok: true, text, stamp }, sharedValidator(), true);
const stampFor = (text: string) => `${text.length}:1:1:1:1`;
const gitHashObject = (text: string) => execFileSync('git', ['hash-object', '--stdin'], { input: text, encoding: 'utf8' }).trim();
const cachePath = () => join(mkdtempSync(join(tmpdir(), 'cop-cache-')), 'sub', CACHE_FILE_NAME);
type Files = [DataFile, string][];
const FILES: Files = [[CHARTER, CHARTER_TEXT], [MEETING, TEXT], [OTHER, BROKEN]];

/** A cache at `path` holding the CoP aws with `files`, read and checked, and saved. */
function saved(path: string, files: Files, key = KEY, inputs = INPUTS): void {
  const cache = openCheckCache(path, key);
  cache.noteCop('aws', copFilesOf(files.map(([dataFile]) => dataFile)), inputs);
  for (const [dataFile, text] of files) cache.remember(parsed(dataFile, text));
  cache.keepFindings('aws', FOUND);
  cache.save();
}

/** The cache at `path`, with the CoP aws noted with `files`. */
function noted(path: string, files: Files, { key = KEY, inputs = INPUTS } = {}) {
  const cache = openCheckCache(path, key);
  cache.noteCop('aws', copFilesOf(files.map(([dataFile]) => dataFile)), inputs);
  return cache;
}
/** The CoP aws, looked up by the tree id `tree` with its files' `stamps` (as text). */
const byTree = (cache: CheckCache, tree: string, stamps: string[]) => cache.unchangedByTree('aws', tree, stampsDigestOfLines(stampLines(stamps)), textHash(sizeLines(stamps)));
/** The CoP aws, looked up with its files' texts' stamps. */
const byStamps = (path: string, files: Files, options = {}) => noted(path, files, options).unchangedCop('aws', stampsDigestOfLines(stampLines(files.map(([, text]) => stampFor(text)))));

const UNCHANGED = () => {
  const { text: _text, stamp: _stamp, ...charter } = parsed(CHARTER, CHARTER_TEXT);
  return {
    charter: { ...charter, digest: { hash: textHash(CHARTER_TEXT), opening: '' } },
    meetingDiagnostics: [...parsed(MEETING, TEXT).diagnostics, ...parsed(OTHER, BROKEN).diagnostics],
    meetingDirectives: [],
    findings: FOUND,
  };
};

describe('the check cache', () => {
  it('gives a CoP whose files have the same stamps, checked with the same inputs, without its meetings', () => {
    const path = cachePath();
    saved(path, FILES);
    expect(byStamps(path, FILES)).toEqual(UNCHANGED());
    // Any other stamp, another file list, other inputs or another key: the CoP is read again.
    expect(byStamps(path, [[CHARTER, CHARTER_TEXT], [MEETING, `${TEXT}# more\n`], [OTHER, BROKEN]])).toBeUndefined();
    expect(byStamps(path, FILES.slice(0, 2))).toBeUndefined();
    expect(byStamps(path, [...FILES, [{ ...MEETING, file: 'cops/aws/meetings/2026-10-16.yaml' }, TEXT]])).toBeUndefined();
    expect(byStamps(path, FILES, { inputs: copInputs('2026-11-21', 'people-hash') })).toBeUndefined();
    expect(byStamps(path, FILES, { inputs: copInputs('2026-11-20', 'other people') })).toBeUndefined();
    expect(byStamps(path, FILES, { key: cacheKey('currency: GBP\n') })).toBeUndefined();
    expect(byStamps(path, FILES)).toBeDefined();
  });

  it('gives a CoP with new stamps whose files all hash as cached, and keeps it with the new stamps', () => {
    const path = cachePath();
    saved(path, FILES);
    const hashes = FILES.map(([, text]) => textHash(text));
    const cache = noted(path, FILES);
    expect(cache.comparesContents('aws')).toBe(true);
    const newStamps = FILES.map(([, text], i) => `${text.length}:new-${i + 1}`);
    expect(cache.unchangedByContent('aws', [...hashes.slice(0, 2), textHash('other')], newStamps)).toBeUndefined();
    const unchanged = cache.unchangedByContent('aws', hashes, newStamps);
    expect(unchanged).toEqual(UNCHANGED());
    cache.save();
    expect(noted(path, FILES).unchangedCop('aws', stampsDigestOfLines(stampLines(newStamps)))).toBeDefined();
    // Other files or other inputs: nothing to compare.
    expect(noted(path, FILES.slice(0, 2)).comparesContents('aws')).toBe(false);
    expect(noted(path, FILES, { inputs: copInputs('2026-11-21', 'people-hash') }).comparesContents('aws')).toBe(false);
  });

  it('gives a CoP cached at the tree id git holds it at now, with the sizes its files had: bytes git converted on checkout (line endings) do not pass for what git stored', () => {
    const path = cachePath();
    const cache = openCheckCache(path, KEY);
    cache.noteTrees(new Map([['aws', 'tree-1']]));
    cache.noteCop('aws', copFilesOf(FILES.map(([dataFile]) => dataFile)), INPUTS);
    for (const [dataFile, text] of FILES) cache.remember(parsed(dataFile, text));
    cache.keepFindings('aws', FOUND);
    cache.save();
    const clone = FILES.map(([, text], i) => `${text.length}:${i}:2:3:4`);
    const crlf = FILES.map(([, text], i) => `${text.replaceAll('\n', '\r\n').length}:${i}:2:3:4`);
    expect(byTree(noted(path, FILES), 'tree-2', clone)).toBeUndefined();
    expect(byTree(noted(path, FILES), 'tree-1', crlf)).toBeUndefined();
    expect(byTree(noted(path, FILES, { inputs: copInputs('2026-11-21', 'people-hash') }), 'tree-1', clone)).toBeUndefined();
    const found = noted(path, FILES);
    expect(byTree(found, 'tree-1', clone)).toEqual(UNCHANGED());
    found.save();
    // Kept with the new stamps; and a CoP cached when git could not tell has no tree id to match.
    expect(noted(path, FILES).unchangedCop('aws', stampsDigestOfLines(stampLines(clone)))).toBeDefined();
    expect(noted(path, FILES).unchangedCop('aws', stampsDigestOfLines(stampLines(FILES.map(([, text]) => stampFor(text)))))).toBeUndefined();
    const untold = cachePath();
    saved(untold, FILES);
    expect(byTree(noted(untold, FILES), 'tree-1', clone)).toBeUndefined();
  });

  it('after a fresh clone, where only stamps changed, writes the new stamps with the records\' bytes as read', () => {
    const path = cachePath();
    const PEOPLE: DataFile = { file: 'people.yaml', kind: 'people' };
    const peopleText = 'people:\n  - id: ada.lovelace\n    name: Ada Lovelace\n';
    const cache = openCheckCache(path, KEY);
    cache.noteTrees(new Map([['aws', 'tree-1']]));
    cache.noteCop('aws', copFilesOf(FILES.map(([dataFile]) => dataFile)), INPUTS);
    for (const [dataFile, text] of [...FILES, [PEOPLE, peopleText] as const]) cache.remember(parsed(dataFile, text));
    cache.keepFindings('aws', FOUND);
    cache.save();
    const before = readCacheFile(path);
    const clone = FILES.map(([, text], i) => `${text.length}:${i}:5:6:7`);
    const cloned = noted(path, FILES);
    cloned.noteTrees(new Map([['aws', 'tree-1']]));
    expect(cloned.people(PEOPLE, 'cloned', textHash(peopleText))).toBeDefined();
    expect(byTree(cloned, 'tree-1', clone)).toEqual(UNCHANGED());
    serialized.values.length = 0;
    cloned.save();
    // One serialisation, the head's: the records are the bytes read.
    expect(serialized.values).toHaveLength(1);
    const after = readCacheFile(path);
    expect(Buffer.compare(after.body, before.body)).toBe(0);
    expect(after.peopleStamp).toBe('cloned');
    expect(after.stamps.get('aws')).toBe(stampsDigestOfLines(stampLines(clone)));
    expect(noted(path, FILES).unchangedCop('aws', stampsDigestOfLines(stampLines(clone)))).toEqual(UNCHANGED());
    expect(openCheckCache(path, KEY).people(PEOPLE, 'cloned')).toBeDefined();
    // A CoP found unchanged by content whose tree git now names: its record changes, and the records are written anew.
    const retreed = noted(path, FILES);
    retreed.noteTrees(new Map([['aws', 'tree-2']]));
    const moved = FILES.map(([, text], i) => `${text.length}:${i}:8:9:10`);
    expect(retreed.unchangedByContent('aws', FILES.map(([, text]) => textHash(text)), moved)).toEqual(UNCHANGED());
    serialized.values.length = 0;
    retreed.save();
    expect(serialized.values).toHaveLength(2);
    expect(readCacheFile(path).cops.get('aws')!.tree).toMatch(/^tree-2 /);
    expect(byTree(noted(path, FILES), 'tree-2', moved)).toEqual(UNCHANGED());
  });

  it('hashes a text as git hashes a blob, so an id from the git index is a hash', () => {
    // `printf 'id: aws\nname: AWS\n' | git hash-object --stdin`, and a text with a character of two bytes
    expect(textHash(CHARTER_TEXT)).toBe(gitHashObject(CHARTER_TEXT));
    expect(textHash('name: Zoë\n')).toBe(gitHashObject('name: Zoë\n'));
  });

  it('gives people.yaml back while its stamp is the one cached', () => {
    const path = cachePath();
    const PEOPLE: DataFile = { file: 'people.yaml', kind: 'people' };
    const text = 'people:\n  - id: ada.lovelace\n    name: Ada Lovelace\n';
    const cache = openCheckCache(path, KEY);
    expect(cache.people(PEOPLE, stampFor(text))).toBeUndefined();
    cache.remember(parsed(PEOPLE, text));
    cache.save();
    const { text: _text, ...fresh } = parsed(PEOPLE, text);
    expect(openCheckCache(path, KEY).people(PEOPLE, stampFor(text))).toEqual({ ...fresh, digest: digestOf(text) });
    expect(openCheckCache(path, KEY).people(PEOPLE, 'another stamp')).toBeUndefined();
    expect(openCheckCache(path, KEY).people(PEOPLE, undefined)).toBeUndefined();
    // A new stamp (a fresh clone): given back when the text hashes as cached, and kept with the new stamp.
    expect(openCheckCache(path, KEY).people(PEOPLE, 'another stamp', textHash(`${text}# more\n`))).toBeUndefined();
    const cloned = openCheckCache(path, KEY);
    expect(cloned.people(PEOPLE, 'another stamp', textHash(text))).toEqual({ ...fresh, digest: digestOf(text), stamp: 'another stamp' });
    cloned.save();
    expect(openCheckCache(path, KEY).people(PEOPLE, 'another stamp')).toEqual({ ...fresh, digest: digestOf(text), stamp: 'another stamp' });
  });

  it('ignores a truncated, corrupt, foreign or special cache file, and records of the wrong shape', () => {
    const path = cachePath();
    saved(path, FILES);
    const whole = readFileSync(path);
    const { peopleStamp, stamps, people, cops } = readCacheFile(path);
    const record = cops.get('aws')!;
    // The head's length, the head, the records (check-cache.ts CacheHead).
    const framed = (head: Uint8Array, body: Uint8Array, length = head.length) => Buffer.concat([Buffer.from([length >>> 24, (length >>> 16) & 255, (length >>> 8) & 255, length & 255]), head, body]);
    const file = (body: Uint8Array, head: unknown[] = [CACHE_FORMAT, KEY, peopleStamp, stamps]) => framed(serialize(head), body);
    const records = serialize([people, cops]);
    // Made the way the tool makes it, the file is read.
    writeFileSync(path, file(records));
    expect(byStamps(path, FILES)).toBeDefined();
    const foreign: unknown[] = [
      whole.subarray(0, whole.length >> 1), Buffer.alloc(0), Buffer.from('not v8'), serialize([]), serialize(null), serialize([CACHE_FORMAT, KEY]),
      framed(serialize([CACHE_FORMAT, KEY, peopleStamp, stamps]), records, 0xffffffff), framed(serialize([CACHE_FORMAT, KEY, peopleStamp, stamps]), records, 3), framed(Buffer.from('not v8'), records),
      file(records, ['other/1', KEY, peopleStamp, stamps]), file(records, [CACHE_FORMAT, KEY, peopleStamp, [...stamps]]), file(records, [CACHE_FORMAT, KEY, 7, stamps]),
      file(records, [CACHE_FORMAT, KEY, peopleStamp, stamps, 'more']), file(Buffer.alloc(0)),
      // The layout before the head was apart and the records lost their stamps (cop-check-cache/7).
      serialize(['cop-check-cache/7', KEY, stamps, records]), file(records, [KEY, stamps]),
      file(Buffer.from('not v8')), file(serialize([people, [...cops]])), file(serialize([people])),
      ...[null, { ...record, files: 7 }, { ...record, contents: undefined }, { ...record, findings: { inputs: INPUTS } }, { ...record, charter: { ...record.charter, opening: 7 } }, { ...record, meetingDiagnostics: 'none' }]
        .map((odd) => file(serialize([people, new Map([['aws', odd]])]))),
    ];
    for (const bad of foreign) {
      writeFileSync(path, bad as Buffer);
      expect(byStamps(path, FILES)).toBeUndefined();
      expect(noted(path, FILES).comparesContents('aws')).toBe(false);
    }
    // A folder where the file should be, and no folder at all: an empty cache, no exception.
    const folder = cachePath();
    mkdirSync(folder, { recursive: true });
    expect(byStamps(folder, FILES)).toBeUndefined();
    expect(byStamps(join(folder, 'none', 'x.bin'), FILES)).toBeUndefined();
  });

  it('keeps every number YAML can hold (.inf, .nan, -0) exactly', () => {
    const path = cachePath();
    const cache = openCheckCache(path, KEY);
    const data = { a: Number.POSITIVE_INFINITY, b: Number.NaN, c: -0, d: [1, 'x', null, true] };
    cache.noteCop('aws', copFilesOf([CHARTER]), INPUTS);
    cache.remember({ ...CHARTER, data, diagnostics: [], text: 'a: .inf\n', stamp: 's' });
    cache.keepFindings('aws', []);
    cache.save();
    const back = openCheckCache(path, KEY);
    back.noteCop('aws', copFilesOf([CHARTER]), INPUTS);
    const charter = back.unchangedCop('aws', stampsDigestOfLines('s'))!.charter!.data as typeof data;
    expect(charter).toEqual(data);
    expect(Object.is(charter.c, -0)).toBe(true);
  });

  it('does not keep a CoP with a file that was not read from the disk, or was refused', () => {
    for (const odd of [{ ...MEETING, data: {}, diagnostics: [], text: 'from git' }, { ...MEETING, diagnostics: [] }]) {
      const path = cachePath();
      const cache = openCheckCache(path, KEY);
      cache.noteCop('aws', copFilesOf([CHARTER, MEETING]), INPUTS);
      cache.remember(parsed(CHARTER, CHARTER_TEXT));
      cache.remember(odd);
      cache.keepFindings('aws', []);
      cache.save();
      expect(noted(path, [[CHARTER, CHARTER_TEXT], [MEETING, TEXT]]).comparesContents('aws')).toBe(false);
    }
  });

  it('writes only when something changed, and drops CoPs no longer there', () => {
    const path = cachePath();
    saved(path, FILES);
    const before = statSync(path).mtimeMs;
    const unchanged = noted(path, FILES);
    expect(unchanged.unchangedCop('aws', stampsDigestOfLines(stampLines(FILES.map(([, text]) => stampFor(text)))))).toBeDefined();
    unchanged.save();
    expect(statSync(path).mtimeMs).toBe(before);
    openCheckCache(path, KEY).save();
    expect([...readCacheFile(path).cops.keys()]).toEqual([]);
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

/**
 * A CoP's files' stamps (read.ts stampOf: size, modification and change times, inode, device) as
 * one digest, which a warm `cop check --cache` compares with the cache's for each folder. Written
 * as text, each of 60,000 stamps costs two number-to-text conversions and a string (about 40 ms
 * of a warm run at 60k); looked at as numbers (discover.ts snapshotCop), it costs nothing. So the
 * digest is of the numbers, as bytes; stamps given as text (the reads, the cache's records) are
 * parsed back to the same numbers, and digest alike.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { textHash } from './texts.js';

/** A stamp's numbers, in stampOf's order. */
const FIELDS = 5;

/** Appends the file's stamp, as numbers, to `numbers`. */
export function pushStamp(numbers: number[], info: Stats): void {
  numbers.push(info.size, info.mtimeMs, info.ctimeMs, info.ino, info.dev);
}

/** The digest of stamps given as numbers (FIELDS a file). */
export function stampsDigest(numbers: Float64Array): string {
  return `n${createHash('sha1').update(numbers).digest('hex')}`;
}

/**
 * The digest of stamps given as text, one per line (check-cache.ts stampLines): the same as of
 * their numbers. Lines that are not stamps as stampOf writes them (a file with none, `-`) are
 * digested as text: such a digest never equals one of numbers.
 */
export function stampsDigestOfLines(lines: string): string {
  if (lines === '') return stampsDigest(new Float64Array());
  const fields = lines.split(/[:\n]/);
  const numbers = new Float64Array(fields.length);
  const exact = lines.split('\n').every((line) => line.split(':').length === FIELDS) && fields.every((field, i) => String((numbers[i] = Number(field))) === field);
  return exact ? stampsDigest(numbers) : `t${textHash(lines)}`;
}

/** The files' sizes (each stamp's first number), one per line: what check-cache.ts sizeLines gives of the same stamps as text. */
export function sizeLinesOf(numbers: Float64Array): string {
  const sizes: number[] = [];
  for (let at = 0; at < numbers.length; at += FIELDS) sizes.push(numbers[at]!);
  return sizes.join('\n');
}

/** The digest (textHash) of the files' sizes, one per line (sizeLinesOf): what a CoP's identity by git's tree id holds besides the id (check-cache.ts). */
export const sizesDigest = (numbers: Float64Array): string => textHash(sizeLinesOf(numbers));

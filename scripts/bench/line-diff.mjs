#!/usr/bin/env node
// `npm run bench` (last table): src/core/line-diff.ts (jsdiff's diffArrays) against the hand-written
// longest-common-subsequence diff it replaced, kept here as the reference. Same inputs, same
// process, interleaved rounds; each figure is the median time of one call. Target: the jsdiff
// version is at least as fast (ratio ≤ 1.0) on every case, a few lines changed to all of them.
// Usage: node scripts/bench/line-diff.mjs [--rounds N]   (needs `npm run build`: it imports dist/)
import { lineDiff } from '../../dist/core/line-diff.js';

/** The replaced implementation: O(n·m) time and memory. */
function lcsLineDiff(oldLines, newLines) {
  const n = oldLines.length;
  const m = newLines.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = oldLines[i] === newLines[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const changes = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && oldLines[i] === newLines[j]) {
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      changes.push({ sign: '-', text: oldLines[i], oldIndex: i });
      i++;
    } else {
      changes.push({ sign: '+', text: newLines[j], oldIndex: i });
      j++;
    }
  }
  return changes;
}

const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 15;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('usage: node scripts/bench/line-diff.mjs [--rounds N]');
  process.exit(2);
}

/** A CODEOWNERS block for `cops` CoPs (two lines each), and a copy with `edits` lines changed. */
function codeowners(cops, edits) {
  const lines = Array.from({ length: cops }, (_, k) => [`/cops/cop-${k}/charter.yaml @sponsor-${k % 97}`, `/cops/cop-${k}/meetings/ @coord-${k % 89} @sponsor-${k % 97}`]).flat();
  const changed = [...lines];
  for (let e = 0; e < edits; e++) changed[Math.floor(((e + 0.5) * lines.length) / edits)] = `/cops/new-${e}/charter.yaml @someone-${e}`;
  return [lines, changed];
}

const CASES = [
  { name: '50 CoPs, 2 lines changed', input: codeowners(50, 2) },
  { name: '500 CoPs, 5 lines changed', input: codeowners(500, 5) },
  { name: '2,000 CoPs, 20 lines changed', input: codeowners(2000, 20) },
  { name: '500 CoPs, 80 lines changed', input: codeowners(500, 80) },
  // Past MAX_EDITS (1,000) added and removed lines, the middle is reported as replaced: more lines than the smallest diff.
  { name: '2,000 CoPs, 600 lines changed', input: codeowners(2000, 600), overLimit: true },
  // A longer path re-aligns every line of the block: nothing is common.
  { name: '1,000 lines, all re-aligned', input: [codeowners(500, 0)[0], codeowners(500, 0)[0].map((l) => l.replace(' @', '  @'))] },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, [a, b]) => {
  const t0 = performance.now();
  fn(a, b);
  return performance.now() - t0;
};
const fmt = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);

const rows = [['case', 'jsdiff', 'LCS (replaced)', 'ratio', 'lines reported (jsdiff / LCS)', 'verdict']];
let failed = 0;
for (const c of CASES) {
  const ours = [];
  const theirs = [];
  lineDiff(...c.input); // warm-up
  lcsLineDiff(...c.input);
  for (let r = 0; r < ROUNDS; r++) {
    ours.push(time(lineDiff, c.input));
    theirs.push(time(lcsLineDiff, c.input));
  }
  const ratio = median(ours) / median(theirs);
  // Within MAX_EDITS both find a smallest diff: the same number of changed lines (which of two equal lines moves may differ).
  const counts = [lineDiff(...c.input).length, lcsLineDiff(...c.input).length];
  const pass = (c.overLimit || counts[0] === counts[1]) && ratio <= 1;
  if (!pass) failed++;
  rows.push([c.name, fmt(median(ours)), fmt(median(theirs)), ratio.toFixed(3), `${counts[0]} / ${counts[1]}`, pass ? 'PASS' : 'FAIL']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
rows.forEach((r, n) => {
  console.log(r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
  if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
});
console.log(`(median of ${ROUNDS} interleaved calls each; target: jsdiff / LCS ≤ 1.0)`);
console.log(failed ? `line diff: FAIL (${failed})` : 'line diff: all targets PASS');

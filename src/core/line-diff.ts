/** A line-by-line difference of two texts (longest common subsequence), for "which lines differ" messages. */

export interface LineChange {
  /** `-` a line only the old text has, `+` a line only the new text has. */
  sign: '-' | '+';
  text: string;
  /** 0-based index of the line in the old text (`-`), or of the old line it would precede (`+`). */
  oldIndex: number;
}

export function lineDiff(oldLines: readonly string[], newLines: readonly string[]): LineChange[] {
  const n = oldLines.length;
  const m = newLines.length;
  // lcs[i][j]: length of the common subsequence of oldLines[i..] and newLines[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = oldLines[i] === newLines[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && oldLines[i] === newLines[j]) {
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      changes.push({ sign: '-', text: oldLines[i]!, oldIndex: i });
      i++;
    } else {
      changes.push({ sign: '+', text: newLines[j]!, oldIndex: i });
      j++;
    }
  }
  return changes;
}

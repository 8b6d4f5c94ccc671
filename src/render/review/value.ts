/** The value-creation matrix as a Markdown table: one row per cycle, what `cop` counts beside the stories told; a gap says so. */
import { cellBreak, emphasis, table, type Inline } from '../../output/markdown.js';
import type { ValueCycleEntry } from '../../review/value.js';

export function valueMatrixTable(matrix: readonly ValueCycleEntry[]) {
  return table(
    [{ header: 'Cycle of value' }, { header: 'What the data shows' }, { header: 'Stories' }],
    matrix.map((row) => [
      row.gap ? [row.cycle, ' ', emphasis('(gap)')] : row.cycle,
      row.indicators.map((i) => `${i.value} ${i.label}`).join('; ') || 'nothing counted',
      row.stories.length ? row.stories.flatMap(storyText) : 'none recorded',
    ]),
  );
}

/** "text" (teller, goal), each story on its own line in the cell. */
function storyText(story: ValueCycleEntry['stories'][number], i: number): Inline[] {
  const about = [story.teller, story.goal === undefined ? undefined : `goal ${story.goal}`].filter(Boolean).join(', ');
  return [...(i > 0 ? [cellBreak] : []), `“${story.text}”${about ? ` (${about})` : ''}`];
}

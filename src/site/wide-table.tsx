/** A wide table's box on a page: where a table wider than the screen scrolls instead of the page. */
import type { ComponentChildren } from 'preact';

/**
 * The table scrolls sideways in its own box, never the page; on a phone it keeps readable columns
 * (a minimum width), so there it always scrolls, and a cue above says so. The box is a labelled
 * region in the tab order, so a keyboard can scroll it too; shadows at its edges (stylesheet) show
 * where there is more. Labels must differ within a page (axe: landmark-unique). A table of no
 * `rows` is not drawn: `empty` says why instead of a header over nothing.
 */
export function WideTable(props: { label: string; rows?: number; empty?: ComponentChildren; children: ComponentChildren }) {
  if (props.rows === 0) return <p class="empty">{props.empty}</p>;
  return (
    <>
      <p class="scroll-cue" aria-hidden="true">
        Scroll the table sideways for more →
      </p>
      <div class="table-wrap wide" role="region" aria-label={props.label} tabindex={0}>
        {props.children}
      </div>
    </>
  );
}

/** A table's box on a page: where a table wider than the screen scrolls instead of the page. */
import type { ComponentChildren } from 'preact';

/**
 * The table scrolls sideways in its own box, never the page. The box is a labelled region in the
 * tab order, so a keyboard can scroll it too, and shadows at its edges (stylesheet) show there is
 * more. A `wide` table keeps readable columns on a phone, where it always scrolls, and says so.
 */
export function TableScroll(props: { label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <>
      {props.wide ? (
        <p class="scroll-cue" aria-hidden="true">
          Scroll the table sideways for more →
        </p>
      ) : null}
      <div class={props.wide ? 'table-wrap wide' : 'table-wrap'} role="region" aria-label={props.label} tabindex={0}>
        {props.children}
      </div>
    </>
  );
}

/**
 * Markup as a tagged template: static HTML with holes, which preact-render-to-string renders like
 * JSX (it is preact's precompiled-JSX form, jsxTemplate). A hole holds text, escaped exactly as JSX
 * escapes it (jsxEscape), a number, a VNode or a list of VNodes, or nothing. An attribute's hole
 * must not be empty: JSX would write the attribute bare (`<a href>`), a template `href=""`.
 *
 * For the site's largest table only: at 500 CoPs the meetings tables hold 60,000 rows, about
 * fifteen VNodes each as JSX; a template row is one to four, and renders two to three times faster.
 */
import type { VNode } from 'preact';
import { jsxEscape, jsxTemplate } from 'preact/jsx-runtime';

export type Hole = string | number | VNode | VNode[] | null | undefined | false;

const fill = (hole: Hole) => (typeof hole === 'string' || typeof hole === 'number' ? jsxEscape(hole) : hole === false || hole === undefined ? null : hole);

export function markup(statics: TemplateStringsArray, ...holes: Hole[]): VNode {
  // jsxTemplate only reads the statics by index; the template's own array is reused per call site.
  return jsxTemplate(statics as unknown as string[], ...holes.map(fill));
}

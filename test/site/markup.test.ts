import fc from 'fast-check';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { markup } from '../../src/site/markup.js';

describe('markup templates render as JSX does', () => {
  // Text with everything an escaper must handle, and characters it must leave alone.
  const unit = fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '/', '–', 'é', '\u00a0', '=', '`', '\n');
  const text = fc.string({ unit });
  // JSX writes an empty attribute bare (`<a href>`): a template's attribute holes are never empty.
  const attribute = fc.string({ unit, minLength: 1 });

  it('escapes text and attribute holes exactly like JSX children and attributes', () => {
    fc.assert(
      fc.property(text, attribute, fc.integer(), (t, href, n) => {
        const template = renderToString(markup`<p class="x">${t}<a href="${href}">${n}</a></p>`);
        const jsx = renderToString(h('p', { class: 'x' }, t, h('a', { href }, n)));
        expect(template).toBe(jsx);
      }),
      { numRuns: 500 },
    );
  });

  it('renders nested templates and lists, and nothing for null, undefined and false', () => {
    const items = ['<b>', 'a & b'].map((t) => markup`<li>${t}</li>`);
    expect(renderToString(markup`<ul>${items}</ul>${null}${undefined}${false}<br/>`)).toBe('<ul><li>&lt;b></li><li>a &amp; b</li></ul><br/>');
  });
});

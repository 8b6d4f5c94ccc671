import fc from 'fast-check';
import type { Heading, ListItem, Root, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { cellBreak, code, codeSpans, dataText, heading, lines, link, list, markdown, paragraph, strong, table, text, urlOrText } from '../../src/output/markdown.js';
import { forgeries, MENTION, nodes, outline, parseMarkdown, textOf } from '../helpers/markdown.js';

/** A heading, a list item and a table cell holding `s`, parsed back. */
function roundTrip(s: string): Root {
  return parseMarkdown(markdown([heading(2, s), list([[s]]), table([{ header: 'Name' }, { header: 'N', align: 'right' }], [[s, '1']])]));
}

const only = <T extends Root['children'][number]['type']>(tree: Root, type: T) => tree.children.filter((c) => c.type === type);

const HOSTILE = [
  'A11y\n\n<!--',
  'Mobile\r\r# Forged heading\r> [!CAUTION]\r> wire funds',
  '![](https://tracker.example/pixel.png)',
  '@acme/everyone and @alice',
  'mail me: eve@evil.example or see www.evil.example or https://evil.example/x',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '| forged | cell |',
  '*bold* _em_ ~~gone~~ `code` [link](https://evil.example) [ref]',
  '# not a heading',
  '- not an item',
  '1. not an item',
  '> not a quote',
  'trailing \\',
  'name\r',
  '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u0085\u2028\u2029\u000b\u000c\u009b',
];

describe('the Markdown layer', () => {
  it('keeps the look of a table: pipes around padded cells, a --- rule, pipes in cells escaped', () => {
    expect(markdown([table([{ header: 'a' }, { header: 'n', align: 'right' }], [['x|y', '1'], ['', '2']])])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n|  | 2 |\n');
    expect(markdown([heading(2, 'Title'), list([['one'], [strong('two'), ' words']]), paragraph('See ', code('cop report'), '.')])).toBe(
      '## Title\n\n- one\n- **two** words\n\nSee `cop report`.\n',
    );
  });

  it.each(HOSTILE)('keeps %j to one heading, one list item and one table row, as text', (s) => {
    const tree = roundTrip(s);
    expect(outline(tree)).toEqual(['h2', 'item', 'table', 'row:2', 'row:2']);
    expect(forgeries(tree)).toEqual([]);
    expect(nodes(tree).filter(({ node }) => node.type === 'text').map(({ node }) => textOf(node)).join(' ')).not.toMatch(MENTION);
  });

  it('neutralises mentions and autolinks with a zero-width space the reader does not see', () => {
    expect(dataText('@acme/everyone')).toBe('@\u200bacme/everyone');
    expect(dataText('https://evil.example')).toBe('https:\u200b//evil.example');
    expect(dataText('WWW.evil.example')).toBe('WWW\u200b.evil.example');
    expect(dataText('eve@evil.example')).toBe('eve@\u200bevil.example');
    expect(dataText('fixes #123, gh-7 and acme/infra#9; not #tag or GHI-1')).toBe('fixes #\u200b123, gh-\u200b7 and acme/infra#\u200b9; not #tag or GHI-1');
    const tree = parseMarkdown(markdown([paragraph('Ask @acme/everyone at eve@evil.example, https://evil.example or www.evil.example')]));
    expect(nodes(tree).map(({ node }) => node.type)).toEqual(['root', 'paragraph', 'text']);
  });

  it('makes line breaks spaces and control characters visible', () => {
    expect(dataText('a\r\nb\rc\nd\u2028e\u2029f\u0085g\u000bh\u000ci\tj')).toBe('a b c d e f g h i j');
    expect(dataText('\u001b[31m\u0007\u007f\u009b')).toBe('\u241b[31m\u2407\u2421\ufffd');
  });

  it('keeps the links and the <br> the tool makes, and makes a link of a web address only', () => {
    const tree = parseMarkdown(markdown([paragraph(link('https://github.com/octocat', '@octocat'), ' ', urlOrText('https://rec.example/1'), ' ', urlOrText('javascript:alert(1)')), table([{ header: 'a' }], [[['x', cellBreak, 'y']]])]));
    const links = nodes(tree).flatMap(({ node }) => (node.type === 'link' ? [`${textOf(node)} -> ${node.url}`] : []));
    expect(links).toEqual(['@octocat -> https://github.com/octocat', 'https://rec.example/1 -> https://rec.example/1']);
    expect(nodes(tree).filter(({ node }) => node.type === 'html').map(({ node }) => textOf(node))).toEqual(['<br>']);
    expect(forgeries(tree, (url) => url.startsWith('https://'))).toEqual([]);
  });

  it('writes any string in a heading, a list item and a table cell so that it parses back to exactly that text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...HOSTILE, '<!--', '-->', '\r', '\n', '|', '\\', '`', '```', '#', '- ', '1. ', '> ', '[!CAUTION]', '&amp;', '&#64;', '*', '_', '~', '<br>', ' ', '@a', 'www.', '://', '#1', 'GH-2'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')), (s) => {
        const tree = roundTrip(s);
        const [h] = only(tree, 'heading') as Heading[];
        const [items] = only(tree, 'list').map((l) => (l as { children: ListItem[] }).children);
        const [t] = only(tree, 'table') as Table[];
        expect(outline(tree)).toEqual(['h2', 'item', 'table', 'row:2', 'row:2']);
        expect(forgeries(tree)).toEqual([]);
        const normalised = dataText(s);
        expect(textOf(h!)).toBe(normalised);
        expect(textOf(items![0]!)).toBe(normalised);
        // A cell's outer spaces are GFM padding, which a reader never sees.
        expect(textOf(t!.children[1]!.children[0]!)).toBe(normalised.replace(/^ +| +$/g, ''));
        expect(t!.children[1]!.children[1]!.children).toEqual([expect.objectContaining({ type: 'text', value: '1' })]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it("makes code of a sentence's backticked parts, and only text and code whatever the data holds", () => {
    expect(codeSpans('enters as `proposed`, not `active`.')).toEqual([text('enters as '), code('proposed'), text(', not '), code('active'), text('.')]);
    expect(codeSpans('a `b` c `<img src=x>\n@team')).toEqual([text('a '), code('b'), text(' c `<img src=x>\n@team')]);
    const tree = parseMarkdown(markdown([paragraph(...codeSpans('x `y` <!-- `z'))]));
    expect(nodes(tree).map(({ node }) => node.type)).toEqual(['root', 'paragraph', 'text', 'inlineCode', 'text']);
  });

  it('breaks the lines of a paragraph only where the tool does, and no line of data starts a block', () => {
    const tree = parseMarkdown(markdown([lines(['Handovers: ', 'ann'], ['# Forged'], ['- item', ' and ', '<!-- comment'], ['1. one'])]));
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
    expect(textOf(tree)).toBe('Handovers: ann\n# Forged\n- item and <!-- comment\n1. one');
  });

  it('keeps text a text node: a string is never parsed as Markdown', () => {
    expect(text('**x**')).toEqual({ type: 'text', value: '**x**' });
    expect(markdown([paragraph('**x** <b>')])).toBe('\\*\\*x\\*\\* \\<b>\n');
  });
});

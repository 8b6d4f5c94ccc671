import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../../src/diff/diff.js';
import { diffMarkdown } from '../../../src/render/diff/markdown.js';
import { diffReport } from '../../../src/render/diff/words.js';
import { charter, people, person, workspace } from '../../helpers/workspace.js';
import { forgeries, nodes, outline, parseMarkdown, textOf } from '../../helpers/markdown.js';

/** A pull request that proposes a CoP named `name`, adds a person named `who`, and raises aws's budget ×100 with a new sponsor. */
function summary(name: string, who: string): string {
  const before = workspace({ people: people(7), cops: { aws: { charter: charter('aws') } } });
  const after = workspace({
    people: [...people(7), person('p8', { name: who })],
    cops: {
      aws: { charter: charter('aws', { sponsor: 'p3', budget: { ...charter('aws').budget, hours_per_month: 200 } }) },
      a11y: { charter: charter('a11y', { name, status: 'proposed', activated: undefined }) },
    },
  });
  return diffMarkdown(diffReport({ ref: 'main', commit: 'a'.repeat(40) }, { ref: null, commit: null }, diffWorkspaces(before, after)));
}

describe('cop diff --format markdown', () => {
  it('keeps a hostile CoP or person name to its own list item: the ×100 budget raise after it stays visible (issue 22, row 1)', () => {
    const plain = parseMarkdown(summary('A11y', 'Pat Doe'));
    const text = summary('A11y\n\n<!--', '@acme/everyone ![](https://tracker.example/p.png) <img src=x>\r# 1 change, no lifecycle problems.');
    const tree = parseMarkdown(text);
    expect(outline(tree)).toEqual(outline(plain));
    expect(forgeries(tree)).toEqual([]);
    const items = nodes(tree).flatMap(({ node }) => (node.type === 'listItem' ? [textOf(node)] : []));
    expect(items).toContain('budget hours per month 2 → 200 (+198) with no dated entry, so every month of the year counts at the new figure, past ones too; to keep past months at 2, leave the figure as it was and add budget.changes: [{ from: YYYY-MM-01, hours_per_month: 200 }]');
    expect(items).toContain('sponsor p1 → p3');
    expect(items).toContain('new CoP proposed: A11y  <!--, sponsor p1, 5 members');
    expect(items.find((item) => item.startsWith('added p8'))).toBe('added p8 (@\u200bacme/everyone ![](https:\u200b//tracker.example/p.png) <img src=x> # 1 change, no lifecycle problems.)');
    expect(textOf(tree.children.at(-1)!)).toBe('4 changes, no lifecycle problems.');
  });

  it('prints ordinary names as plain Markdown: a heading per CoP, a list item per change, only the bracket escaped', () => {
    expect(summary('A11y', 'Pat Doe')).toBe(
      [
        '## What this change asks you to approve',
        '',
        'Compared `main (aaaaaaa)` with the working tree.',
        '',
        '### a11y',
        '',
        '- new CoP proposed: A11y, sponsor p1, 5 members',
        '',
        '### aws',
        '',
        '- budget hours per month 2 → 200 (+198) with no dated entry, so every month of the year counts at the new figure, past ones too; to keep past months at 2, leave the figure as it was and add budget.changes: \\[{ from: YYYY-MM-01, hours_per_month: 200 }]',
        '- sponsor p1 → p3',
        '',
        '### people',
        '',
        '- added p8 (Pat Doe)',
        '',
        '4 changes, no lifecycle problems.',
        '',
      ].join('\n'),
    );
  });

  it("writes a lifecycle finding's backticked words as code", () => {
    const before = workspace({ people: people(7), cops: {} });
    const after = workspace({ people: people(7), cops: { web: { charter: charter('web') } } });
    const text = diffMarkdown(diffReport({ ref: 'main', commit: 'a'.repeat(40) }, { ref: null, commit: null }, diffWorkspaces(before, after)));
    expect(text).toContain('- :x: **web** (`cops/web/charter.yaml`): A new CoP enters as `proposed`, not `active`: propose it first;');
    const codes = nodes(parseMarkdown(text)).flatMap(({ node }) => (node.type === 'inlineCode' ? [node.value] : []));
    expect(codes).toEqual(['main (aaaaaaa)', 'cops/web/charter.yaml', 'proposed', 'active']);
  });
});

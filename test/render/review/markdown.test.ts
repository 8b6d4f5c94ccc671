import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/model/schema-types.js';
import { orgReviewMarkdown } from '../../../src/render/review/org-markdown.js';
import { reviewMarkdown } from '../../../src/render/review/markdown.js';
import { reviewCop, reviewPeriod } from '../../../src/review/compute.js';
import { reviewOrganisation } from '../../../src/review/org.js';
import { charter, meeting, people, workspace } from '../../helpers/workspace.js';
import { forgeries, nodes, outline, parseMarkdown, textOf } from '../../helpers/markdown.js';

const HOSTILE_ORG = 'Acme <img src=https://tracker.example/p.png> @acme/everyone';
const HOSTILE_COP = 'Mobile\n\n<!--';

/** Two CoPs, mobile flagged by three months of low attendance, with `names` for the organisation, mobile and a meeting's title and topic. */
function org(names: { organisation: string; cop: string; title: string }) {
  const low = (date: string) => meeting(date, { attendees: ['p1', 'p2'], title: names.title, topics: [names.title] });
  const mobile: Charter = charter('mobile', { name: names.cop, created: '2026-01-05', activated: '2026-01-12' });
  return workspace({
    config: { organisation: names.organisation, budgets: [{ year: 2026, hours: 100, money: 500 }] },
    people: people(6),
    cops: {
      mobile: { charter: mobile, meetings: [meeting('2026-07-15'), low('2026-08-12'), low('2026-09-09'), low('2026-10-14')] },
      web: { charter: charter('web', { created: '2026-02-01', activated: '2026-02-10' }), meetings: [meeting('2026-10-14')] },
    },
  });
}

const plainNames = { organisation: 'Acme', cop: 'Mobile', title: 'Lean coffee' };
const hostileNames = { organisation: HOSTILE_ORG, cop: HOSTILE_COP, title: '@acme/everyone\r# Approved\r![](https://tracker.example/p.png)' };

describe('cop review --org (the monthly and yearly summaries)', () => {
  const draft = (names: typeof plainNames) => parseMarkdown(orgReviewMarkdown(reviewOrganisation(org(names), '2026', '2026-11-20', false)));

  it('keeps a hostile organisation or CoP name to its heading or cell: every CoP section after it stays (issue 22, row 4)', () => {
    const plain = draft(plainNames);
    const tree = draft(hostileNames);
    expect(outline(tree)).toEqual(outline(plain));
    expect(forgeries(tree)).toEqual([]);
    expect(textOf(tree.children[0]!)).toBe('Acme <img src=https:\u200b//tracker.example/p.png> @\u200bacme/everyone: communities of practice in 2026');
    const headings = nodes(tree).flatMap(({ node }) => (node.type === 'heading' && node.depth === 3 ? [textOf(node)] : []));
    expect(headings).toEqual(['Mobile  <!-- (mobile), active', 'WEB (web), active']);
    expect(headings).toHaveLength(nodes(plain).filter(({ node }) => node.type === 'heading' && node.depth === 3).length);
  });
});

describe('cop review <id>', () => {
  const draft = (names: typeof plainNames) => {
    const ws = org(names);
    return parseMarkdown(reviewMarkdown(reviewCop(ws, 'mobile', { period: reviewPeriod({ quarter: '2026Q3' }, '2026-11-20'), anonymise: false }), 'GBP', 5));
  };

  it('keeps a hostile CoP name, meeting title or topic to its heading, cell or item: the health section stays (issue 22, row 4)', () => {
    const plain = draft(plainNames);
    const tree = draft(hostileNames);
    expect(outline(tree)).toEqual(outline(plain));
    // The only links: the recordings the logs give (the helper's meetings have one each).
    expect(forgeries(tree, (url) => url.startsWith('https://video.example.com/'))).toEqual([]);
    expect(textOf(tree.children[0]!)).toBe('Review of Mobile  <!-- (mobile): 2026-07 to 2026-09');
    const h2 = nodes(tree).flatMap(({ node }) => (node.type === 'heading' && node.depth === 2 ? [textOf(node)] : []));
    expect(h2).toContain('Health');
    const titles = nodes(tree).flatMap(({ node }) => (node.type === 'tableRow' && textOf(node.children[0]!) === '2026-08-12' ? [textOf(node.children[1]!)] : []));
    expect(titles).toEqual(['@\u200bacme/everyone # Approved ![](https:\u200b//tracker.example/p.png)']);
  });

  it('links a recording the log gives as a web address, and only that', () => {
    const ws = workspace({
      people: people(6),
      cops: { aws: { charter: charter('aws'), meetings: [meeting('2026-08-12', { recording: 'https://rec.example/1' }), meeting('2026-09-09', { recording: 'the shared drive, www.evil.example' })] } },
    });
    const tree = parseMarkdown(reviewMarkdown(reviewCop(ws, 'aws', { period: reviewPeriod({ quarter: '2026Q3' }, '2026-11-20'), anonymise: false }), 'GBP', 5));
    expect(nodes(tree).flatMap(({ node }) => (node.type === 'link' ? [node.url] : []))).toEqual(['https://rec.example/1']);
  });
});

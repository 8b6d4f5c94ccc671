/**
 * The site view (src/view/site.ts): what the site's pages and the JSON API are made of. Chart
 * months, participants per month, the continuous allowance, the meeting log with cancellations,
 * the budget pace taken from `cop report --year`, and anonymisation. The pages built from it are
 * parsed back with parse5.
 */
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/budget/compute.js';
import { resolvePeriod } from '../../src/budget/period.js';
import { renderSite } from '../../src/site/render.js';
import { buildSite } from '../../src/site/site.js';
import { siteView } from '../../src/view/site.js';
import { chartTable, htmlText } from '../helpers/html.js';
import { charter, meeting, output, people, person, workspace } from '../helpers/workspace.js';

const AS_OF = '2026-11-20';

const pageText = (html: string) => htmlText(html).replace(/\s+/g, ' ');

/** alpha meets monthly with a licence of 10 a month, skips September, cancels October; gamma has no log. */
function org() {
  return workspace({
    people: [...people(5), person('p6', { name: 'Sixth Person', github: 'sixth-gh' })],
    config: { currency: 'GBP', budgets: [{ year: 2026, hours: 240, money: 1200 }] },
    cops: {
      alpha: {
        charter: charter('alpha', {
          budget: { hours_per_month: 2, refreshments_per_head: 6, other_costs: [{ category: 'licence', amount: 10, per: 'month' }] },
          format: {
            formats: ['round-table'],
            cadence: 'monthly',
            duration_minutes: 60,
            slot: 'lunch',
            schedule: { frequency: 'monthly', week: 'second', weekday: 'wednesday', time: '12:30', time_zone: 'Europe/London' },
          },
        }),
        meetings: [
          meeting('2026-07-08', { costs: [{ category: 'refreshments', amount: 30 }] }),
          meeting('2026-08-12', { attendees: ['p1', 'p2', 'p3'], guests: [{ name: 'Jo', organisation: 'Acme' }] }),
          meeting('2026-08-26', { attendees: ['p1', 'p2'] }),
          meeting('2026-10-14', { cancelled: true, reason: 'Venue flooded, ask p6', attendees: [] }),
          meeting('2026-11-11', { title: 'Talk with p6 about it' }),
        ],
      },
      gamma: { charter: charter('gamma', { members: ['p1', 'p2', 'p3', 'p4', 'p6'] }) },
    },
  });
}

describe('the site view', () => {
  const view = siteView(org(), { asOf: AS_OF });
  const alpha = view.cops.find((c) => c.id === 'alpha')!;

  it('has the 12 chart months ending with the as-of month, for the organisation and every CoP', () => {
    expect(view.months).toHaveLength(12);
    expect(view.months[0]).toBe('2025-12');
    expect(view.months.at(-1)).toBe('2026-11');
    for (const cop of view.cops) expect(cop.months.map((m) => m.month)).toEqual(view.months);
  });

  it('counts participants per month: the most at one held meeting and all of them, 0 without a meeting', () => {
    const month = (m: string) => alpha.months.find((x) => x.month === m)!;
    expect(month('2026-08')).toMatchObject({ meetings: 2, mostParticipants: 4, participants: 6 });
    expect(month('2026-09')).toMatchObject({ meetings: 0, cancelled: 0, mostParticipants: 0, participants: 0 });
    // A cancelled meeting has no participants to count.
    expect(month('2026-10')).toMatchObject({ meetings: 0, cancelled: 1, mostParticipants: 0, participants: 0 });
    expect(month('2026-07')).toMatchObject({ mostParticipants: 5, participants: 5 });
  });

  it('keeps the allowance line through active months without a meeting (the monthly costs), and breaks it before activation', () => {
    const month = (m: string) => alpha.months.find((x) => x.month === m)!;
    expect(month('2026-07').moneyAllowance).toBe(6 * 5 + 10);
    expect(month('2026-09').moneyAllowance).toBe(10);
    expect(month('2025-12').moneyAllowance).toBeNull();
    expect(month('2026-09').hoursBudget).toBe(2);
  });

  it('lists every meeting logged, newest first, a cancelled one with its reason', () => {
    expect(alpha.log.map((m) => m.date)).toEqual(['2026-11-11', '2026-10-14', '2026-08-26', '2026-08-12', '2026-07-08']);
    expect(alpha.log[1]).toMatchObject({ cancelled: true, cancelReason: 'Venue flooded, ask p6' });
  });

  it('takes the budget pace from cop report --year for the same as-of date', () => {
    const report = computeReport(org(), { period: resolvePeriod({ year: true }, AS_OF) }).organisation;
    expect(view.budget).toMatchObject({
      year: report.year,
      monthsElapsed: 10,
      proRata: report.proRata,
      forecast: report.forecast,
      remaining: report.remaining,
      runsOut: report.runsOut,
      from: '2026-01',
      to: '2026-10',
    });
    expect(view.budget.months.map((m) => m.month)).toHaveLength(10);
    expect(view.budget.cops.map((c) => c.id)).toEqual(['alpha', 'gamma']);
  });

  it("gives each month its share of the yearly budget in force that month, so a mid-year change moves the budget page's line", () => {
    const ws = org();
    ws.config.budgets = [{ year: 2026, hours: 240, money: 1200, changes: [{ from: '2026-07-01', hours: 480 }] }];
    const budget = siteView(ws, { asOf: AS_OF }).budget;
    expect(budget.months.map((m) => m.share)).toEqual([
      ...Array.from({ length: 6 }, () => ({ hours: 20, money: 100 })),
      ...Array.from({ length: 4 }, () => ({ hours: 40, money: 100 })),
    ]);
    // The shares add up to the report's pro rata.
    expect(budget.months.reduce((sum, m) => sum + m.share!.hours, 0)).toBeCloseTo(budget.proRata.hours.budget!, 9);
    const page = renderSite(buildSite(ws, { asOf: AS_OF })).get('budget.html')!;
    const reference = chartTable(page, 'org-hours').map((row) => row.at(-1));
    expect(reference).toEqual([...Array(6).fill('20 h'), ...Array(4).fill('40 h')]);
    const noBudget = org();
    noBudget.config.budgets = [];
    expect(siteView(noBudget, { asOf: AS_OF }).budget.months.every((m) => m.share === null)).toBe(true);
  });

  it('anonymised, holds no person: no id, name or GitHub handle in any string, lists emptied, counts kept', () => {
    const anonymous = siteView(org(), { asOf: AS_OF, anonymise: true });
    const json = JSON.stringify(anonymous);
    for (const word of ['p1', 'p2', 'p6', 'P1', 'Sixth Person', 'sixth-gh', 'Jo']) expect(json, word).not.toMatch(new RegExp(`\\b${word}\\b`));
    const cop = anonymous.cops.find((c) => c.id === 'alpha')!;
    expect(cop.members).toEqual([]);
    expect(cop.memberCount).toBe(5);
    expect(cop.log[0]!.title).toBe('Talk with (name withheld) about it');
    expect(cop.log[0]!.participants).toBe(5);
  });
});

describe('the anonymised site view', () => {
  it('withholds a coordinator people.yaml does not list, and who declared a trigger, keeping the dates', () => {
    const ws = workspace({
      people: people(5),
      cops: {
        solo: {
          charter: charter('solo', {
            coordinator: { rotation_months: 3, terms: [{ person: 'ghost.writer', from: '2026-10-01' }] },
            triggers: [{ trigger: 'not-strategic', declared_by: 'ghost.writer', date: '2026-11-02', note: 'Merged elsewhere.' }],
          }),
        },
      },
    });
    const cop = siteView(ws, { asOf: AS_OF, anonymise: true }).cops[0]!;
    expect(cop.health.triggers.map((t) => t.id)).toContain('not-strategic');
    expect(JSON.stringify(cop)).not.toContain('ghost');
    expect(cop.coordinator.terms).toEqual([{ person: { id: '(name withheld)', name: '(name withheld)', github: null }, from: '2026-10-01', until: null }]);
  });
});

describe("the site view's outputs and value-creation stories", () => {
  // ghost.writer is not in people.yaml, so redacting known names could not find them: anonymised, the lists must drop them.
  const ws = workspace({
    people: people(5),
    cops: {
      solo: {
        charter: charter('solo'),
        meetings: [meeting('2026-10-08')],
        outputs: [output('2026-10-20', { authors: ['ghost.writer', 'p1'], title: 'Checklist' })],
        reviews: [
          {
            date: '2026-10-10',
            period: { from: '2026-07', to: '2026-09' },
            participants: ['p1'],
            goals: [{ goal: 1, outcome: 'keep', evidence: 'Met monthly.', next_review: '2027-01-10' }],
            stories: [{ cycle: 'applied', teller: 'ghost.writer', text: 'We changed how we deploy.' }],
          },
        ],
      },
    },
  });

  it('names the authors and the teller, and counts the matrix over the year of the last complete month', () => {
    const cop = siteView(ws, { asOf: AS_OF }).cops[0]!;
    expect(cop.outputs.map((o) => o.authors.map((p) => p.id))).toEqual([['ghost.writer', 'p1']]);
    expect(cop.value).toMatchObject({ year: 2026, from: '2026-01', to: '2026-10' });
    const applied = cop.value.cycles.find((c) => c.cycle === 'applied')!;
    expect(applied.stories.map((s) => [s.teller?.id, s.text])).toEqual([['ghost.writer', 'We changed how we deploy.']]);
    expect(applied.gap).toBe(false);
    expect(cop.value.cycles.find((c) => c.cycle === 'realised')!.gap).toBe(true);
  });

  it('anonymised, drops every author and teller, keeping the outputs and stories', () => {
    const cop = siteView(ws, { asOf: AS_OF, anonymise: true }).cops[0]!;
    expect(JSON.stringify(cop)).not.toMatch(/ghost|\bp1\b/);
    expect(cop.outputs.map((o) => [o.title, o.authors])).toEqual([['Checklist', []]]);
    expect(cop.value.cycles.flatMap((c) => c.stories).map((s) => [s.teller, s.text])).toEqual([[null, 'We changed how we deploy.']]);
    const page = htmlText(renderSite(buildSite(ws, { asOf: AS_OF, anonymise: true })).get('cops/solo.html')!);
    expect(page).toContain('We changed how we deploy.');
    expect(page).not.toMatch(/ghost|\bp1\b|· by/i);
  });
});

describe('the CoP page', () => {
  const files = renderSite(buildSite(org(), { asOf: AS_OF }));

  it('shows the next meeting with its time zone and a link to the CoP calendar', () => {
    const text = pageText(files.get('cops/alpha.html')!);
    expect(text).toContain('Next meeting');
    expect(text).toContain('Wednesday 9 December 2026, 12:30–13:30 (Europe/London)');
    expect(files.get('cops/alpha.html')).toContain('href="../calendar/alpha.ics"');
    expect(files.has('calendar/alpha.ics')).toBe(true);
  });

  it('shows a cancelled meeting with its reason, not a participant count of 0', () => {
    const rows = files.get('cops/alpha.html')!.split('<tr>').filter((row) => row.includes('2026-10-14'));
    const row = pageText(rows.at(-1)!);
    expect(row).toContain('(cancelled: Venue flooded, ask p6)');
    expect(row).toContain('not held');
    expect(row).not.toMatch(/>0</);
  });

  it('explains an empty CoP instead of drawing empty axes', () => {
    const page = files.get('cops/gamma.html')!;
    expect(pageText(page)).toContain('No meetings logged yet: cop log gamma');
    expect(page).not.toContain('<figure class="chart"');
  });

  it("explains a new organisation's budget page without spend", () => {
    const empty = workspace({ people: people(5), config: { budgets: [{ year: 2026, hours: 100, money: 100 }] }, cops: { solo: { charter: charter('solo') } } });
    const page = renderSite(buildSite(empty, { asOf: AS_OF })).get('budget.html')!;
    expect(pageText(page)).toContain('No time or money logged in 2026 yet');
    expect(page).not.toContain('<figure class="chart"');
  });
});

/** The budget page: the organisation's year to date against its yearly budget, month by month by CoP, and per CoP. */
import { HoursMeter, Meter, SeriesKey, StackedBarChart, PALETTE, type Series } from '../charts.js';
import { copHref, Data, formatters, monthLabel, Page, shortMonth, type PageProps } from '../layout.js';
import type { Site } from '../model.js';
import { WideTable } from '../wide-table.js';

/** Beyond this many CoPs the stacked charts group the smaller ones as "other CoPs". */
const STACKED = PALETTE - 1;

/**
 * The CoPs the stacked charts show, most hours first (the same colours in both charts); beyond
 * STACKED + 1 the rest are added up as one series.
 */
function stackGroups(site: Site): { label: string; indexes: number[] }[] {
  const months = site.budget.months;
  const names = new Map(site.cops.map((cop) => [cop.id, cop.name]));
  const total = (k: number) => months.reduce((sum, m) => sum + m.byCop[k]!.hours + m.byCop[k]!.money, 0);
  const ranked = (months[0]?.byCop ?? [])
    .map((c, k) => ({ id: c.id, k, hours: months.reduce((sum, m) => sum + m.byCop[k]!.hours, 0) }))
    .filter((c) => total(c.k) > 0)
    .sort((a, b) => b.hours - a.hours || (a.id < b.id ? -1 : 1));
  const shown = ranked.length > STACKED + 1 ? ranked.slice(0, STACKED) : ranked;
  const rest = ranked.slice(shown.length);
  const groups = shown.map((c) => ({ label: names.get(c.id) ?? c.id, indexes: [c.k] }));
  return rest.length ? [...groups, { label: `${rest.length} other CoPs`, indexes: rest.map((c) => c.k) }] : groups;
}

function stacked(site: Site, groups: { label: string; indexes: number[] }[], pick: (entry: { hours: number; money: number }) => number): Series[] {
  return groups.map((g) => ({
    label: g.label,
    values: site.budget.months.map((m) => g.indexes.reduce((sum, k) => sum + pick(m.byCop[k]!), 0)),
  }));
}

export function BudgetPage({ site, root }: PageProps) {
  const f = formatters(site);
  const b = site.budget;
  const months = b.months.map((m) => m.month);
  const span = months.length ? `${monthLabel(months[0]!)} to ${monthLabel(months.at(-1)!)}` : String(b.year);
  const groups = stackGroups(site);
  const hoursSeries = stacked(site, groups, (e) => e.hours);
  const moneySeries = stacked(site, groups, (e) => e.money);
  const cops = site.cops.filter((cop) => cop.yearToDate !== null);
  const card = (label: string, actual: number, budget: number | null, proRata: number | null, forecast: number, fmt: (n: number) => string) => {
    const over = budget !== null && actual > budget;
    const share = budget ? ` (${f.percent((actual / budget) * 100)})` : '';
    return (
      <div class="card">
        <p class="muted">{`${label}, ${b.year} to date`}</p>
        <p class={over ? 'big over' : 'big'}>{fmt(actual)}</p>
        <p>{budget === null ? 'No yearly budget set in cop.config.yaml.' : `of ${fmt(budget)} for the year${share}`}</p>
        {proRata === null ? null : (
          <p>
            <strong class={actual > proRata ? 'verdict over' : 'verdict'}>
              {actual > proRata
                ? `${fmt(actual - proRata)} over the share for ${b.monthsElapsed} months`
                : `On track: ${fmt(proRata - actual)} under the share for ${b.monthsElapsed} months`}
            </strong>
          </p>
        )}
        <Meter
          actual={actual}
          budget={budget}
          tick={proRata}
          width={220}
          label={proRata === null ? '' : `pro-rata ${fmt(proRata)}`}
        />
        <p class="muted">{`At this pace: ${fmt(forecast)} by December.`}</p>
      </div>
    );
  };
  return (
    <Page site={site} root={root} title={`Budget ${b.year}`} section="budget">
      <h1>{`Budget ${b.year}`}</h1>
      <p class="lead">
        {`${span}: ${f.hours(b.hours.actual)} of work time and ${f.money(b.money.actual)} spent by all CoPs`}
        {b.budget ? `, against a yearly budget of ${f.hours(b.budget.hours)} and ${f.money(b.budget.money)}.` : '.'}
        {b.budget ? ` The bar's mark is the share for the ${b.monthsElapsed} months elapsed.` : ''}
      </p>
      <div class="cards">
        {card('Work hours', b.hours.actual, b.budget?.hours ?? null, b.proRata.hours, b.forecast.hours, f.hours)}
        {card('Money', b.money.actual, b.budget?.money ?? null, b.proRata.money, b.forecast.money, f.money)}
      </div>
      <h2>Month by month</h2>
      <SeriesKey series={hoursSeries.map((s) => s.label)} />
      <StackedBarChart
        id="org-hours"
        title={`Work hours per month by CoP, ${b.year}`}
        description={`Attendance in work hours plus preparation, each month of ${b.year} so far, stacked by CoP${b.budget ? `, against a twelfth of the yearly budget (${f.hours(b.budget.hours / 12)})` : ''}.`}
        labels={months.map(monthLabel)}
        axisLabels={months.map(shortMonth)}
        labelHeader="Month"
        format={f.hours}
        series={hoursSeries}
        {...(b.budget ? { reference: { label: 'a twelfth of the yearly budget', value: b.budget.hours / 12 } } : {})}
      />
      <StackedBarChart
        id="org-money"
        title={`Money per month by CoP, ${b.year}`}
        description={`Money spent each month of ${b.year} so far, stacked by CoP${b.budget ? `, against a twelfth of the yearly budget (${f.money(b.budget.money / 12)})` : ''}.`}
        labels={months.map(monthLabel)}
        axisLabels={months.map(shortMonth)}
        labelHeader="Month"
        format={f.money}
        axisFormat={f.moneyAxis}
        series={moneySeries}
        {...(b.budget ? { reference: { label: 'a twelfth of the yearly budget', value: b.budget.money / 12 } } : {})}
      />
      <h2>By CoP</h2>
      <WideTable label="By CoP">
        <table>
          <thead>
            <tr>
              <th scope="col">CoP</th>
              <th scope="col" class="num">
                Meetings
              </th>
              <th scope="col" class="num">
                Attendance hours
              </th>
              <th scope="col">Preparation hours against budget</th>
              <th scope="col" class="num">
                Money
              </th>
            </tr>
          </thead>
          <tbody>
            {cops.map((cop) => {
              const ytd = cop.yearToDate!;
              return (
                <tr>
                  <th scope="row">
                    <a href={copHref(root, cop.id)}>
                      <Data>{cop.name}</Data>
                    </a>
                  </th>
                  <td class="num">{ytd.meetings}</td>
                  <td class="num">{f.hours(ytd.attendanceHours)}</td>
                  <td>
                    <HoursMeter measure={ytd.preparation} none={f.hours(ytd.preparation.actual)} />
                  </td>
                  <td class="num">{f.money(ytd.money)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideTable>
    </Page>
  );
}

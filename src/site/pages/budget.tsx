/** The budget page: the organisation's year to date against its yearly budget, month by month by CoP, and per CoP. */
import { HoursMeter, Meter, SeriesKey, StackedBarChart, PALETTE, type Series } from '../charts.js';
import { copHref, Data, formatters, monthLabel, Page, shortMonth, type PageProps } from '../layout.js';
import type { Measure } from '../../budget/types.js';
import type { IsoMonth } from '../../core/dates.js';
import type { Site } from '../site.js';
import { WideTable } from '../wide-table.js';

/** Beyond this many CoPs the stacked charts group the smaller ones as "other CoPs". */
const STACKED = PALETTE - 1;

/**
 * The CoPs the stacked charts show, most hours first (the same colours in both charts); beyond
 * STACKED + 1 the rest are added up as one series.
 */
function stackGroups(site: Site): { label: string; indexes: number[] }[] {
  const months = site.budget.months;
  const names = new Map(site.budget.cops.map((cop) => [cop.id, cop.name]));
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

/**
 * One figure of the year (work hours or money): year to date against the yearly budget, the share
 * for the months elapsed, the forecast, what remains and when it runs out, all `cop report --year`'s.
 */
function PaceCard(props: { site: Site; label: string; what: 'hours' | 'money'; format: (n: number) => string }) {
  const { label, what, format: fmt } = props;
  const b = props.site.budget;
  const ytd: Measure = b.yearToDate[what];
  const proRata: Measure = b.proRata[what];
  const forecast: Measure = b.forecast[what];
  const f = formatters(props.site);
  const runsOut: IsoMonth | null = b.runsOut?.[what] ?? null;
  return (
    <div class="card">
      <p class="muted">{`${label}, ${b.year} to ${monthLabel(b.to)}`}</p>
      <p class={ytd.over ? 'big over' : 'big'}>{fmt(ytd.actual)}</p>
      <p>{ytd.budget === null ? 'No yearly budget set in cop.config.yaml.' : `of ${fmt(ytd.budget)} for the year (${f.percent(ytd.percent)})`}</p>
      {proRata.budget === null || proRata.variance === null ? null : (
        <p>
          <strong class={proRata.over ? 'verdict over' : 'verdict'}>
            {proRata.over
              ? `${fmt(proRata.variance)} over the share for ${b.monthsElapsed} months`
              : `On track: ${fmt(-proRata.variance)} under the share for ${b.monthsElapsed} months`}
          </strong>
        </p>
      )}
      <Meter actual={ytd.actual} budget={ytd.budget} tick={proRata.budget} width={220} label={proRata.budget === null ? '' : `pro-rata ${fmt(proRata.budget)}`} />
      <p class="muted">
        {`At this pace: ${fmt(forecast.actual)} by December.`}
        {b.remaining ? ` ${fmt(b.remaining[what])} remain${runsOut ? `; at this pace the budget runs out in ${monthLabel(runsOut)}.` : '; at this pace it lasts the year.'}` : ''}
      </p>
    </div>
  );
}

export function BudgetPage({ site, root }: PageProps) {
  const f = formatters(site);
  const b = site.budget;
  const months = b.months.map((m) => m.month);
  const span = `${monthLabel(b.from)} to ${monthLabel(b.to)}`;
  const groups = stackGroups(site);
  const hoursSeries = stacked(site, groups, (e) => e.hours);
  const moneySeries = stacked(site, groups, (e) => e.money);
  const spent = b.yearToDate.hours.actual > 0 || b.yearToDate.money.actual > 0;
  return (
    <Page site={site} root={root} title={`Budget ${b.year}`} section="budget">
      <h1>{`Budget ${b.year}`}</h1>
      <p class="lead">
        {`${span}: ${f.hours(b.yearToDate.hours.actual)} of work time and ${f.money(b.yearToDate.money.actual)} spent by all CoPs`}
        {b.budget ? `, against a yearly budget of ${f.hours(b.budget.hours)} and ${f.money(b.budget.money)}.` : '.'}
        {b.budget ? (
          <>
            {` The bar's mark is the share for the ${b.monthsElapsed} complete months elapsed, as `}
            <code>{`cop report --year ${b.year}`}</code> counts them.
          </>
        ) : null}
      </p>
      <div class="cards">
        <PaceCard site={site} label="Work hours" what="hours" format={f.hours} />
        <PaceCard site={site} label="Money" what="money" format={f.money} />
      </div>
      {spent ? null : (
        <p class="empty">
          {`No time or money logged in ${b.year} yet: the charts fill in as meetings are logged with `}
          <code>cop log &lt;id&gt;</code>.
        </p>
      )}
      {spent ? (
        <>
          <h2>Month by month</h2>
          <SeriesKey series={hoursSeries.map((s) => s.label)} />
          <StackedBarChart
            id="org-hours"
            title={`Work hours per month by CoP, ${b.year}`}
            description={`Attendance in work hours plus preparation, each month of ${b.year} so far, stacked by CoP${b.budget ? ', against each month\'s twelfth of the yearly budget' : ''}.`}
            labels={months.map(monthLabel)}
            axisLabels={months.map(shortMonth)}
            labelHeader="Month"
            format={f.hours}
            series={hoursSeries}
            {...(b.budget ? { reference: { label: 'a twelfth of the yearly budget', values: b.months.map((m) => m.share?.hours ?? null) } } : {})}
          />
          <StackedBarChart
            id="org-money"
            title={`Money per month by CoP, ${b.year}`}
            description={`Money spent each month of ${b.year} so far, stacked by CoP${b.budget ? ', against each month\'s twelfth of the yearly budget' : ''}.`}
            labels={months.map(monthLabel)}
            axisLabels={months.map(shortMonth)}
            labelHeader="Month"
            format={f.money}
            axisFormat={f.moneyAxis}
            series={moneySeries}
            {...(b.budget ? { reference: { label: 'a twelfth of the yearly budget', values: b.months.map((m) => m.share?.money ?? null) } } : {})}
          />
        </>
      ) : null}
      <h2>By CoP</h2>
      <WideTable
        label="By CoP"
        rows={b.cops.length}
        empty={
          <>
            {`No CoP has been active in ${b.year} yet: a CoP has a budget from the month a proposal becomes active with `}
            <code>cop activate &lt;id&gt;</code>.
          </>
        }
      >
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
            {b.cops.map((cop) => {
              return (
                <tr>
                  <th scope="row">
                    <a href={copHref(root, cop.id)}>
                      <Data>{cop.name}</Data>
                    </a>
                  </th>
                  <td class="num">{cop.meetings}</td>
                  <td class="num">{f.hours(cop.attendanceHours)}</td>
                  <td>
                    <HoursMeter measure={cop.preparation} none={f.hours(cop.preparation.actual)} />
                  </td>
                  <td class="num">{f.money(cop.money)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideTable>
    </Page>
  );
}

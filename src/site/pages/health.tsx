/** The health page: the CoPs closest to a dissolution trigger, then every flag and warning with its evidence. */
import { MonthGrid, type MonthGridCell } from '../charts.js';
import { Badge, copHref, Data, monthLabel, Page, type PageProps } from '../layout.js';
import type { CopPageSummary, Level } from '../../view/types.js';
import { Health } from './cop.js';
import { WideTable } from '../wide-table.js';

const RANK: Record<Level, number> = { flagged: 0, 'at-risk': 1, ok: 2, 'not-judged': 3 };

/** The last complete month's best attendance (the month before the as-of month). */
function lastComplete(cop: CopPageSummary): { month: string; best: number | null } {
  const point = cop.health.trend.at(-2) ?? cop.health.trend.at(-1)!;
  return { month: point.month, best: point.bestAttendance };
}

/**
 * Active CoPs, nearest a trigger first: flagged, then at risk (longest run first), then ok CoPs by
 * how far their last complete month's best meeting was above the minimum.
 */
export function closestToTrigger(cops: readonly CopPageSummary[]): CopPageSummary[] {
  return cops
    .filter((cop) => cop.status === 'active')
    .sort(
      (a, b) =>
        RANK[a.health.level] - RANK[b.health.level] ||
        b.healthText.run - a.healthText.run ||
        (lastComplete(a).best ?? -1) - (lastComplete(b).best ?? -1) ||
        (a.id < b.id ? -1 : 1),
    );
}

/** A CoP's grid months: its health trend's best attendance, active where the month has a budget in force (the view's `hoursBudget`, null when not active). */
function gridCells(cop: CopPageSummary): MonthGridCell[] {
  const active = new Set(cop.months.filter((m) => m.hoursBudget !== null).map((m) => m.month));
  return cop.health.trend.map((p) => ({ best: p.bestAttendance, active: active.has(p.month) }));
}

export function HealthPage({ site, root }: PageProps) {
  const ranked = closestToTrigger(site.cops);
  const detailed = site.cops.filter((cop) => cop.health.triggers.length > 0 || cop.health.warnings.length > 0);
  const count = (level: Level) => ranked.filter((cop) => cop.health.level === level).length;
  return (
    <Page site={site} root={root} title="Health" section="health">
      <h1>Health</h1>
      <p class="lead">
        {`A month is reached when one meeting had ${site.policy.minParticipants} or more participants; more than ${site.policy.lowParticipationMonths} unreached complete months in a row flag a CoP for dissolution. A CoP is also flagged when its coordinator declares its topics finished, or the CTO or sponsor declares it no longer strategic. As of ${site.asOf}: `}
        {`${count('flagged')} flagged, ${count('at-risk')} at risk, ${count('ok')} ok.`}
      </p>
      <MonthGrid
        id="months-reached"
        title="Months reached, the last 12 months"
        months={site.months}
        inProgress={site.months.at(-1)!}
        minimum={site.policy.minParticipants}
        rows={ranked.map((cop) => ({ name: cop.name, href: copHref(root, cop.id), cells: gridCells(cop) }))}
      />
      <h2>Closest to a trigger</h2>
      <WideTable
        label="Closest to a trigger"
        rows={ranked.length}
        empty={
          <>
            No active CoP yet: only active CoPs are judged, and a proposal becomes active with <code>cop activate &lt;id&gt;</code>.
          </>
        }
      >
        <table>
          <thead>
            <tr>
              <th scope="col">CoP</th>
              <th scope="col">Health</th>
              <th scope="col" class="num">
                Unreached months in a row
              </th>
              <th scope="col">Last complete month</th>
              <th scope="col">Triggers</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((cop) => {
              const last = lastComplete(cop);
              return (
                <tr>
                  <th scope="row">
                    <a href={copHref(root, cop.id)}>
                      <Data>{cop.name}</Data>
                    </a>
                  </th>
                  <td>
                    <Badge level={cop.health.level} />
                  </td>
                  <td class="num">{`${cop.healthText.run} of ${site.policy.lowParticipationMonths} allowed`}</td>
                  <td>{`${monthLabel(last.month)}: ${last.best === null ? 'no meeting' : `best ${last.best} of ${site.policy.minParticipants} needed`}`}</td>
                  <td>{cop.health.triggers.map((t) => t.id).join(', ') || '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideTable>
      <h2>Flags and warnings, with evidence</h2>
      {detailed.length === 0 ? <p>No CoP has a flag or a warning.</p> : null}
      {detailed.map((cop) => (
        <section aria-labelledby={`h-${cop.id}`}>
          <h3 id={`h-${cop.id}`}>
            <a href={copHref(root, cop.id)}>
              <Data>{cop.name}</Data>
            </a>{' '}
            <Badge level={cop.health.level} />
          </h3>
          <Health cop={cop} minParticipants={site.policy.minParticipants} />
        </section>
      ))}
    </Page>
  );
}

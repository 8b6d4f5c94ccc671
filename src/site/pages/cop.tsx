/** One CoP: its charter in readable form, people, charts over 12 months, health with evidence, meetings. */
import type { ComponentChildren } from 'preact';
import { BarChart } from '../charts.js';
import { Badge, Data, DataList, formatters, isolatedList, monthLabel, Page, shortMonth, webUrl, type PageProps } from '../layout.js';
import { markup } from '../markup.js';
import type { CopView, HealthView, MeetingView, TriggerView } from '../model.js';
import { WideTable } from '../wide-table.js';

export function CopPage(props: PageProps & { cop: CopView }) {
  const { site, root, cop } = props;
  return (
    <Page site={site} root={root} title={cop.name} section={null}>
      <h1>
        <Data>{cop.name}</Data>
      </h1>
      <p class="lead">
        <Data>{cop.scope.subject}</Data> · {cop.status} · <Badge level={cop.health.level} />
      </p>
      <Links {...props} />
      <Facts {...props} />
      <Charter cop={cop} />
      <h2 id="charts">The last 12 months</h2>
      <Charts {...props} />
      <h2 id="health">Health</h2>
      <Health health={cop.health} minParticipants={site.minParticipants} />
      <People {...props} />
      <Meetings {...props} />
    </Page>
  );
}

function Links({ site, root, cop }: PageProps & { cop: CopView }) {
  const items = [
    site.sourceUrl ? { href: `${site.sourceUrl}${cop.charterFile}`, label: `Charter file (${cop.charterFile})` } : null,
    cop.calendar ? { href: `${root}${cop.calendar}`, label: 'Meeting calendar (.ics)' } : null,
    webUrl(cop.format.recordings) ? { href: cop.format.recordings!, label: 'Recordings' } : null,
  ].filter((item): item is { href: string; label: string } => item !== null);
  if (items.length === 0) return <p class="muted">Charter file: {cop.charterFile}</p>;
  return (
    <p>
      {items.map((item, i) => (
        <>
          {i > 0 ? ' · ' : null}
          <a href={item.href}>{item.label}</a>
        </>
      ))}
    </p>
  );
}

function Facts({ site, cop }: PageProps & { cop: CopView }) {
  const data = (text: string | null | undefined) => (text ? <Data>{text}</Data> : null);
  const rows: [string, ComponentChildren][] = [
    ['Sponsor', data(cop.sponsor)],
    ['Coordinator', data(cop.coordinator)],
    ['Deputy', data(cop.deputy)],
    ['Next handover', cop.nextHandover],
    ['Members', `${cop.memberCount}${cop.maxMembers ? ` (at most ${cop.maxMembers})` : ''}, ${cop.membership}`],
    ['Meets', `${cop.format.cadence}, ${cop.format.duration_minutes} minutes, ${cop.format.slot}`],
    ['Formats', cop.format.formats.join(', ')],
    ['Channel', data(cop.format.channel)],
    ['Created', cop.created],
    ['Active since', cop.activeSince],
    ['Dissolved', cop.dissolved ? dissolvedText(cop.dissolved) : null],
  ];
  const f = formatters(site);
  const budget = [
    `${f.hours(cop.budget.hoursPerMonth)} preparation a month`,
    `refreshments up to ${f.money(cop.budget.refreshmentsPerHead)} per head`,
    ...cop.budget.otherCosts.map((c) => `${c.category} ${f.money(c.amount)} per ${c.per}`),
  ].join('; ');
  return (
    <dl class="facts">
      {rows
        .filter(([, value]) => value !== null && value !== '')
        .map(([term, value]) => (
          <>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </>
        ))}
      <dt>Budget</dt>
      <dd>{budget}</dd>
    </dl>
  );
}

/** `date · reason · note`, each part that is there (null for none); the reason and the note isolated on their own. */
function dissolvedText({ date, reason, note }: NonNullable<CopView['dissolved']>) {
  const parts = [date, reason ? <Data>{reason}</Data> : null, note ? <Data>{note}</Data> : null].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return (
    <>
      {parts.map((part, i) => (
        <>
          {i > 0 ? ' · ' : null}
          {part}
        </>
      ))}
    </>
  );
}

function Charter({ cop }: { cop: CopView }) {
  return (
    <>
      <h2 id="charter">Charter</h2>
      <h3>In scope</h3>
      <ul class="plain">
        {cop.scope.in.map((item) => (
          <li>
            <Data>{item}</Data>
          </li>
        ))}
      </ul>
      {cop.scope.out?.length ? (
        <>
          <h3>Out of scope</h3>
          <ul class="plain">
            {cop.scope.out.map((item) => (
              <li>
                <Data>{item}</Data>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {cop.rationale ? (
        <>
          <h3>Why it matters</h3>
          <p>
            <Data>{cop.rationale}</Data>
          </p>
        </>
      ) : null}
      {cop.goals.length ? (
        <>
          <h3>Goals</h3>
          <WideTable label="Goals">
            <table>
              <thead>
                <tr>
                  <th scope="col">Goal</th>
                  <th scope="col">Type</th>
                  <th scope="col">For</th>
                  <th scope="col">Review by</th>
                </tr>
              </thead>
              <tbody>
                {cop.goals.map((goal) => (
                  <tr>
                    <td>
                      <Data>{goal.description}</Data>
                    </td>
                    <td>{goal.type}</td>
                    <td>{goal.audiences.join(', ')}</td>
                    <td class="num">{goal.review_by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </WideTable>
        </>
      ) : null}
    </>
  );
}

/** Meetings held inside the chart window, oldest first (cancelled ones had no participants to draw). */
export function chartMeetings(cop: CopView, firstMonth: string) {
  return cop.meetings.filter((m) => m.cancelled === null && m.date.slice(0, 7) >= firstMonth).reverse();
}

function Charts({ site, cop }: PageProps & { cop: CopView }) {
  const f = formatters(site);
  const meetings = chartMeetings(cop, site.months[0]!);
  let lastMonth = '';
  const meetingAxis = meetings.map((m) => {
    const month = m.date.slice(0, 7);
    const label = month === lastMonth ? '' : shortMonth(month);
    lastMonth = month;
    return label;
  });
  const months = cop.months;
  const labels = months.map((m) => monthLabel(m.month));
  const axis = months.map((m) => shortMonth(m.month));
  const count = (n: number) => String(Math.round(n));
  return (
    <>
      <BarChart
        id="participants"
        title="Participants per meeting"
        description={`Attendees plus guests at each of the ${meetings.length} meetings since ${monthLabel(site.months[0]!)}, against the policy minimum of ${site.minParticipants}.`}
        labels={meetings.map((m) => (
          <>
            {m.date} <Data>{m.title}</Data>
          </>
        ))}
        axisLabels={meetingAxis}
        labelHeader="Meeting"
        format={count}
        values={meetings.map((m) => m.participants)}
        reference={{ label: `policy minimum (${site.minParticipants})`, values: meetings.map(() => site.minParticipants) }}
      />
      <BarChart
        id="hours"
        title="Preparation hours per month against budget"
        description={`Preparation hours logged each month against the CoP's budget of ${f.hours(cop.budget.hoursPerMonth)} a month. Bars over budget are red.`}
        labels={labels}
        axisLabels={axis}
        labelHeader="Month"
        format={f.hours}
        values={months.map((m) => m.preparation)}
        reference={{ label: 'monthly budget', values: months.map((m) => m.hoursBudget) }}
        overClass
      />
      <BarChart
        id="money"
        title="Money spent per month against allowance"
        description="Money spent each month against the allowance: the refreshments cap times the participants fed, plus approved monthly costs. Bars over the allowance are red."
        labels={labels}
        axisLabels={axis}
        labelHeader="Month"
        format={f.money}
        axisFormat={f.moneyAxis}
        values={months.map((m) => m.money)}
        reference={{ label: 'allowance', values: months.map((m) => m.moneyAllowance) }}
        overClass
      />
    </>
  );
}

export function TriggerEvidence(props: { trigger: TriggerView; minParticipants: number }) {
  const { trigger } = props;
  return (
    <div>
      <p>
        <strong>{trigger.id}</strong> (<span class={`badge ${trigger.level}`}>{trigger.level === 'at-risk' ? 'at risk' : trigger.level}</span>):{' '}
        <Data>{trigger.sentence}</Data> Decided by <Data>{trigger.decidedBy}</Data>.
      </p>
      {trigger.months.length ? (
        <div class="table-wrap">
          <table>
            <caption class="muted">{`Months without a meeting of ${props.minParticipants} or more participants`}</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" class="num">
                  Best attendance
                </th>
                <th scope="col">Meetings (participants)</th>
              </tr>
            </thead>
            <tbody>
              {trigger.months.map((month) => (
                <tr>
                  <th scope="row">{monthLabel(month.month)}</th>
                  <td class="num">{month.bestAttendance ?? 'no meeting'}</td>
                  <td>{month.meetings.map((m) => `${m.date} (${m.participants})`).join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

export function Health(props: { health: HealthView; minParticipants: number }) {
  const { health } = props;
  if (health.level === 'not-judged') return <p>Only active CoPs are judged.</p>;
  return (
    <>
      {health.level === 'ok' ? <p>No dissolution trigger applies.</p> : null}
      {health.triggers.map((trigger) => (
        <TriggerEvidence trigger={trigger} minParticipants={props.minParticipants} />
      ))}
      {health.warnings.length ? (
        <>
          <h3>Early warnings</h3>
          <ul class="plain">
            {health.warnings.map((w) => (
              <li>
                <Data>{w.message}</Data>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function People({ site, cop }: PageProps & { cop: CopView }) {
  return (
    <>
      <h2 id="people">Members and coordinators</h2>
      {site.anonymised ? (
        <p>{`${cop.memberCount} members. Names are not shown on this site.`}</p>
      ) : (
        <>
          <p>
            <DataList items={cop.members} />
          </p>
          {cop.coreGroup.length ? (
            <p class="muted">
              Core group: <DataList items={cop.coreGroup} />
            </p>
          ) : null}
        </>
      )}
      <div class="table-wrap">
        <table>
          <caption class="muted">Coordinator terms, newest first</caption>
          <thead>
            <tr>
              {site.anonymised ? null : <th scope="col">Coordinator</th>}
              <th scope="col">From</th>
              <th scope="col">Until</th>
            </tr>
          </thead>
          <tbody>
            {[...cop.terms].reverse().map((term) => (
              <tr>
                {site.anonymised ? null : (
                  <td>
                    <Data>{term.person}</Data>
                  </td>
                )}
                <td class="num">{term.from}</td>
                <td class="num">{term.until ?? (cop.nextHandover ? `handover due ${cop.nextHandover}` : 'current')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Meetings({ site, cop }: PageProps & { cop: CopView }) {
  return (
    <>
      <h2 id="meetings">Meetings</h2>
      {cop.meetings.length === 0 ? (
        <p>No meeting logged yet.</p>
      ) : (
        <WideTable label="Meetings">
          <table>
            <caption class="muted">Newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Meeting</th>
                <th scope="col" class="num">
                  Participants
                </th>
                <th scope="col">Topics</th>
              </tr>
            </thead>
            <tbody>{cop.meetings.map((m) => meetingRow(m, site.anonymised))}</tbody>
          </table>
        </WideTable>
      )}
    </>
  );
}

/** A row of the meetings table (a template: see markup.ts); the people who came, unless anonymised. */
function meetingRow(m: MeetingView, anonymised: boolean) {
  const guests = m.guests ? markup`<span class="muted">${` (${m.guests} guest${m.guests === 1 ? '' : 's'})`}</span>` : null;
  // One text for all who came (a <bdi> each would double the row's nodes at 60,000 rows), each name between FSI and PDI: isolated as a <bdi> would be.
  const who = anonymised || m.attendees.length === 0 ? null : markup`<details><summary>who</summary><bdi>${isolatedList(m.attendees)}</bdi></details>`;
  const topics = m.topics.length ? markup`<ul class="plain">${m.topics.map((t) => markup`<li><bdi>${t}</bdi></li>`)}</ul>` : '–';
  return markup`<tr><td class="num">${m.date}</td><td><bdi>${m.title}</bdi>${m.cancelled === null ? null : markup`<strong> (cancelled: <bdi>${m.cancelled}</bdi>)</strong>`}<br/><span class="muted">${`${m.format}, ${m.durationMinutes} min, ${m.slot}`}</span>${webUrl(m.recording) ? markup`<br/><a href="${m.recording!}">Recording</a>` : null}</td><td class="num">${m.participants}${guests}${who}</td><td>${topics}</td></tr>`;
}

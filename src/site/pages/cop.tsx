/** One CoP: its charter in readable form, people, charts over 12 months, health with evidence, meetings. */
import type { ComponentChildren } from 'preact';
import { BarChart } from '../charts.js';
import { Badge, Data, DataList, formatters, isolatedList, monthLabel, Page, shortMonth, webUrl, type FrameProps } from '../layout.js';
import { markup } from '../markup.js';
import type { CopPageSummary, CopPageView, HandoffView, MeetingView, OutputView, TriggerSentence } from '../../view/types.js';
import { WideTable } from '../wide-table.js';

export function CopPage(props: FrameProps & { cop: CopPageView }) {
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
      {cop.log.length === 0 ? <NoMeetings cop={cop} /> : <Charts {...props} />}
      <h2 id="health">Health</h2>
      <Health cop={cop} minParticipants={site.policy.minParticipants} />
      <People {...props} />
      <Meetings {...props} />
      <Outputs {...props} />
      <ValueMatrix {...props} />
    </Page>
  );
}

function Links({ site, root, cop }: FrameProps & { cop: CopPageView }) {
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

function Facts({ site, root, cop }: FrameProps & { cop: CopPageView }) {
  const data = (text: string | null | undefined) => (text ? <Data>{text}</Data> : null);
  const dissolved = cop.status === 'dissolved';
  const rows: [string, ComponentChildren][] = [
    ['Sponsor', data(cop.sponsor?.name)],
    ['Coordinator', data(cop.coordinator.now?.name)],
    ['Deputy', data(cop.coordinator.deputy?.name)],
    ['Next handover', dissolved ? null : (cop.coordinator.nextHandover?.date ?? null)],
    ['Members', `${cop.memberCount}${cop.maxMembers ? ` (at most ${cop.maxMembers})` : ''}, ${cop.membership}`],
    ['Meets', `${cop.format.cadence}, ${cop.format.durationMinutes} minutes, ${cop.format.slot}`],
    ['Schedule', data(cop.format.schedule?.text)],
    ['Next meeting', dissolved || !cop.format.schedule ? null : <NextMeeting cop={cop} root={root} />],
    ['Formats', cop.format.formats.join(', ')],
    ['Channel', data(cop.format.channel)],
    ['Created', cop.created],
    ['Active since', cop.status === 'proposed' ? null : (cop.activated ?? cop.created)],
    ['Dissolved', cop.dissolved ? dissolvedText(cop.dissolved) : null],
  ];
  const f = formatters(site);
  const budget = [
    `${f.hours(cop.allowance.hoursPerMonth)} preparation a month`,
    `refreshments up to ${f.money(cop.allowance.refreshmentsPerHead)} per head`,
    ...cop.allowance.otherCosts.map((c) => `${c.category} ${f.money(c.amount)} per ${c.per}`),
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

/** The next scheduled meeting in the CoP's time zone, with its calendar to subscribe to; or that none is scheduled. */
function NextMeeting({ cop, root }: { cop: CopPageView; root: string }) {
  const next = cop.nextMeeting;
  if (!next) return <>none scheduled</>;
  return (
    <>
      <time dateTime={next.date}>{next.text}</time>
      {cop.calendar ? (
        <>
          {' · '}
          <a href={`${root}${cop.calendar}`}>add to calendar (.ics)</a>
        </>
      ) : null}
    </>
  );
}

/** What a CoP without a meeting log shows instead of empty charts and tables: the command that logs one. */
function NoMeetings({ cop }: { cop: CopPageView }) {
  return (
    <p class="empty">
      No meetings logged yet: <code>{`cop log ${cop.id}`}</code>
    </p>
  );
}

/** `date · reason · note`, each part that is there (null for none); the reason and the note isolated on their own. */
function dissolvedText({ date, reason, note }: NonNullable<CopPageView['dissolved']>) {
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

function Charter({ cop }: { cop: CopPageView }) {
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
      {cop.scope.out.length ? (
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
                    <td class="num">{goal.reviewBy}</td>
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

function Charts({ site, cop }: FrameProps & { cop: CopPageView }) {
  const f = formatters(site);
  const months = cop.months;
  const labels = months.map((m) => monthLabel(m.month));
  const axis = months.map((m) => shortMonth(m.month));
  const count = (n: number) => String(Math.round(n));
  const { minParticipants } = site.policy;
  return (
    <>
      <BarChart
        id="participants"
        title="Participants per month"
        description={`The most participants (attendees plus guests) at one meeting held each month, against the policy minimum of ${minParticipants}: a month reaches it when one meeting does. A month without a meeting shows 0.`}
        labels={labels}
        axisLabels={axis}
        labelHeader="Month"
        format={count}
        values={months.map((m) => m.mostParticipants)}
        reference={{ label: `policy minimum (${minParticipants})`, values: months.map(() => minParticipants) }}
      />
      <BarChart
        id="hours"
        title="Preparation hours per month against budget"
        description={`Preparation hours logged each month against the CoP's budget of ${f.hours(cop.allowance.hoursPerMonth)} a month. Bars over budget are red.`}
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
        description="Money spent each month against the allowance: the refreshments cap times the participants fed, plus approved monthly costs (in a month without a meeting, the approved monthly costs alone). Bars over the allowance are red."
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

export function TriggerEvidence(props: { trigger: TriggerSentence; minParticipants: number }) {
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

export function Health(props: { cop: CopPageSummary; minParticipants: number }) {
  const { level } = props.cop.health;
  const health = props.cop.healthText;
  if (level === 'not-judged') return <p>Only active CoPs are judged.</p>;
  return (
    <>
      {level === 'ok' ? <p>No dissolution trigger applies.</p> : null}
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

function People({ site, cop }: FrameProps & { cop: CopPageView }) {
  return (
    <>
      <h2 id="people">Members and coordinators</h2>
      {site.anonymised ? (
        <p>{`${cop.memberCount} members. Names are not shown on this site.`}</p>
      ) : (
        <>
          <p>
            <DataList items={cop.members.map((p) => p.name)} />
          </p>
          {cop.coreGroup.length ? (
            <p class="muted">
              Core group: <DataList items={cop.coreGroup.map((p) => p.name)} />
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
            {[...cop.coordinator.terms].reverse().map((term) => (
              <tr>
                {site.anonymised ? null : (
                  <td>
                    <Data>{term.person.name}</Data>
                  </td>
                )}
                <td class="num">{term.from}</td>
                <td class="num">{term.until ?? (cop.coordinator.nextHandover && cop.status !== 'dissolved' ? `handover due ${cop.coordinator.nextHandover.date}` : 'current')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Meetings({ site, cop }: FrameProps & { cop: CopPageView }) {
  return (
    <>
      <h2 id="meetings">Meetings</h2>
      {cop.log.length === 0 ? (
        <NoMeetings cop={cop} />
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
            <tbody>{cop.log.map((m) => meetingRow(m, site.anonymised))}</tbody>
          </table>
        </WideTable>
      )}
    </>
  );
}

/** A row of the meetings table (a template: see markup.ts); the people who came, unless anonymised. */
function meetingRow(m: MeetingView, anonymised: boolean) {
  const guests = m.guests.length ? markup`<span class="muted">${` (${m.guests.length} guest${m.guests.length === 1 ? '' : 's'})`}</span>` : null;
  // One text for all who came (a <bdi> each would double the row's nodes at 60,000 rows), each name between FSI and PDI: isolated as a <bdi> would be.
  const who = anonymised || m.attendees.length === 0 ? null : markup`<details><summary>who</summary><bdi>${isolatedList(m.attendees.map((p) => p.name))}</bdi></details>`;
  const topics = m.topics.length ? markup`<ul class="plain">${m.topics.map((t) => markup`<li><bdi>${t}</bdi></li>`)}</ul>` : '–';
  return markup`<tr><td class="num">${m.date}</td><td><bdi>${m.title}</bdi>${m.cancelled ? markup`<strong> (cancelled${m.cancelReason ? markup`: <bdi>${m.cancelReason}</bdi>` : null})</strong>` : null}<br/><span class="muted">${`${m.format}, ${m.durationMinutes} min, ${m.slot}`}</span>${webUrl(m.recording) ? markup`<br/><a href="${m.recording!}">Recording</a>` : null}</td><td class="num">${m.cancelled ? 'not held' : markup`${m.participants}${guests}${who}`}</td><td>${topics}</td></tr>`;
}

function Outputs({ site, cop }: FrameProps & { cop: CopPageView }) {
  return (
    <>
      <h2 id="outputs">Outputs</h2>
      <WideTable
        label="Outputs"
        rows={cop.outputs.length}
        empty={
          <>
            No outputs recorded yet: <code>{`cop output ${cop.id}`}</code>
          </>
        }
      >
        <table>
          <caption class="muted">What the CoP produced, and work it handed to a circle; newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Output</th>
              <th scope="col">Hand-off</th>
            </tr>
          </thead>
          <tbody>
            {cop.outputs.map((output) => (
              <OutputRow output={output} anonymised={site.anonymised} />
            ))}
          </tbody>
        </table>
      </WideTable>
    </>
  );
}

function OutputRow({ output, anonymised }: { output: OutputView; anonymised: boolean }) {
  const { handoff } = output;
  return (
    <tr>
      <td class="num">{output.date}</td>
      <td>
        <OutputTitle output={output} />
        <br />
        <span class="muted">{`${output.kind}, ${output.audience}`}</span>
        {anonymised || output.authors.length === 0 ? null : (
          <span class="muted">
            {' · by '}
            <DataList items={output.authors.map((p) => p.name)} />
          </span>
        )}
      </td>
      <td>
        {handoff ? (
          <>
            <Data>{handoff.to.name}</Data>
            {`: ${handoffStatus(handoff)}`}
          </>
        ) : (
          '–'
        )}
      </td>
    </tr>
  );
}

/** An output's title, a link when it has an http(s) url. */
export function OutputTitle({ output }: { output: Pick<OutputView, 'title' | 'url'> }) {
  const href = webUrl(output.url);
  const title = <Data>{output.title}</Data>;
  return href ? <a href={href}>{title}</a> : title;
}

/** `accepted 2026-10-28`, `proposed`: a hand-off's status with the day it was decided. */
function handoffStatus(handoff: Pick<HandoffView, 'status' | 'decided'>): string {
  return handoff.decided ? `${handoff.status} ${handoff.decided}` : handoff.status;
}

function ValueMatrix({ cop }: { cop: CopPageView }) {
  const { value } = cop;
  const months = value.from === value.to ? monthLabel(value.from) : `${monthLabel(value.from)} to ${monthLabel(value.to)}`;
  return (
    <>
      <h2 id="value">{`Value created in ${value.year}`}</h2>
      <p>
        {`The value-creation matrix (Wenger, Trayner and de Laat, 2011) for ${months}, the months of `}
        <code>{`cop review --org --year ${value.year}`}</code>
        {': for each cycle of value, what the data counts beside the stories told in recorded goal reviews. A cycle with neither is a gap.'}
      </p>
      <WideTable label="Value-creation matrix">
        <table>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Indicators</th>
              <th scope="col">Stories</th>
            </tr>
          </thead>
          <tbody>
            {value.cycles.map((entry) => (
              <tr>
                <th scope="row">{entry.cycle}</th>
                {entry.gap ? (
                  <td colSpan={2}>
                    <strong>gap</strong>: nothing counted and no story told
                  </td>
                ) : (
                  <>
                    <td>
                      <ul class="plain">
                        {entry.indicators.map((i) => (
                          <li>{`${i.label}: ${i.value}`}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {entry.stories.length === 0
                        ? '–'
                        : entry.stories.map((story) => (
                            <p>
                              <Data>{story.text}</Data>
                              {story.teller ? (
                                <span class="muted">
                                  {' — '}
                                  <Data>{story.teller.name}</Data>
                                </span>
                              ) : null}
                            </p>
                          ))}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </>
  );
}

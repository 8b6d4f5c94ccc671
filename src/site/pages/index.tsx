/** The index: every CoP with status, people, health and this month's hours; filter pages without JavaScript. */
import { HoursMeter } from '../charts.js';
import { Badge, copHref, Data, formatters, levelLabel, monthLabel, Page, type PageProps } from '../layout.js';
import type { CopPageSummary, Level } from '../../view/types.js';
import { WideTable } from '../wide-table.js';

const STATUSES = ['active', 'proposed', 'dissolved'] as const;
const LEVELS: Level[] = ['flagged', 'at-risk', 'ok'];

export type IndexFilter = { kind: 'all' } | { kind: 'status'; value: CopPageSummary['status'] } | { kind: 'health'; value: Level };

/** The file each filter is written to, relative to the site root. */
export function indexFile(filter: IndexFilter): string {
  return filter.kind === 'all' ? 'index.html' : `${filter.kind}-${filter.value}.html`;
}

export const INDEX_FILTERS: IndexFilter[] = [
  { kind: 'all' },
  ...STATUSES.map((value): IndexFilter => ({ kind: 'status', value })),
  ...LEVELS.map((value): IndexFilter => ({ kind: 'health', value })),
];

function matches(cop: CopPageSummary, filter: IndexFilter): boolean {
  if (filter.kind === 'status') return cop.status === filter.value;
  if (filter.kind === 'health') return cop.health.level === filter.value;
  return true;
}

function filterTitle(filter: IndexFilter): string {
  if (filter.kind === 'status') return `${filter.value[0]!.toUpperCase()}${filter.value.slice(1)} CoPs`;
  if (filter.kind === 'health') return `CoPs whose health is ${levelLabel(filter.value)}`;
  return 'Communities of practice';
}

function FilterLinks(props: { current: IndexFilter; site: PageProps['site'] }) {
  const count = (filter: IndexFilter) => props.site.cops.filter((cop) => matches(cop, filter)).length;
  const link = (filter: IndexFilter, label: string) => {
    const file = indexFile(filter);
    return (
      <li>
        <a href={file} aria-current={file === indexFile(props.current) ? 'page' : undefined}>
          {`${label} (${count(filter)})`}
        </a>
      </li>
    );
  };
  return (
    <nav class="filters" aria-label="Filter CoPs">
      <span>
        Status:{' '}
        <ul>
          {link({ kind: 'all' }, 'all')}
          {STATUSES.map((value) => link({ kind: 'status', value }, value))}
        </ul>
      </span>
      <span>
        Health:{' '}
        <ul>{LEVELS.map((value) => link({ kind: 'health', value }, levelLabel(value)))}</ul>
      </span>
    </nav>
  );
}

export function IndexPage(props: PageProps & { filter: IndexFilter }) {
  const { site, root, filter } = props;
  const f = formatters(site);
  const cops = site.cops.filter((cop) => matches(cop, filter));
  const month = monthLabel(site.months.at(-1)!);
  const active = site.cops.filter((cop) => cop.status === 'active');
  const flagged = active.filter((cop) => cop.health.level === 'flagged').length;
  const atRisk = active.filter((cop) => cop.health.level === 'at-risk').length;
  const { budget } = site;
  return (
    <Page site={site} root={root} title={filterTitle(filter)} section="index">
      <h1>{filterTitle(filter)}</h1>
      <p class="lead">
        {`${active.length} active CoP${active.length === 1 ? '' : 's'}; ${flagged} flagged and ${atRisk} at risk; `}
        {`${f.hours(budget.yearToDate.hours.actual)} worked in ${budget.year} to ${monthLabel(budget.to)}`}
        {budget.budget ? ` of ${f.hours(budget.budget.hours)} budgeted.` : '.'} As of {site.asOf}.
      </p>
      <FilterLinks current={filter} site={site} />
      {cops.length === 0 ? (
        <p>No CoP matches this filter.</p>
      ) : (
        <WideTable label={filterTitle(filter)}>
          <table>
            <thead>
              <tr>
                <th scope="col">CoP</th>
                <th scope="col">Status</th>
                <th scope="col">Health</th>
                {site.anonymised ? null : <th scope="col">Sponsor</th>}
                {site.anonymised ? null : <th scope="col">Coordinator</th>}
                <th scope="col" class="num">
                  Members
                </th>
                <th scope="col">{`Preparation hours, ${month}`}</th>
              </tr>
            </thead>
            <tbody>
              {cops.map((cop) => (
                <tr>
                  <th scope="row">
                    <a href={copHref(root, cop.id)}>
                      <Data>{cop.name}</Data>
                    </a>
                    <br />
                    <span class="muted">
                      <Data>{cop.scope.subject}</Data>
                    </span>
                  </th>
                  <td>{cop.status}</td>
                  <td>
                    <Badge level={cop.health.level} />
                  </td>
                  {site.anonymised ? null : (
                    <td>
                      <Data none="–">{cop.sponsor?.name}</Data>
                    </td>
                  )}
                  {site.anonymised ? null : (
                    <td>
                      <Data none="–">{cop.coordinator.now?.name}</Data>
                    </td>
                  )}
                  <td class="num">{cop.memberCount}</td>
                  <td>
                    {cop.budget ? <HoursMeter measure={cop.budget.thisMonth.preparation} none="no budget this month" /> : 'no budget this month'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
      )}
    </Page>
  );
}

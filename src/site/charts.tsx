/**
 * Inline SVG charts: bars against a reference line, bars stacked by series, and a meter. Each is
 * a <figure> whose <svg role="img"> carries a <title> and <desc>, with the numbers in a table
 * below for screen readers and anyone who wants them. Marks have class `mark` (the browser test
 * counts them). Coordinates are rounded so the output is byte-stable.
 *
 * A chart takes the full content width at any screen size without scaling its text: x positions
 * are percentages of the plot's width, y positions pixels of its fixed height, and the y axis'
 * labels are drawn to the left of the plot, in the margin the stylesheet gives it.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ComponentChildren } from 'preact';
import type { Measure } from '../budget/types.js';
import type { IsoMonth } from '../core/dates.js';
import { hoursText } from '../core/numbers.js';
import { Data, monthLabel, shortMonth } from './layout.js';
import { SERIES_COLOURS } from './style.js';
import { WideTable } from './wide-table.js';

const HEIGHT = 220;
const MARGIN = { top: 10, bottom: 28 };
/** Beyond this many x-axis labels, every other one is hidden on a narrow screen (class `minor`). */
const FULL_AXIS = 6;

/** One decimal of a pixel is plenty, and keeps the files small and stable. */
function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A percentage of the plot's width, as an SVG length. */
function pct(n: number): string {
  return `${Math.round(n * 100) / 100}%`;
}

export interface Reference {
  /** What the line means, e.g. `policy minimum (5)`. */
  label: string;
  /** One value per bar; null where there is none (the line breaks). */
  values: (number | null)[];
}

interface Common {
  id: string;
  title: string;
  description: string;
  /** One per bar, for the table; text from the data comes in a <Data> (layout.tsx). */
  labels: ComponentChildren[];
  /** One per bar, on the x axis; '' to leave a bar unlabelled. */
  axisLabels: string[];
  format: (value: number) => string;
  /** For the y axis ticks, when they need fewer digits than the table (money). */
  axisFormat?: (value: number) => string;
  /** The table's first column header, e.g. `Month`. */
  labelHeader: string;
}

/** A chart's figure: caption, key, the plot with its y axis, and the numbers under a disclosure. */
function Frame(props: { chart: Common; y: ReturnType<typeof valueScale>; legend: LegendItem[] | null; children: ComponentChildren; table: ComponentChildren }) {
  const { chart } = props;
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  return (
    <figure class="chart" id={chart.id}>
      <figcaption>{chart.title}</figcaption>
      {props.legend ? <Legend items={props.legend} /> : null}
      <svg class="plot" width="100%" height={HEIGHT} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{chart.title}</title>
        <desc id={descId}>{chart.description}</desc>
        <YAxis y={props.y} format={chart.axisFormat ?? chart.format} />
        {props.children}
      </svg>
      <details class="chart-data">
        <summary>The numbers</summary>
        {props.table}
      </details>
    </figure>
  );
}

function YAxis(props: { y: ReturnType<typeof scaleLinear<number, number>>; format: (value: number) => string }) {
  return (
    <g class="axis" aria-hidden="true">
      {props.y.ticks(4).map((tick) => (
        <g>
          <line class="grid" x1="0" x2="100%" y1={r(props.y(tick))} y2={r(props.y(tick))} />
          <text x={-6} y={r(props.y(tick)) + 4} text-anchor="end">
            {props.format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * The x axis' labels; with more than FULL_AXIS, every other one (counting back from the last, so
 * the latest stays) is `minor`, which the stylesheet hides on a narrow screen.
 */
function XLabels(props: { labels: string[]; x: (i: number) => number }) {
  const shown = props.labels.flatMap((label, i) => (label ? [i] : []));
  const minor = new Set(shown.length > FULL_AXIS ? shown.filter((_, rank) => (shown.length - 1 - rank) % 2 === 1) : []);
  return (
    <g class="axis" aria-hidden="true">
      {props.labels.map((label, i) =>
        label ? (
          <text class={minor.has(i) ? 'minor' : undefined} x={pct(props.x(i))} y={HEIGHT - 8} text-anchor="middle">
            {label}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Bands across the plot's width, in percent. */
function bandScale(count: number) {
  return scaleBand<number>()
    .domain(Array.from({ length: count }, (_, i) => i))
    .range([0, 100])
    .paddingInner(0.2)
    .paddingOuter(0.1);
}

function valueScale(max: number) {
  return scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
}

/**
 * The reference as a step line across the bars, a break where it is null: a segment over each bar
 * and one joining it to the next (lines, not a path, because a path takes no percentages).
 */
function ReferenceLine(props: { reference: Reference; x: ReturnType<typeof bandScale>; y: ReturnType<typeof valueScale> }) {
  const { reference, x, y } = props;
  const values = reference.values;
  if (values.every((value) => value === null)) return null;
  return (
    <g class="reference">
      {values.map((value, i) => {
        if (value === null) return null;
        const next = values[i + 1];
        const end = x(i)! + x.bandwidth();
        return (
          <>
            <line x1={pct(x(i)!)} x2={pct(end)} y1={r(y(value))} y2={r(y(value))} />
            {next == null ? null : <line x1={pct(end)} x2={pct(x(i + 1)!)} y1={r(y(value))} y2={r(y(next))} />}
          </>
        );
      })}
    </g>
  );
}

/** Bars (one value each) against an optional reference line, e.g. preparation hours against budget. */
export function BarChart(props: Common & { values: number[]; reference?: Reference; overClass?: boolean }) {
  const { values, reference } = props;
  const max = Math.max(0, ...values, ...(reference?.values ?? []).map((v) => v ?? 0));
  const x = bandScale(values.length);
  const y = valueScale(max);
  const over = (i: number) => props.overClass && reference?.values[i] != null && values[i]! > reference.values[i]!;
  const table = (
    <table>
      <thead>
        <tr>
          <th scope="col">{props.labelHeader}</th>
          <th scope="col">Value</th>
          {reference ? <th scope="col">{reference.label}</th> : null}
        </tr>
      </thead>
      <tbody>
        {values.map((value, i) => (
          <tr>
            <th scope="row">{props.labels[i]}</th>
            <td class="num">{props.format(value)}</td>
            {reference ? <td class="num">{reference.values[i] == null ? '–' : props.format(reference.values[i]!)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Frame chart={props} y={y} table={table} legend={reference ? [{ kind: 'bar', label: 'actual' }, { kind: 'reference', label: reference.label }] : null}>
      <g class="bars">
        {values.map((value, i) =>
          value > 0 ? (
            <rect class={over(i) ? 'mark over' : 'mark'} x={pct(x(i)!)} y={r(y(value))} width={pct(x.bandwidth())} height={r(y(0) - y(value))} />
          ) : null,
        )}
      </g>
      {reference ? <ReferenceLine reference={reference} x={x} y={y} /> : null}
      <XLabels labels={props.axisLabels} x={(i) => x(i)! + x.bandwidth() / 2} />
    </Frame>
  );
}

export interface Series {
  label: string;
  values: number[];
}

/** Bars stacked by series (e.g. hours per month by CoP), with an optional reference line (a step where it changes). */
export function StackedBarChart(props: Common & { series: Series[]; reference?: Reference }) {
  const { series, reference } = props;
  const count = props.labels.length;
  const totals = Array.from({ length: count }, (_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const x = bandScale(count);
  const y = valueScale(Math.max(0, ...totals, ...(reference?.values ?? []).map((v) => v ?? 0)));
  // One figure in the key when the line is flat; a changing line is read off the table.
  const flat = reference && new Set(reference.values).size === 1 && reference.values[0] !== null ? reference.values[0]! : null;
  const base = new Array<number>(count).fill(0);
  const table = (
    <WideTable label={`The numbers: ${props.title}`}>
      <table>
        <thead>
          <tr>
            <th scope="col">{props.labelHeader}</th>
            {series.map((s) => (
              <th scope="col">
                <Data>{s.label}</Data>
              </th>
            ))}
            <th scope="col">Total</th>
            {reference ? <th scope="col">{reference.label}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.labels.map((label, i) => (
            <tr>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td class="num">{props.format(s.values[i] ?? 0)}</td>
              ))}
              <td class="num">{props.format(totals[i]!)}</td>
              {reference ? <td class="num">{reference.values[i] == null ? '–' : props.format(reference.values[i]!)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </WideTable>
  );
  return (
    <Frame chart={props} y={y} table={table} legend={reference ? [{ kind: 'reference', label: flat === null ? reference.label : `${reference.label} (${props.format(flat)})` }] : null}>
      {series.map((s, k) => (
        <g class={`bars stack s${k % PALETTE}`}>
          {s.values.map((value, i) => {
            if (!(value > 0)) return null;
            const bottom = base[i]!;
            base[i] = bottom + value;
            return (
              <rect class="mark" x={pct(x(i)!)} y={r(y(bottom + value))} width={pct(x.bandwidth())} height={r(y(bottom) - y(bottom + value))}>
                <title>{`${s.label}, ${props.labels[i]}: ${props.format(value)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
      {reference ? <ReferenceLine reference={reference} x={x} y={y} /> : null}
      <XLabels labels={props.axisLabels} x={(i) => x(i)! + x.bandwidth() / 2} />
    </Frame>
  );
}

/** Colours for stacked series (CSS classes s0 … s7). */
export const PALETTE = SERIES_COLOURS.length;

/** The key for a stacked chart, as HTML (so it wraps), in series order. */
export function SeriesKey(props: { series: string[] }) {
  return (
    <ul class="key" aria-hidden="true">
      {props.series.map((label, k) => (
        <li>
          <span class={`swatch s${k % PALETTE}`} />
          <Data>{label}</Data>
        </li>
      ))}
    </ul>
  );
}

interface LegendItem {
  kind: 'bar' | 'reference';
  label: string;
}

/** A bar chart's key, as HTML above the plot (so it wraps on a narrow screen). */
function Legend(props: { items: LegendItem[] }) {
  return (
    <ul class="key" aria-hidden="true">
      {props.items.map((item) => (
        <li>
          <span class={item.kind === 'bar' ? 'swatch bar' : 'swatch reference'} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A small horizontal meter: the actual against a budget, with an optional tick (e.g. the pro-rata
 * share). Without a budget it shows nothing but the text.
 */
export function Meter(props: { actual: number; budget: number | null; tick?: number | null; label: string; width?: number }) {
  const width = props.width ?? 120;
  const height = 12;
  if (props.budget === null || props.budget <= 0) return <span class="meter-text">{props.label}</span>;
  const top = Math.max(props.budget, props.actual, props.tick ?? 0);
  const x = scaleLinear().domain([0, top]).range([0, width]);
  const over = props.actual > props.budget;
  return (
    <span class="meter">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={props.label}>
        <title>{props.label}</title>
        <rect class="track" x={0} y={0} width={r(x(props.budget))} height={height} />
        {props.actual > 0 ? <rect class={over ? 'mark over' : 'mark'} x={0} y={2} width={Math.max(1, r(x(props.actual)))} height={height - 4} /> : null}
        {props.tick != null ? <line class="tick" x1={r(x(props.tick))} x2={r(x(props.tick))} y1={0} y2={height} /> : null}
      </svg>
      <span class="meter-text">{props.label}</span>
    </span>
  );
}

/** Hours against an hours budget as a meter: `1.5 h of 2 h`, or `none` without a budget. */
export function HoursMeter(props: { measure: Measure; none: string }) {
  const { actual, budget } = props.measure;
  return <Meter actual={actual} budget={budget} label={budget === null ? props.none : `${hoursText(actual)} of ${hoursText(budget)}`} />;
}

/** A month of a MonthGridRow: the most participants at one meeting (null: no meeting held), and whether the CoP was active. */
export interface MonthGridCell {
  best: number | null;
  active: boolean;
}

/** A row of a MonthGrid: a CoP and its months. */
export interface MonthGridRow {
  name: string;
  href: string;
  cells: MonthGridCell[];
}

/**
 * Each CoP's months as a grid, reached or not: a table whose cells hold the most participants at
 * one meeting, shaded by whether that reached the minimum (the number says it too, so colour is
 * never the only cue). An active month without a meeting is unreached, as the policy counts it;
 * a month the CoP was not active is left unshaded. The month in progress is shaded only once it
 * is reached.
 */
export function MonthGrid(props: { id: string; title: string; months: IsoMonth[]; inProgress: IsoMonth; minimum: number; rows: MonthGridRow[] }) {
  // Nothing to chart: the ranking below says there is no active CoP.
  if (props.rows.length === 0) return null;
  const state = ({ best, active }: MonthGridCell, month: IsoMonth) => {
    if (best !== null && best >= props.minimum) return 'reached';
    if (!active) return 'inactive';
    return month === props.inProgress ? 'open' : 'unreached';
  };
  return (
    <figure class="month-grid" id={props.id}>
      <figcaption>{props.title}</figcaption>
      <ul class="key" aria-hidden="true">
        <li>
          <span class="swatch reached" />
          {`reached: ${props.minimum} or more at one meeting`}
        </li>
        <li>
          <span class="swatch unreached" />
          not reached
        </li>
        <li>– no meeting</li>
        <li>
          <span class="swatch inactive" />
          not active
        </li>
      </ul>
      <p class="muted">{`The most participants at one meeting each month; ${monthLabel(props.inProgress)} is still in progress.`}</p>
      <WideTable label={props.title}>
        <table>
          <thead>
            <tr>
              <th scope="col">CoP</th>
              {props.months.map((month) => (
                <th scope="col" class="num">
                  <abbr title={monthLabel(month)}>{shortMonth(month)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <th scope="row">
                  <a href={row.href}>
                    <Data>{row.name}</Data>
                  </a>
                </th>
                {row.cells.map((cell, i) => (
                  <td class={`num ${state(cell, props.months[i]!)}`}>{cell.best ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </figure>
  );
}

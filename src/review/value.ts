/**
 * The value-creation matrix (Wenger, Trayner and de Laat, 2011) of a CoP for some months: for each
 * cycle of value, the indicators `cop` can count from the data beside the stories the CoP recorded
 * in its goal reviews. A cycle with neither is a gap, shown rather than hidden. Pure.
 */
import { monthOf, type IsoDate } from '../core/dates.js';
import { isCancelled } from '../model/meeting.js';
import { decidedOutcome, VALUE_CYCLES } from '../model/review.js';
import type { ValueCycle } from '../model/schema-types.js';
import type { CopFolder } from '../workspace/workspace.js';

/** What the matrix reads of a CoP's output (cops/<id>/outputs/): its day, kind, audience and any hand-off's status. */
export interface ValueOutput {
  date: IsoDate;
  kind: string;
  audience: 'internal' | 'public';
  handoff?: { status: 'proposed' | 'accepted' | 'declined' | 'done' };
}

/** One figure of a cycle: `id` is stable for scripts (`outputs:talk:public`), `label` is for people. */
export interface ValueIndicator {
  id: string;
  label: string;
  value: number;
}

export interface ValueStoryEntry {
  /** The recorded review that holds it. */
  file: string;
  /** Absent when the review is anonymised. */
  teller?: string;
  text: string;
  goal?: string | number;
  outputs: string[];
}

export interface ValueCycleEntry {
  cycle: ValueCycle;
  indicators: ValueIndicator[];
  stories: ValueStoryEntry[];
  /** Neither an indicator above zero nor a story. */
  gap: boolean;
}

export interface ValueMatrixOptions {
  /** The months covered, both included. */
  from: string;
  to: string;
  asOf: IsoDate;
  anonymise: boolean;
}

export function valueMatrix(cop: Pick<CopFolder, 'meetings' | 'reviews'>, outputs: readonly ValueOutput[], options: ValueMatrixOptions): ValueCycleEntry[] {
  const inPeriod = (date: IsoDate) => monthOf(date) >= options.from && monthOf(date) <= options.to && date <= options.asOf;
  const held = cop.meetings.filter((m) => inPeriod(m.data.date) && !isCancelled(m.data)).map((m) => m.data);
  const reviews = cop.reviews.filter((r) => inPeriod(r.data.date));
  const made = outputs.filter((o) => inPeriod(o.date));
  const outcomes = reviews.flatMap((r) => r.data.goals.map((entry) => decidedOutcome(entry)));
  const handoffs = (status: 'accepted' | 'done') => made.filter((o) => o.handoff?.status === status).length;

  const indicators: Record<ValueCycle, ValueIndicator[]> = {
    immediate: [
      { id: 'meetings', label: 'meetings held', value: held.length },
      { id: 'participants', label: 'people from the organisation who took part', value: new Set(held.flatMap((m) => m.attendees)).size },
      { id: 'guests', label: 'guests from outside', value: new Set(held.flatMap((m) => (m.guests ?? []).map((g) => `${g.name}\n${g.organisation}`))).size },
    ],
    potential: [...outputIndicators(made), { id: 'recordings', label: 'recordings published', value: held.filter((m) => m.recording).length }],
    applied: [{ id: 'handoffs-accepted', label: 'hand-offs accepted by a circle', value: handoffs('accepted') }],
    realised: [{ id: 'handoffs-done', label: 'hand-offs done', value: handoffs('done') }],
    reframing: [
      { id: 'goals-revised', label: 'goals revised in a recorded review', value: outcomes.filter((o) => o === 'revise').length },
      { id: 'goals-dropped', label: 'goals dropped in a recorded review', value: outcomes.filter((o) => o === 'drop').length },
    ],
  };
  return VALUE_CYCLES.map((cycle) => {
    const stories = reviews.flatMap((r) =>
      (r.data.stories ?? [])
        .filter((story) => story.cycle === cycle)
        .map((story) => ({ file: r.file, ...(options.anonymise ? {} : { teller: story.teller }), text: story.text, ...(story.goal === undefined ? {} : { goal: story.goal }), outputs: story.outputs ?? [] })),
    );
    return { cycle, indicators: indicators[cycle], stories, gap: stories.length === 0 && indicators[cycle].every((i) => i.value === 0) };
  });
}

/** Outputs counted by kind and audience, one indicator per pair that occurs, in a stable order. */
function outputIndicators(outputs: readonly ValueOutput[]): ValueIndicator[] {
  const counts = new Map<string, number>();
  for (const o of outputs) counts.set(`${o.kind}:${o.audience}`, (counts.get(`${o.kind}:${o.audience}`) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([pair, value]) => {
      const [kind, audience] = pair.split(':') as [string, string];
      return { id: `outputs:${pair}`, label: `${audience} outputs: ${kind}`, value };
    });
}

/** Builds small in-memory workspaces for unit tests of pure functions (rules, budget, health). */
import { DEFAULT_POLICY, resolvePolicy } from '../../src/model/policy.js';
import type { Charter, Config, GoalReview, Meeting, Output, Person } from '../../src/model/schema-types.js';
import type { CopFolder, Workspace } from '../../src/workspace/workspace.js';

export function person(id: string, extra: Partial<Person> = {}): Person {
  return { id, name: id.replace(/\b\w/g, (c) => c.toUpperCase()), github: id.replace(/\./g, '-'), ...extra };
}

/** Five people, `p1` … `p5`, unless more are asked for. */
export function people(count = 5, prefix = 'p'): Person[] {
  return Array.from({ length: count }, (_, i) => person(`${prefix}${i + 1}`));
}

/** An active, valid charter with five members p1…p5; override any field. */
export function charter(id: string, extra: Partial<Charter> = {}): Charter {
  return {
    id,
    name: id.toUpperCase(),
    status: 'active',
    created: '2026-01-05',
    activated: '2026-01-10',
    scope: { subject: `${id} things`, in: ['everything about it'] },
    rationale: 'It matters to our clients.',
    goals: [{ type: 'educate', audiences: ['practitioners'], description: 'Learn together.', review_by: '2027-01-31' }],
    sponsor: 'p1',
    coordinator: { rotation_months: 3, terms: [{ person: 'p2', from: '2026-10-01' }] },
    core_group: ['p2', 'p3'],
    members: ['p1', 'p2', 'p3', 'p4', 'p5'],
    membership: 'invite-only',
    format: { formats: ['round-table'], cadence: 'monthly', duration_minutes: 60, slot: 'lunch' },
    budget: { hours_per_month: 2, refreshments_per_head: 6 },
    ...extra,
  };
}

/** A lunch meeting attended by p1…p5 with a recording; override any field. */
export function meeting(date: string, extra: Partial<Meeting> = {}): Meeting {
  return {
    date,
    title: `Meeting of ${date}`,
    format: 'round-table',
    duration_minutes: 60,
    attendees: ['p1', 'p2', 'p3', 'p4', 'p5'],
    recording: `https://video.example.com/${date}`,
    ...extra,
  };
}

/** An internal written show-and-tell by p1, with no hours; override any field. */
export function output(date: string, extra: Partial<Output> = {}): Output {
  return { date, title: `Output of ${date}`, kind: 'written-show-and-tell', audience: 'internal', authors: ['p1'], ...extra };
}

/** Where an output of the CoP `id` is kept: its date and a slug of its title. */
export const outputFile = (id: string, data: Output) => `cops/${id}/outputs/${data.date}-${data.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.yaml`;

export interface CopSpec {
  charter?: Charter;
  /** Meetings; the file name is the date, with -2, -3 … for a day's later meetings. */
  meetings?: Meeting[];
  /** Recorded goal reviews; the file name is the date. */
  reviews?: GoalReview[];
  /** Outputs; the file name is the date and a slug of the title. */
  outputs?: Output[];
  /** Set false to model a folder whose charter.yaml does not exist. */
  hasCharterFile?: boolean;
}

export function workspace(spec: { cops?: Record<string, CopSpec>; people?: Person[] | null; config?: Config } = {}): Workspace {
  const cops: CopFolder[] = Object.entries(spec.cops ?? {}).map(([id, cop]) => {
    const perDay = new Map<string, number>();
    const meetings = (cop.meetings ?? []).map((data) => {
      const n = (perDay.get(data.date) ?? 0) + 1;
      perDay.set(data.date, n);
      return { file: `cops/${id}/meetings/${data.date}${n > 1 ? `-${n}` : ''}.yaml`, data };
    });
    const outputs = (cop.outputs ?? []).map((data) => ({ file: outputFile(id, data), data }));
    const reviews = (cop.reviews ?? []).map((data) => ({ file: `cops/${id}/reviews/${data.date}.yaml`, data }));
    const folder: CopFolder = { id, charterFile: `cops/${id}/charter.yaml`, hasCharterFile: cop.hasCharterFile ?? true, meetings, outputs, reviews };
    if (cop.charter) folder.charter = cop.charter;
    return folder;
  });
  const config = spec.config ?? {};
  const ws: Workspace = {
    root: '/virtual',
    config,
    policy: config.policy ? resolvePolicy(config) : { ...DEFAULT_POLICY },
    cops,
    fileCount: cops.reduce((n, c) => n + c.meetings.length + 1, 2),
  };
  if (spec.people !== null) ws.people = { file: 'people.yaml', data: spec.people ?? people() };
  return ws;
}

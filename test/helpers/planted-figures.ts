/**
 * The bundled organisation (a dissolved CoP, a proposed one, cancelled meetings, outputs,
 * work-hours meetings) with files in error planted that a read command leaves out, some found
 * where a CoP is read and some only once the whole organisation is checked; and, optionally,
 * more valid meetings, so that a check in several threads splits the CoPs between them.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintWorkspace } from '../../src/lint/lint-workspace.js';
import type { CopsComputed, PerCop } from '../../src/lint/per-cop.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { leaveOutFilesInError, type LeftOutFile } from '../../src/workspace/leave-out.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { AS_OF, copyOrganisation } from './org-copy.js';

/** Each planted file, and why a read command leaves it out or keeps it. */
export const PLANTED = {
  /** A schema error: left out where its CoP is read. */
  brokenMeeting: 'cops/aws/meetings/2026-11-13.yaml',
  /** A schema error in an output. */
  brokenOutput: 'cops/aws/outputs/2026-11-06-broken.yaml',
  /** An unknown attendee (person-exists, a CoP's rule): left out where its CoP is read. */
  unknownAttendee: 'cops/quality-engineering/meetings/2026-10-28.yaml',
  /** A valid work-hours meeting whose suppression comment names no rule: only the organisation's check (invalid-suppression) leaves it out. */
  invalidSuppression: 'cops/platform-engineering/meetings/2026-11-18.yaml',
  /** An unknown attendee whose error a suppression comment suppresses: left out where its CoP is read, kept once suppressions apply. */
  suppressedError: 'cops/platform-engineering/meetings/2026-10-21.yaml',
  /** A charter in error: its CoP is left out. */
  brokenCharter: 'cops/ghost/charter.yaml',
} as const;

/** platform-engineering's members: a planted meeting of them all is its best attended of the month, so health's trend shows whether it counted. */
const PLATFORM_PEOPLE = ['oliver.grant', 'chloe.brennan', 'rhys.morgan', 'niamh.doyle', 'samuel.osei', 'daniel.kowalski', 'isla.munro', 'yusuf.karim', 'ewan.mcleod', 'amira.haddad', 'jamie.ferguson'];

const workHoursMeeting = (date: string, attendees: readonly string[], comment = '') =>
  `${comment}date: ${date}\ntitle: Work-hours session\nformat: round-table\nduration_minutes: 90\nslot: work-hours\nattendees: [${attendees.join(', ')}]\npreparation:\n  - person: ${attendees[0]}\n    hours: 2.5\ncosts:\n  - category: refreshments\n    amount: 17.5\nrecording: https://video.example.com/${date}\n`;

/** `bulk` more valid meetings in each of four CoPs, a day apart from their first active month of 2025. */
const BULK_FROM: Record<string, string> = { 'platform-engineering': '2025-01-07', 'quality-engineering': '2025-03-04', mobile: '2025-06-03', 'distributed-ledgers': '2025-05-07' };

export function plantedFiguresOrganisation(bulk = 0): string {
  const root = copyOrganisation();
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write(PLANTED.brokenMeeting, 'date: 2026-11-13\ntitle: Typo\nweekday: Tuesday\n');
  write(PLANTED.brokenOutput, 'date: 2026-11-06\ntitle: Broken\nkind: talk\naudience: somewhere\nauthors: [lucy.chen]\n');
  write(PLANTED.unknownAttendee, workHoursMeeting('2026-10-28', ['ghost.person', ...PLATFORM_PEOPLE.slice(0, 2)]));
  write(PLANTED.invalidSuppression, workHoursMeeting('2026-11-18', PLATFORM_PEOPLE, '# cop-disable no-such-rule -- planted\n'));
  write(PLANTED.suppressedError, workHoursMeeting('2026-10-21', ['visiting.expert', ...PLATFORM_PEOPLE], '# cop-disable person-exists -- a visiting expert\n'));
  write(PLANTED.brokenCharter, 'name: Ghost\nstatus: active\n');
  write('cops/ghost/meetings/2026-11-02.yaml', workHoursMeeting('2026-11-02', PLATFORM_PEOPLE.slice(0, 5)));
  for (const [cop, from] of Object.entries(BULK_FROM)) {
    for (let i = 0; i < bulk; i++) {
      const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      write(`cops/${cop}/meetings/${date}.yaml`, workHoursMeeting(date, PLATFORM_PEOPLE.slice(0, 5)));
    }
  }
  return root;
}

/**
 * Two copies of `root` that read commands load in different ways: as given, and with a generated
 * README block, which keeps the ordinary load (every meeting gathered in one thread: rule
 * readme-current compares the READMEs with them). In both, readme-current only warns, so the
 * README's staleness is no error a read command would list.
 */
export function withAndWithoutGeneratedReadme(root: string): { byCop: string; ordinary: string } {
  const copy = () => {
    const into = mkdtempSync(join(tmpdir(), 'cop-figures-'));
    cpSync(root, into, { recursive: true });
    appendFileSync(join(into, 'cop.config.yaml'), '\nrules:\n  readme-current: warn\n');
    return into;
  };
  const byCop = copy();
  const ordinary = copy();
  writeFileSync(join(ordinary, 'cops/README.md'), `# CoPs\n\n<!-- BEGIN cop readme (generated by \`cop readme --write\` as of ${AS_OF}; edit the charter, not this block) -->\nstale\n<!-- END cop readme -->\n`);
  return { byCop, ordinary };
}

/**
 * `root` checked CoP by CoP with `perCop` computed where each CoP is read, as a read command loads
 * it: the errors found, the organisation without the files they leave out, and what each CoP's
 * thread computed (to settle with settledResults).
 */
export async function computedWhereRead(root: string, perCop: PerCop): Promise<{ errors: Diagnostic[]; workspace: Workspace; leftOut: LeftOutFile[]; computed: CopsComputed }> {
  const outcome = await lintWorkspace(root, AS_OF, { errorsOnly: true, perCop });
  if (outcome.kind !== 'linted' || !outcome.computed) throw new Error('expected the CoPs computed where they were read');
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  const partial = leaveOutFilesInError(outcome.workspace, errors);
  if (!partial.ok) throw new Error('expected no blocking file');
  return { errors, workspace: partial.workspace, leftOut: partial.leftOut, computed: outcome.computed };
}

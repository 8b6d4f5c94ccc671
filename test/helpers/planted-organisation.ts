/** A data root with findings of every kind planted: broken YAML, schema errors, a missing charter, unknown people, suppressions, unknown files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeRoot } from './cli.js';
import { charter, meeting, people } from './workspace.js';

export const AS_OF = '2026-11-20';

/** `count` valid meetings a day apart from 2025-01-01: the bulk of a bigger organisation. */
const filler = (count: number) => Array.from({ length: count }, (_, i) => meeting(new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)));

/**
 * An organisation with a finding of each kind the CoP-by-CoP check must carry over (src/lint/cop-pool.ts),
 * and `bulk` more valid meetings in each CoP.
 */
export function plantedOrganisation(bulk = 0): string {
  const root = writeRoot({
    people: people(),
    cops: {
      // A charter naming someone people.yaml does not know (person-exists; member-inactive repeats it and is dropped).
      aws: { charter: charter('aws', { members: ['p1', 'p2', 'p3', 'p4', 'p5', 'ghost'] }), meetings: [...filler(bulk), meeting('2026-10-14'), meeting('2026-11-04')] },
      // p5 missed every meeting, but a broken log keeps member-inactive from saying so (skipped).
      gcp: { charter: charter('gcp'), meetings: [...filler(bulk), meeting('2026-06-10', { attendees: ['p1', 'p2', 'p3', 'p4'] }), meeting('2026-10-14', { attendees: ['p1', 'p2', 'p3', 'p4'] })] },
      // No charter (charter-exists), meetings without recordings (meeting-recording).
      mobile: { meetings: [...filler(bulk), meeting('2026-09-09', { recording: undefined }), meeting('2026-10-07', { recording: undefined })] },
      // p5 missed every meeting: member-inactive runs here.
      data: { charter: charter('data'), meetings: [...filler(bulk), meeting('2026-05-06', { attendees: ['p1', 'p2', 'p3', 'p4'] }), meeting('2026-10-07', { attendees: ['p1', 'p2', 'p3', 'p4'], recording: undefined })] },
    },
  });
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('cops/gcp/meetings/2026-11-04.yaml', 'date: 2026-11-04\ntitle: [broken\n');
  write('cops/gcp/meetings/2026-11-11.yaml', 'date: 2026-11-11\ntitle: Long one\nformat: round-table\nduration_minutes: long\nattendees: [p1]\n');
  write('cops/gcp/notes.txt', 'not a data file\n');
  // A used suppression (the missing recording) and an unused one.
  write('cops/mobile/meetings/2026-11-04.yaml', '# cop-disable meeting-recording -- recorded elsewhere\ndate: 2026-11-04\ntitle: Suppressed\nformat: round-table\nduration_minutes: 60\nattendees: [p1, p2]\n');
  write('cops/mobile/meetings/2026-11-11.yaml', '# cop-disable no-placeholder -- nothing to hide\ndate: 2026-11-11\ntitle: Unused\nformat: round-table\nduration_minutes: 60\nattendees: [p1, p2]\nrecording: https://video.example.com/x\n');
  write('cops/aws/meetings/2026-11-11.yaml', 'date: 2026-11-11\ntitle: Twice\ntitle: again\n');
  return root;
}


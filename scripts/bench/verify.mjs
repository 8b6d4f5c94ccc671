#!/usr/bin/env node
// Checks a generated organisation against the semantic lints `cop check` applies (independently of
// `cop` itself, so the benchmark data can be trusted before the tool exists). Not measured.
//
// Usage: node scripts/bench/verify.mjs <root> [--as-of 2026-11-20]
// Exits 1 and lists problems when any file breaks a lint.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const asOfAt = args.indexOf('--as-of');
const asOf = asOfAt >= 0 ? args.splice(asOfAt, 2)[1] : '2026-11-20';
const root = path.resolve(args[0] ?? '.');
const CAP = 6;
const problems = [];
const bad = (file, msg) => problems.push(`${file}: ${msg}`);
const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+\.schema\.json\n/;

function load(rel) {
  const text = readFileSync(path.join(root, rel), 'utf8');
  if (!SCHEMA_LINE.test(text)) bad(rel, 'no yaml-language-server $schema line first');
  return parse(text, { version: '1.2', uniqueKeys: true });
}
const dupes = (file, what, arr = []) => {
  const seen = new Set();
  for (const x of arr) {
    const key = typeof x === 'object' ? JSON.stringify(x) : x;
    if (seen.has(key)) bad(file, `duplicate in ${what}: ${key}`);
    seen.add(key);
  }
};

const config = load('cop.config.yaml');
const people = load('people.yaml').people;
const ids = new Set(people.map((p) => p.id));
dupes('people.yaml', 'people ids', people.map((p) => p.id));
const known = (file, what, id) => { if (id !== undefined && !ids.has(id)) bad(file, `${what} ${id} is not in people.yaml`); };
for (const p of people) known('people.yaml', 'manager', p.manager);
known('cop.config.yaml', 'cto', config.cto);
for (const a of config.approvers ?? []) known('cop.config.yaml', 'approver', a);
dupes('cop.config.yaml', 'approvers', config.approvers);

let charters = 0, meetings = 0;
for (const id of readdirSync(path.join(root, 'cops'))) {
  const cf = `cops/${id}/charter.yaml`;
  const c = load(cf);
  charters++;
  if (c.id !== id) bad(cf, `id ${c.id} differs from folder ${id}`);
  if ((c.members ?? []).length < 5) bad(cf, 'fewer than 5 members');
  if (!c.sponsor) bad(cf, 'no sponsor');
  if (!c.rationale) bad(cf, 'no rationale');
  if (!(c.goals ?? []).length) bad(cf, 'no goal');
  if (c.status !== 'active' || !c.activated || c.activated < c.created) bad(cf, 'not active since after created');
  for (const g of c.goals ?? []) if (g.review_by < asOf) bad(cf, `goal review overdue ${g.review_by}`);
  dupes(cf, 'members', c.members);
  dupes(cf, 'core_group', c.core_group);
  dupes(cf, 'goals', c.goals);
  dupes(cf, 'formats', c.format.formats);
  known(cf, 'sponsor', c.sponsor);
  known(cf, 'deputy', c.coordinator.deputy);
  const members = new Set(c.members);
  for (const m of c.members) known(cf, 'member', m);
  for (const m of c.core_group ?? []) if (!members.has(m)) bad(cf, `core_group ${m} is not a member`);
  if (c.max_members !== undefined && c.max_members < c.members.length) bad(cf, 'more members than max_members');
  const terms = c.coordinator.terms;
  terms.forEach((t, i) => {
    known(cf, 'coordinator', t.person);
    const last = i === terms.length - 1;
    if (!last && !t.until) bad(cf, `term ${i} not closed`);
    if (t.until && t.until < t.from) bad(cf, `term ${i} ends before it starts`);
    if (i > 0 && terms[i - 1].until >= t.from) bad(cf, `term ${i} overlaps the previous one`);
    if (i === 0 && t.from < c.created) bad(cf, 'first term before created');
  });
  const current = terms[terms.length - 1];
  if (current.until) bad(cf, 'no open current term');
  if (!members.has(current.person)) bad(cf, `current coordinator ${current.person} is not a member`);
  if (current.from < '2026-09-01') bad(cf, `current term starts ${current.from}, before 2026-09-01`);
  if (c.coordinator.deputy === current.person) bad(cf, 'deputy is the coordinator');

  for (const f of readdirSync(path.join(root, 'cops', id, 'meetings'))) {
    const mf = `cops/${id}/meetings/${f}`;
    const m = load(mf);
    meetings++;
    const m2 = /^(\d{4}-\d{2}-\d{2})(-\d+)?\.yaml$/.exec(f);
    if (!m2 || m2[1] !== m.date) bad(mf, `file name does not match date ${m.date}`);
    if (m2?.[2] && !readdirSync(path.join(root, 'cops', id, 'meetings')).includes(`${m.date}.yaml`)) bad(mf, 'suffix without a first meeting');
    if (m.date < c.created) bad(mf, 'meeting before the CoP was created');
    if (m.date >= asOf) bad(mf, 'meeting in the future');
    if (!m.recording?.startsWith('https://')) bad(mf, 'no https recording link');
    if (!c.format.formats.includes(m.format)) bad(mf, `format ${m.format} not in charter formats`);
    dupes(mf, 'attendees', m.attendees);
    dupes(mf, 'guests', m.guests);
    dupes(mf, 'preparation', (m.preparation ?? []).map((p) => p.person));
    dupes(mf, 'topics', m.topics);
    for (const a of m.attendees) { known(mf, 'attendee', a); if (!members.has(a)) bad(mf, `attendee ${a} is not a member`); }
    for (const p of m.preparation ?? []) known(mf, 'preparation', p.person);
    const heads = m.attendees.length + (m.guests ?? []).length;
    if (heads < 3) bad(mf, 'fewer than 3 participants');
    const refreshments = (m.costs ?? []).filter((x) => x.category === 'refreshments').reduce((s, x) => s + x.amount, 0);
    if (refreshments / heads > Math.min(CAP, c.budget?.refreshments_per_head ?? CAP)) bad(mf, `refreshments ${refreshments} for ${heads} exceed the cap`);
  }
}

for (const p of problems.slice(0, 30)) console.log(p);
console.log(`verified ${charters} charters, ${meetings} meetings, ${people.length} people: ${problems.length} problems`);
process.exitCode = problems.length ? 1 : 0;

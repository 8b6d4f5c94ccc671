#!/usr/bin/env node
// Writes a synthetic but valid organisation of communities of practice (a data root for `cop`):
//
//   cop.config.yaml, people.yaml, cops/<id>/charter.yaml, cops/<id>/meetings/YYYY-MM-DD[-2].yaml
//
// Deterministic: every choice comes from a seeded PRNG, so the same options give the same bytes.
// Every file satisfies the JSON Schemas in schemas/ and the semantic lints of `cop check`
// (see verify.mjs, which checks them independently), judged as of 2026-11-20.
//
// Usage:  node scripts/bench/generate.mjs <dir> [--cops 500] [--meetings 60000] [--people 3000] [--seed 1]
// Import: import { generateOrganisation } from './generate.mjs'

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SCHEMA_BASE = 'https://unpkg.com/cops-as-code/schemas/';
const header = (kind) => `# yaml-language-server: $schema=${SCHEMA_BASE}${kind}.schema.json\n`;

const MEETINGS_FROM = '2023-02-01';
const MEETINGS_TO = '2026-10-31';
const CURRENT_TERM_FROM = '2026-09-01'; // the current coordinator term starts on or after this day
const REFRESHMENTS_CAP = 6;
const WRITE_CONCURRENCY = 64;

// ---------------------------------------------------------------- PRNG (sfc32, seeded by splitmix32)

function makeRandom(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  /** k distinct items of arr (k ≤ arr.length), in random order. */
  const sample = (arr, k) => {
    const copy = arr.slice();
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  };
  return { next, int, pick, chance, sample };
}

// ---------------------------------------------------------------- calendar dates (UTC, no time zones)

const DAY = 86_400_000;
const toMs = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso, n) => toIso(toMs(iso) + n * DAY);
/** date-fns semantics: the same day n months later, clamped to the month's last day. */
function addMonths(iso, n) {
  const y = +iso.slice(0, 4), m = +iso.slice(5, 7) - 1 + n, d = +iso.slice(8, 10);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return toIso(Date.UTC(y, m, Math.min(d, last)));
}

// ---------------------------------------------------------------- YAML text helpers

/** A YAML scalar for a string: plain when obviously safe, otherwise a JSON (double-quoted) string. */
function str(s) {
  return /^[A-Za-z][A-Za-z0-9 .,'()/&+-]*[A-Za-z0-9.)]$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(s)
    ? s
    : JSON.stringify(s);
}
const list = (indent, items) => items.map((x) => `${indent}- ${x}\n`).join('');
const money = (x) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------- vocabulary

const FIRST = ['alex', 'amara', 'ben', 'carla', 'chen', 'dara', 'eli', 'emma', 'farid', 'freya', 'gita', 'hamid', 'ines', 'ivan',
  'jana', 'jonas', 'kai', 'kemi', 'lara', 'leo', 'mai', 'marek', 'nadia', 'noah', 'olga', 'omar', 'priya', 'paul', 'quinn', 'rosa',
  'ravi', 'sara', 'sven', 'tara', 'tomas', 'uma', 'victor', 'wen', 'xavier', 'yara', 'yusuf', 'zoe', 'aiko', 'bruno', 'cleo', 'diego'];
const LAST = ['adams', 'baker', 'costa', 'dubois', 'evans', 'fischer', 'garcia', 'hansen', 'ito', 'jensen', 'kowalski', 'larsen',
  'moreau', 'nakamura', 'okafor', 'petrov', 'quist', 'rossi', 'silva', 'tanaka', 'urban', 'varga', 'weber', 'xu', 'yilmaz', 'zhang',
  'howarth', 'mbeki', 'novak', 'oliveira', 'park', 'reyes', 'schmidt', 'suzuki', 'torres', 'wright'];
const cap = (w) => w[0].toUpperCase() + w.slice(1);

const SUBJECTS = [
  ['aws', 'AWS', 'AWS native services'], ['kubernetes', 'Kubernetes', 'Running workloads on Kubernetes'],
  ['frontend', 'Frontend', 'Browser applications'], ['testing', 'Testing', 'Automated testing'],
  ['security', 'Security', 'Application security'], ['data', 'Data Engineering', 'Data pipelines'],
  ['ml', 'Machine Learning', 'Applied machine learning'], ['accessibility', 'Accessibility', 'Accessible products'],
  ['architecture', 'Architecture', 'Software architecture'], ['devex', 'Developer Experience', 'Developer tooling'],
  ['observability', 'Observability', 'Logs, metrics and traces'], ['rust', 'Rust', 'Rust in production'],
  ['java', 'Java', 'The JVM platform'], ['python', 'Python', 'Python services'], ['design', 'Design Systems', 'Shared UI components'],
  ['agile', 'Agile', 'Agile delivery'], ['sre', 'SRE', 'Site reliability engineering'], ['mobile', 'Mobile', 'Mobile apps'],
  ['api', 'API Design', 'HTTP API design'], ['platform', 'Platform Engineering', 'Internal platforms'],
];
const TOPIC_WORDS = ['versioning', 'migration', 'cost control', 'incident review', 'code review', 'naming conventions', 'caching',
  'feature flags', 'dependency updates', 'performance', 'onboarding', 'documentation', 'release process', 'error handling',
  'monitoring', 'pairing', 'threat modelling', 'test data', 'state management', 'tooling', 'automation', 'standards',
  'lessons learned', 'roadmap', 'tech radar', 'pipelines', 'secrets', 'schemas', 'contracts', 'refactoring'];
const FORMATS = ['round-table', 'agenda-meeting', 'clinic', 'training', 'show-and-tell', 'written-show-and-tell',
  'shared-examples', 'written-training', 'policies-and-standards'];
const FORMAT_TITLE = {
  'round-table': 'Lean coffee', 'agenda-meeting': 'Monthly meeting', clinic: 'Clinic', training: 'Training',
  'show-and-tell': 'Show and tell', 'written-show-and-tell': 'Written show and tell', 'shared-examples': 'Shared examples',
  'written-training': 'Written training', 'policies-and-standards': 'Policies and standards',
};
const SLOTS = ['work-hours', 'lunch', 'after-work'];
const CADENCES = ['weekly', 'fortnightly', 'monthly'];
const GOAL_TYPES = ['support', 'educate', 'evaluate', 'evangelise'];
const AUDIENCES = ['practitioners', 'apprentices', 'others', 'public'];
const GUEST_ORGS = ['Acme Consulting', 'Globex', 'Initech', 'University of Leeds', 'Open Source Foundation', 'Umbrella Labs'];

// ---------------------------------------------------------------- the organisation

function makePeople(rnd, count) {
  const ids = new Set();
  const people = [];
  for (let i = 0; i < count; i++) {
    const first = rnd.pick(FIRST), last = rnd.pick(LAST);
    let id = `${first}.${last}`;
    for (let n = 2; ids.has(id); n++) id = `${first}.${last}${n}`;
    ids.add(id);
    people.push({ id, name: `${cap(first)} ${cap(last)}`, github: `${first}-${last}${i}`, monthly_hours: rnd.pick([2, 4, 4, 4, 6, 8]) });
  }
  // a management chain: the first few people manage everyone else
  const managers = Math.max(1, Math.floor(count / 25));
  for (let i = 1; i < count; i++) if (rnd.chance(0.8)) people[i].manager = people[i < managers ? 0 : rnd.int(0, managers - 1)].id;
  return { people, managers };
}

function peopleYaml(people) {
  let out = header('people') + 'people:\n';
  for (const p of people) {
    out += `  - id: ${p.id}\n    name: ${str(p.name)}\n    github: ${p.github}\n`;
    if (p.manager) out += `    manager: ${p.manager}\n`;
    out += `    monthly_hours: ${p.monthly_hours}\n`;
  }
  return out;
}

function configYaml(people) {
  const cto = people[0].id;
  return header('config') + `organisation: Example Engineering
currency: EUR
policy:
  min_members: 5
  min_participants: 5
  low_participation_months: 2
  rotation_months: 3
  refreshments_per_head: ${REFRESHMENTS_CAP}
  default_monthly_hours: 4
  leader: rotating
  membership: invite-only
budgets:
  - year: 2023
    hours: 150000
    money: 120000
  - year: 2024
    hours: 160000
    money: 130000
  - year: 2025
    hours: 170000
    money: 140000
  - year: 2026
    hours: 180000
    money: 150000
cto: ${cto}
approvers:
  - ${cto}
  - ${people[1].id}
rules: {}
`;
}

function makeCharter(rnd, index, people, managers) {
  const [slug, name, subject] = SUBJECTS[index % SUBJECTS.length];
  const round = Math.floor(index / SUBJECTS.length);
  const id = round === 0 ? slug : `${slug}-${round + 1}`;
  const created = `2023-01-${String(rnd.int(1, 10)).padStart(2, '0')}`;
  const activated = addDays(created, rnd.int(3, 15));
  const memberCount = rnd.int(8, 20);
  // members: not the CTO's management tier, so sponsors differ from members
  const pool = [];
  while (pool.length < memberCount) {
    const p = people[rnd.int(managers, people.length - 1)].id;
    if (!pool.includes(p)) pool.push(p);
  }
  const members = pool;
  const coreGroup = rnd.sample(members, rnd.int(2, 4));
  const sponsor = people[rnd.int(0, managers - 1)].id;
  const formats = rnd.sample(FORMATS, rnd.int(1, 3));
  const slot = rnd.pick(SLOTS);
  const duration = rnd.pick([30, 45, 60, 60, 90]);
  const cadence = rnd.pick(CADENCES);

  // coordinator terms: 3-month terms from activation, the current one opening on or after CURRENT_TERM_FROM
  const currentFrom = addDays(CURRENT_TERM_FROM, rnd.int(0, 30));
  const starts = [];
  for (let k = 0; ; k++) {
    const s = addMonths(activated, 3 * k);
    if (s >= currentFrom) break;
    starts.push(s);
  }
  starts.push(currentFrom);
  const terms = [];
  let prev = null;
  for (let k = 0; k < starts.length; k++) {
    let person;
    do person = rnd.pick(members); while (person === prev);
    prev = person;
    terms.push({ person, from: starts[k], until: k + 1 < starts.length ? addDays(starts[k + 1], -1) : undefined });
  }
  let deputy;
  do deputy = rnd.pick(members); while (deputy === prev);

  const goalCount = rnd.int(1, 3);
  const goals = [];
  for (const topic of rnd.sample(TOPIC_WORDS, goalCount)) {
    goals.push({
      type: rnd.pick(GOAL_TYPES),
      audiences: rnd.sample(AUDIENCES, rnd.int(1, 2)),
      description: `${cap(rnd.pick(['share', 'document', 'teach', 'review', 'agree on']))} ${topic} for ${subject.toLowerCase()}`,
      review_by: `2027-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
    });
  }
  const otherCosts = rnd.chance(0.4) ? [{ category: rnd.pick(['licence', 'materials']), amount: rnd.pick([10, 25, 50, 120]), per: rnd.pick(['month', 'year']) }] : [];

  let y = header('charter');
  y += `id: ${id}\nname: ${str(round === 0 ? name : `${name} ${round + 1}`)}\nstatus: active\ncreated: ${created}\nactivated: ${activated}\n`;
  y += `scope:\n  subject: ${str(subject)}\n  in:\n${list('    ', rnd.sample(TOPIC_WORDS, 3).map((t) => str(cap(t))))}`;
  y += `  out:\n${list('    ', rnd.sample(['Vendor selection', 'Hiring', 'Team processes', 'Product decisions'], 1))}`;
  y += `rationale: ${str(`${subject} matters to most of our products; sharing what works saves every team time`)}\n`;
  y += 'goals:\n';
  for (const g of goals) {
    y += `  - type: ${g.type}\n    audiences:\n${list('      ', g.audiences)}    description: ${str(g.description)}\n    review_by: ${g.review_by}\n`;
  }
  y += `sponsor: ${sponsor}\ncoordinator:\n  rotation_months: 3\n  deputy: ${deputy}\n  terms:\n`;
  for (const t of terms) y += `    - person: ${t.person}\n      from: ${t.from}\n${t.until ? `      until: ${t.until}\n` : ''}`;
  y += `core_group:\n${list('  ', coreGroup)}members:\n${list('  ', members)}`;
  y += `membership: ${rnd.pick(['open', 'invite-only'])}\nmax_members: ${memberCount + rnd.int(0, 10)}\n`;
  y += `format:\n  formats:\n${list('    ', formats)}  cadence: ${cadence}\n  duration_minutes: ${duration}\n  slot: ${slot}\n`;
  y += `  channel: "#cop-${id}"\n  recordings: https://video.example.org/cops/${id}\n`;
  y += `budget:\n  hours_per_month: ${rnd.pick([2, 4, 6])}\n  refreshments_per_head: ${REFRESHMENTS_CAP}\n`;
  if (otherCosts.length) {
    y += '  other_costs:\n';
    for (const c of otherCosts) y += `    - category: ${c.category}\n      description: Shared ${c.category}\n      amount: ${c.amount}\n      per: ${c.per}\n`;
  }
  return { id, created, members, formats, slot, duration, otherCosts, subject, text: y };
}

/** Meeting dates for one CoP: `count` days spread over the window, about 3% of them a second meeting that day. */
function meetingDates(rnd, count) {
  const from = toMs(MEETINGS_FROM), span = (toMs(MEETINGS_TO) - from) / DAY; // whole days
  const names = [];
  let lastDay = -1;
  for (let i = 0; i < count; i++) {
    const date = toIso(from + lastDay * DAY);
    if (i > 0 && rnd.chance(0.03) && !names[names.length - 1].endsWith('-2')) {
      names.push(`${date}-2`); // a second meeting on the same day
      continue;
    }
    // next day: evenly spread with jitter, strictly after the previous meeting day, never past the window
    const ideal = Math.round(((i + 0.5) * span) / count) + rnd.int(-3, 3);
    const remaining = count - i - 1;
    const day = Math.min(Math.max(ideal, lastDay + 1), span - remaining);
    lastDay = Math.max(day, lastDay + 1);
    names.push(toIso(from + lastDay * DAY));
  }
  return names;
}

function meetingYaml(rnd, cop, name) {
  const date = name.slice(0, 10);
  const format = rnd.pick(cop.formats);
  const topics = rnd.sample(TOPIC_WORDS, rnd.int(1, 3)).map((t) => cap(t));
  const attendees = rnd.sample(cop.members, rnd.int(3, Math.min(12, cop.members.length)));
  const guests = rnd.chance(0.15)
    ? rnd.sample(GUEST_ORGS, rnd.int(1, 2)).map((org) => ({ name: `${cap(rnd.pick(FIRST))} ${cap(rnd.pick(LAST))}`, organisation: org }))
    : [];
  const participants = attendees.length + guests.length;
  const slot = rnd.chance(0.9) ? cop.slot : rnd.pick(SLOTS);
  let y = header('meeting');
  // A day's second meeting is titled apart, or no-duplicate-meeting would rightly flag it as a copy.
  const second = name.endsWith('-2') ? ' (second session)' : '';
  y += `date: ${date}\ntitle: ${str(`${FORMAT_TITLE[format]}: ${topics[0].toLowerCase()}${second}`)}\nformat: ${format}\n`;
  y += `duration_minutes: ${rnd.chance(0.8) ? cop.duration : rnd.pick([30, 45, 60, 90, 120])}\nslot: ${slot}\n`;
  y += `attendees:\n${list('  ', attendees)}`;
  if (guests.length) {
    y += 'guests:\n';
    for (const g of guests) y += `  - name: ${str(g.name)}\n    organisation: ${str(g.organisation)}\n`;
  }
  if (rnd.chance(0.7)) {
    y += 'preparation:\n';
    for (const p of rnd.sample(attendees, rnd.int(1, 2))) y += `  - person: ${p}\n    hours: ${rnd.pick([0.5, 1, 1, 1.5, 2, 3])}\n`;
  }
  const costs = [];
  if (slot !== 'work-hours' || rnd.chance(0.3)) {
    // refreshments: at most the cap per head, rounded down to the cent
    const perHead = rnd.int(150, REFRESHMENTS_CAP * 100 - 10) / 100;
    costs.push(`  - category: refreshments\n    amount: ${Math.floor(participants * perHead * 100) / 100}\n    description: ${rnd.pick(['Coffee and biscuits', 'Sandwiches', 'Pizza', 'Fruit and drinks'])}\n`);
  }
  if (cop.otherCosts.length && rnd.chance(0.05)) {
    costs.push(`  - category: ${cop.otherCosts[0].category}\n    amount: ${money(rnd.int(500, 4000) / 100)}\n`);
  }
  if (costs.length) y += `costs:\n${costs.join('')}`;
  y += `recording: https://video.example.org/cops/${cop.id}/${name}\n`;
  y += `topics:\n${list('  ', topics.map(str))}`;
  if (rnd.chance(0.1)) y += `notes: ${str(`Follow-up on ${topics[0].toLowerCase()} next time`)}\n`;
  return y;
}

/** Yields [relative path, text] for every file, in a fixed order (so the PRNG sequence is deterministic). */
function* files(opts) {
  const rnd = makeRandom(opts.seed);
  const { people, managers } = makePeople(rnd, opts.people);
  yield ['cop.config.yaml', configYaml(people)];
  yield ['people.yaml', peopleYaml(people)];
  const base = Math.floor(opts.meetings / opts.cops), extra = opts.meetings % opts.cops;
  for (let c = 0; c < opts.cops; c++) {
    const cop = makeCharter(rnd, c, people, managers);
    yield [`cops/${cop.id}/charter.yaml`, cop.text];
    for (const name of meetingDates(rnd, base + (c < extra ? 1 : 0))) {
      yield [`cops/${cop.id}/meetings/${name}.yaml`, meetingYaml(rnd, cop, name)];
    }
  }
}

/**
 * Writes the organisation into `dir` (created if needed). Returns { files, bytes, ms }.
 * @param {string} dir
 * @param {{cops?: number, meetings?: number, people?: number, seed?: number}} [options]
 */
export async function generateOrganisation(dir, { cops = 500, meetings = 60000, people = 3000, seed = 1 } = {}) {
  if (people < 30) throw new Error('generateOrganisation: need at least 30 people');
  if (cops < 1 || meetings < 0) throw new Error('generateOrganisation: need at least one CoP');
  if (meetings / cops > 1000) throw new Error('generateOrganisation: at most 1000 meetings per CoP fit the date window');
  const started = performance.now();
  const madeDirs = new Map(); // folder → its mkdir promise (other workers wait on the same one)
  let count = 0, bytes = 0;
  const it = files({ cops, meetings, people, seed });
  const worker = async () => {
    for (let r = it.next(); !r.done; r = it.next()) {
      const [rel, text] = r.value;
      const file = path.join(dir, rel);
      const parent = path.dirname(file);
      if (!madeDirs.has(parent)) madeDirs.set(parent, mkdir(parent, { recursive: true }));
      await madeDirs.get(parent);
      await writeFile(file, text);
      count++;
      bytes += Buffer.byteLength(text);
    }
  };
  await mkdir(dir, { recursive: true });
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
  return { files: count, bytes, ms: performance.now() - started };
}

export function parseSizeArgs(argv) {
  const opts = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(cops|meetings|people|seed)$/.exec(argv[i]);
    if (m) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${argv[i - 1]} needs a whole number`);
      opts[m[1]] = n;
    } else rest.push(argv[i]);
  }
  return { opts, rest };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { opts, rest } = parseSizeArgs(process.argv.slice(2));
  if (rest.length !== 1) {
    console.error('usage: node scripts/bench/generate.mjs <dir> [--cops N] [--meetings N] [--people N] [--seed N]');
    process.exit(2);
  }
  const r = await generateOrganisation(rest[0], opts);
  console.log(`generated ${r.files} files (${(r.bytes / 1e6).toFixed(1)} MB) in ${rest[0]} in ${(r.ms / 1000).toFixed(2)} s`);
}

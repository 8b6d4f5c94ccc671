#!/usr/bin/env node
// Regenerates the meeting logs of the bundled example organisation (cops/*/meetings/)
// from the session history in sessions.mjs and the charters in cops/*/charter.yaml.
// Deterministic: the same input always writes the same files.
//
//   node scripts/example/generate.mjs          write the logs and print yearly totals
//   node scripts/example/generate.mjs --dry    print the totals only
import { readFileSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { sessions, visitors, food } from './sessions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dry = process.argv.includes('--dry');
const configPath = join(root, 'cop.config.yaml');
const config = existsSync(configPath) ? parse(readFileSync(configPath, 'utf8'), { version: '1.2' }) ?? {} : {};
const defaultCap = config.policy?.refreshments_per_head ?? 6;

// A small seeded PRNG so the output is stable.
function rng(seedText) {
  let h = 1779033703 ^ seedText.length;
  for (let i = 0; i < seedText.length; i++) {
    h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}
const shuffle = (xs, rand) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

// YAML emitting: plain scalars where safe, double quotes otherwise, folded blocks for long notes.
function scalar(v) {
  if (typeof v === 'number') return String(v);
  const unsafe = /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(v) || /: |\s#|:$|\s$/.test(v) ||
    /^(true|false|null|yes|no|on|off|~)$/i.test(v) || !Number.isNaN(Number(v)) || /^\d{4}-\d\d-\d\d/.test(v);
  return unsafe ? JSON.stringify(v) : v;
}
function money(v) {
  return v.toFixed(2);
}
function folded(key, text, indent = '') {
  if (text.length + key.length + 2 <= 96) return `${indent}${key}: ${scalar(text)}`;
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > 88) { lines.push(line); line = w; } else line = line ? line + ' ' + w : w;
  }
  lines.push(line);
  return `${indent}${key}: >-\n` + lines.map((l) => `${indent}  ${l}`).join('\n');
}

// Where each pruned member stood in `members` before `cop members prune` moved them to `alumni`.
const formerPlace = { 'ellie.watts': 'rosa.delgado', 'mateo.garcia': 'daniel.kowalski', 'hannah.price': 'ben.hartley' };

/** The members on `date`: the current ones, plus alumni who had not left yet, each back after the member they followed. */
function rosterOn(charter, date) {
  const roster = [...charter.members];
  for (const { person, left } of charter.alumni ?? []) {
    if (date < left) roster.splice(roster.indexOf(formerPlace[person]) + 1, 0, person);
  }
  return roster;
}

function currentCoordinator(charter, date) {
  const term = charter.coordinator.terms.find((t) => t.from <= date && (!t.until || date <= t.until));
  return term?.person;
}

const totals = {};
const files = [];

for (const [copId, list] of Object.entries(sessions)) {
  const charter = parse(readFileSync(join(root, 'cops', copId, 'charter.yaml'), 'utf8'), { version: '1.2' });
  const cap = charter.budget?.refreshments_per_head ?? defaultCap;
  const dir = join(root, 'cops', copId, 'meetings');
  if (!dry) { rmSync(dir, { recursive: true, force: true }); mkdirSync(dir, { recursive: true }); }
  const seenDates = {};

  for (const s of list) {
    seenDates[s.d] = (seenDates[s.d] ?? 0) + 1;
    const stem = seenDates[s.d] === 1 ? s.d : `${s.d}-${seenDates[s.d]}`;
    if (s.cancelled) {
      // A cancelled meeting: logged with its reason, no attendees, no recording.
      const out = ['# yaml-language-server: $schema=../../../schemas/meeting.schema.json'];
      out.push(`date: ${s.d}`, `title: ${scalar(s.t)}`, `format: ${s.f}`, `duration_minutes: ${s.dur ?? charter.format.duration_minutes}`, 'attendees: []');
      out.push('cancelled: true', folded('reason', s.cancelled));
      if (!dry) writeFileSync(join(dir, `${stem}.yaml`), out.join('\n') + '\n');
      files.push(`${copId}/${stem}`);
      continue;
    }
    const rand = rng(`${copId}/${stem}`);
    const slot = s.slot ?? charter.format.slot;
    const duration = s.dur ?? charter.format.duration_minutes;
    const guests = (s.g ?? []).map(([name, organisation]) => ({ name, organisation }));
    const want = s.n - guests.length;

    const chosen = new Set(s.who ?? []);
    const coord = currentCoordinator(charter, s.d);
    if (coord && !s.who) chosen.add(coord);
    for (const p of s.also ?? []) chosen.add(p); // the sponsor dropping in, say
    for (const [p] of s.prep ?? []) chosen.add(p);
    const core = shuffle((charter.core_group ?? []).filter((p) => !chosen.has(p)), rand);
    // Alumni were members until the day they left; splicing them back at their old place keeps the picks stable.
    const roster = rosterOn(charter, s.d);
    const others = shuffle(roster.filter((p) => !chosen.has(p) && !core.includes(p)), rand);
    // Core members come most often; now and then someone from outside the CoP drops in.
    const pool = [...core.filter(() => rand() < 0.85), ...others, ...core];
    if (!s.who && want >= 5 && rand() < 0.25) {
      const v = visitors[copId][Math.floor(rand() * visitors[copId].length)];
      if (!chosen.has(v)) chosen.add(v);
    }
    for (const p of pool) { if (chosen.size >= want) break; chosen.add(p); }
    for (const p of visitors[copId]) { if (chosen.size >= want) break; chosen.add(p); }
    if (chosen.size !== want) throw new Error(`${copId} ${stem}: wanted ${want} attendees, have ${chosen.size}`);
    const order = [...roster, ...visitors[copId], ...(s.also ?? [])];
    const attendees = [...chosen].sort((a, b) => {
      if (a === coord) return -1;
      if (b === coord) return 1;
      return order.indexOf(a) - order.indexOf(b);
    });

    const costs = [];
    if ((slot === 'lunch' || slot === 'after-work') && !s.noFood) {
      const perHead = cap * (0.72 + rand() * 0.25);
      let amount = Math.round(s.n * perHead * 100) / 100;
      if (rand() < 0.4) amount = Math.floor(amount * 2) / 2; // a round receipt now and then
      if (amount > cap * s.n) amount = cap * s.n;
      const menu = food[slot];
      costs.push({ category: 'refreshments', amount, description: menu[Math.floor(rand() * menu.length)] });
    }
    for (const [category, amount, description] of s.costs ?? []) costs.push({ category, amount, description });

    const out = ['# yaml-language-server: $schema=../../../schemas/meeting.schema.json'];
    out.push(`date: ${s.d}`, `title: ${scalar(s.t)}`, `format: ${s.f}`, `duration_minutes: ${duration}`, `slot: ${slot}`);
    out.push('attendees:', ...attendees.map((p) => `  - ${p}`));
    if (guests.length) {
      out.push('guests:');
      for (const g of guests) out.push(`  - name: ${scalar(g.name)}`, `    organisation: ${scalar(g.organisation)}`);
    }
    if (s.prep?.length) {
      out.push('preparation:');
      for (const [person, hours] of s.prep) out.push(`  - person: ${person}`, `    hours: ${hours}`);
    }
    if (costs.length) {
      out.push('costs:');
      for (const c of costs) out.push(`  - category: ${c.category}`, `    amount: ${money(c.amount)}`, `    description: ${scalar(c.description)}`);
    }
    out.push(`recording: ${charter.format.recordings}/${stem}`);
    out.push('topics:', ...s.topics.map((t) => `  - ${scalar(t)}`));
    if (s.goals) out.push(`goals: [${s.goals.join(', ')}]`);
    if (s.notes) out.push(folded('notes', s.notes));
    const text = out.join('\n') + '\n';

    // Round-trip check: what we wrote parses back to what we meant.
    const back = parse(text, { version: '1.2' });
    if (back.title !== s.t || back.date !== s.d || (s.notes && back.notes !== s.notes) || back.topics.join('|') !== s.topics.join('|'))
      throw new Error(`${copId} ${stem}: YAML round trip changed a value`);
    if (!dry) writeFileSync(join(dir, `${stem}.yaml`), text);
    files.push(`${copId}/${stem}`);

    const year = s.d.slice(0, 4);
    const t = (totals[year] ??= { attendance: 0, preparation: 0, money: 0 });
    if (slot === 'work-hours') t.attendance += (duration / 60) * attendees.length;
    t.preparation += (s.prep ?? []).reduce((sum, [, h]) => sum + h, 0);
    t.money += costs.reduce((sum, c) => sum + c.amount, 0);
  }
}

console.log(`${dry ? 'would write' : 'wrote'} ${files.length} meeting logs`);
for (const [year, t] of Object.entries(totals))
  console.log(`${year}: ${(t.attendance + t.preparation).toFixed(1)} h (attendance ${t.attendance.toFixed(1)}, preparation ${t.preparation.toFixed(1)}), money ${t.money.toFixed(2)}`);
if (!existsSync(join(root, 'cop.config.yaml'))) console.log('note: no cop.config.yaml; used the default refreshments cap');

/**
 * The text of each file `cop init` writes. Pure. The workflow and the pull-request template are
 * this package's own (.github/ of cops-as-code, shipped with it): the repository that builds the
 * tool runs the same workflow an organisation gets, so the two cannot drift apart.
 */
import { stringify } from 'yaml';
import { lineEndingOf } from '../core/line-endings.js';
import { DEFAULT_POLICY } from '../model/policy.js';
import type { InitAnswers } from './answers.js';

/** cop.config.yaml, every policy number written out with what it means. */
export function configYaml(a: InitAnswers, schema: string): string {
  const p = DEFAULT_POLICY;
  const approvers = [a.cto, ...a.approvers].map((person) => `  - ${person.id}`).join('\n');
  return `# yaml-language-server: $schema=${schema}
# The organisation's CoP policy, its yearly budgets and who approves changes.
# Every setting is optional; the policy values below are the defaults, written out.
organisation: ${stringify(a.organisation).trimEnd()}
currency: ${a.currency}

policy:
  # A CoP needs at least this many interested people to be created.
  min_members: ${p.min_members}
  # A month counts as reached when a meeting had at least this many participants (attendees + guests) ...
  min_participants: ${p.min_participants}
  # ... and a CoP is flagged for dissolution after more than this many unreached months in a row.
  low_participation_months: ${p.low_participation_months}
  # Coordinators rotate every this many months unless a charter says otherwise.
  rotation_months: ${p.rotation_months}
  # Refreshments cap per head and meeting (in ${a.currency}), unless a charter sets a lower one.
  refreshments_per_head: ${p.refreshments_per_head}
  # CoP work hours per person per month, unless people.yaml agrees a different figure.
  default_monthly_hours: ${p.default_monthly_hours}
  # rotating: coordinators take turns; appointed: the CTO appoints a fixed leader.
  leader: ${a.leader}
  # The membership of a new CoP: invite-only (the coordinator keeps the group within budget) or open.
  membership: ${a.membership}

# One budget for the whole CoP practice, set at the start of each year:
# work hours (attendance in work hours plus preparation) and money.
budgets:
  - year: ${a.year}
    hours: ${a.hours}
    money: ${a.money}

# The CTO appoints fixed leaders and decides whether a CoP is still strategic.
cto: ${a.cto.id}
# Who must approve changes to this file, people.yaml, CODEOWNERS, the workflows and new CoPs.
approvers:
${approvers}
`;
}

/** people.yaml with the CTO and the approvers. */
export function peopleYaml(a: InitAnswers, schema: string): string {
  const people = [a.cto, ...a.approvers].map(({ id, name, github }) => ({ id, name, ...(github ? { github } : {}) }));
  return `# yaml-language-server: $schema=${schema}
# Everyone who takes part in, sponsors or approves a community of practice. \`github\` is the
# handle CODEOWNERS uses; \`monthly_hours\` (optional) the CoP work time agreed with their manager.
${stringify({ people }, { lineWidth: 100 })}`;
}

/** `npx --no cop <command>` with `--root <dir>` when the data root is a subfolder of the repository. */
export function workflowYaml(template: string, prefix: string): string {
  if (prefix === '') return template;
  const root = prefix.replace(/\/$/, '');
  return template.replace(/(npx --no cop [a-z]+)/g, `$1 --root ${root}`);
}

/** The pull-request template, with the organisation's minimum members. */
export function pullRequestTemplate(template: string, minMembers: number): string {
  return template.replace(/\*\*\d+ people\*\*/, `**${minMembers} people**`);
}

/** Runs `cop check` on the CoP files a commit changes, with the cop the lockfile pins. */
export function preCommitConfig(prefix: string): string {
  const root = prefix.replace(/\/$/, '');
  const files = `^${prefix.replace(/[.]/g, '\\.')}(cops/.*\\.ya?ml|people\\.yaml|cop\\.config\\.yaml)$`;
  return `# pre-commit (https://pre-commit.com): \`pre-commit install\` once per clone, and every commit
# runs \`cop check\` on the CoP files it changes (and reports what they break elsewhere);
# --cache keeps the results of unchanged files in node_modules/.cache/cop/.
repos:
  - repo: local
    hooks:
      - id: cop-check
        name: cop check
        entry: npx --no cop check --cache${root ? ` --root ${root}` : ''}
        language: system
        files: '${files}'
        pass_filenames: true
`;
}

export const PACKAGE = 'cops-as-code';

/** A new package.json pinning this tool, so `npx cop` runs it (not the unrelated npm package `cop`). */
export function newPackageJson(organisation: string, version: string): string {
  const slug = organisation.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'organisation';
  const pkg = { name: `${slug}-cops`, private: true, description: `${organisation}'s communities of practice, as code.`, devDependencies: { [PACKAGE]: version } };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** An existing file with cop's addition, or why it is left as it is. */
export type FileEdit = { kind: 'changed'; text: string } | { kind: 'unchanged'; reason: string };

/**
 * An existing package.json with the devDependency added, in npm's own layout (its indent, line
 * ending and final newline kept; dependencies sorted as npm sorts them), or why it is left alone.
 */
export function addDevDependency(text: string, version: string): FileEdit {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    return { kind: 'unchanged', reason: `not valid JSON (${(error as Error).message}); add "${PACKAGE}": "${version}" to devDependencies by hand` };
  }
  if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg)) return { kind: 'unchanged', reason: 'not a JSON object' };
  for (const field of ['dependencies', 'devDependencies']) {
    const deps = pkg[field] as Record<string, unknown> | undefined;
    if (deps && typeof deps === 'object' && PACKAGE in deps) return { kind: 'unchanged', reason: `${field} has ${PACKAGE} already` };
  }
  const dev = { ...((pkg.devDependencies as Record<string, string> | undefined) ?? {}), [PACKAGE]: version };
  pkg.devDependencies = Object.fromEntries(Object.entries(dev).sort(([a], [b]) => a.localeCompare(b, 'en')));
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(pkg, null, indent).replace(/\n/g, eol);
  return { kind: 'changed', text: /\r?\n$/.test(text) || text === '' ? `${body}${eol}` : body };
}

/**
 * The lines `cop init` puts in .gitignore: installed packages, `cop check --cache`'s file (inside
 * node_modules/ by default, named on its own so the reason is visible) and `cop site`'s default folder.
 */
export function gitignoreLines(cacheFile: string, siteFolder: string): string[] {
  return ['node_modules/', cacheFile, `${siteFolder}/`];
}

/** A .gitignore pattern without the anchoring or folder slashes that do not change what it means here. */
const ignoreKey = (line: string) => line.trim().replace(/^\//, '').replace(/\/$/, '');

/** A new .gitignore with `lines`. */
export function newGitignore(lines: readonly string[]): string {
  return `${['# Written by `cop init`: installed packages, the check cache and the site `cop site` builds.', ...lines].join('\n')}\n`;
}

/** An existing .gitignore with the `lines` it lacks appended: its comments, order and line endings kept. */
export function extendGitignore(text: string, lines: readonly string[]): FileEdit {
  const present = new Set(text.split(/\r?\n/).map(ignoreKey));
  const missing = lines.filter((line) => !present.has(ignoreKey(line)));
  if (missing.length === 0) return { kind: 'unchanged', reason: `ignores ${lines.join(', ')} already` };
  const eol = lineEndingOf(text);
  const start = text === '' || text.endsWith('\n') ? text : `${text}${eol}`;
  return { kind: 'changed', text: `${start}${['# Added by `cop init`.', ...missing].join(eol)}${eol}` };
}

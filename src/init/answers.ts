/** The answers `cop init` needs, their seed defaults and their checks. Pure. */
import { DEFAULT_POLICY } from '../model/policy.js';
import type { Person } from '../model/schema-types.js';
import { checkPersonId } from '../scaffold/fields.js';

export type Leader = 'rotating' | 'appointed';
export type Membership = 'invite-only' | 'open';

export interface InitAnswers {
  organisation: string;
  /** ISO 4217, e.g. GBP. */
  currency: string;
  /** This year's budget for the whole CoP practice. */
  year: number;
  hours: number;
  money: number;
  cto: Person;
  /** Who approves changes to the policy, people, CODEOWNERS and workflows, besides the CTO. */
  approvers: Person[];
  leader: Leader;
  membership: Membership;
}

/** The CTO `--yes` writes when none is named: obviously a placeholder, and still a valid CODEOWNERS owner. */
export const PLACEHOLDER_CTO: Person = { id: 'cto', name: 'Chief Technology Officer', github: 'replace-with-cto-handle' };

/** The seed defaults (the example organisation's budget; the policy numbers of src/model/policy.ts). */
export function initDefaults(organisation: string, year: number): InitAnswers {
  return {
    organisation,
    currency: 'GBP',
    year,
    hours: 320,
    money: 1600,
    cto: PLACEHOLDER_CTO,
    approvers: [],
    leader: DEFAULT_POLICY.leader,
    membership: DEFAULT_POLICY.membership,
  };
}

const GITHUB_HANDLE = /^[A-Za-z0-9](-?[A-Za-z0-9]){0,38}$/;

/** `eur` → `EUR`: a currency code is written in capitals, whoever types it. */
export const normaliseCurrency = (code: string) => code.trim().toUpperCase();

/** Why `code` (as typed: `eur` is fine) is no currency code, or undefined. */
export function checkCurrency(code: string): string | undefined {
  return /^[A-Z]{3}$/.test(normaliseCurrency(code)) ? undefined : `\`${code}\` is not a currency code: three capital letters (ISO 4217), e.g. GBP, EUR, USD.`;
}

export function checkGithub(handle: string): string | undefined {
  return GITHUB_HANDLE.test(handle.replace(/^@/, '')) ? undefined : `\`${handle}\` is not a GitHub handle (letters, digits and single hyphens, at most 39).`;
}

/**
 * A person written `id:Full Name:github-handle` (the name defaults from the id). The handle is
 * required: CODEOWNERS can only require the approval of someone with one.
 */
export function parsePersonSpec(spec: string): { ok: true; person: Person } | { ok: false; problem: string } {
  const [id = '', name = '', github = '', ...rest] = spec.split(':').map((part) => part.trim());
  const problem =
    rest.length > 0 ? `\`${spec}\`: expected id:Full Name:github-handle.`
    : (checkPersonId(id) ?? (github === '' ? `\`${spec}\`: give the GitHub handle too (id:Full Name:github-handle); CODEOWNERS needs it.` : checkGithub(github)));
  if (problem) return { ok: false, problem };
  return { ok: true, person: { id, name: name || nameFromPersonId(id), github: github.replace(/^@/, '') } };
}

/** `priya.raman` → `Priya Raman`. */
export function nameFromPersonId(id: string): string {
  return id.split(/[._-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

/** Everything wrong with a complete set of answers (empty when none). */
export function initProblems(a: InitAnswers): string[] {
  const problems: string[] = [];
  if (a.organisation.trim() === '') problems.push('The organisation needs a name.');
  const currency = checkCurrency(a.currency);
  if (currency) problems.push(currency);
  for (const [what, value] of [['hours', a.hours], ['money', a.money]] as const) {
    if (!Number.isFinite(value) || value < 0) problems.push(`This year's ${what}: expected a number, 0 or more.`);
  }
  const ids = [a.cto, ...a.approvers].map((p) => p.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) problems.push(`Named twice: ${[...new Set(twice)].map((id) => `\`${id}\``).join(', ')}.`);
  return problems;
}

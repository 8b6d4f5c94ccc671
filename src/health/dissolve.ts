/**
 * `cop dissolve`'s core: whether a decision may be recorded, the charter it produces, whether
 * that charter still passes `cop check`, and the pull request that records it. Pure.
 */
import type { IsoDate } from '../core/dates.js';
import { didYouMean, unknownCop } from '../core/suggest.js';
import { resolveSeverities } from '../lint/severities.js';
import { runRules } from '../lint/run-rules.js';
import type { Charter, Dissolution, DissolutionTrigger } from '../model/schema-types.js';
import { CONFIGURABLE_CHECKS, RULES } from '../rules/index.js';
import type { Validate } from '../schema/validator.js';
import { charters, personIndex, type CopFolder, type Workspace } from '../workspace/workspace.js';
import { activeSince } from '../model/charter.js';
import { copHealth } from './evaluate.js';
import { decidedBy } from './triggers.js';

export const DISSOLUTION_REASONS: readonly DissolutionTrigger[] = ['low-participation', 'topics-finished', 'not-strategic'];

export interface DissolutionRequest {
  id: string;
  reason: string;
  decidedBy: string;
  date: IsoDate;
  note?: string;
}

export type DissolutionPlan =
  | { ok: true; cop: CopFolder & { charter: Charter }; dissolved: Dissolution }
  | { ok: false; problem: string };

/** Refuses a CoP that is unknown or not active, an unknown reason, an unknown person, or a date out of range. */
export function planDissolution(ws: Workspace, request: DissolutionRequest, asOf: IsoDate): DissolutionPlan {
  const refuse = (problem: string): DissolutionPlan => ({ ok: false, problem });
  const cop = ws.cops.find((c) => c.id === request.id);
  if (!cop?.charter) return refuse(unknownCop(request.id, charters(ws).map((c) => c.id)));
  const charter = cop.charter;
  if (charter.status !== 'active') return refuse(`\`${request.id}\` is ${charter.status}: only an active CoP can be dissolved.`);
  const reason = DISSOLUTION_REASONS.find((r) => r === request.reason);
  if (!reason) return refuse(`Unknown reason \`${request.reason}\`: use one of ${DISSOLUTION_REASONS.join(', ')}.`);
  const people = personIndex(ws);
  if (!people.has(request.decidedBy)) return refuse(`\`${request.decidedBy}\` is not in people.yaml: --decided-by names a person by id.${didYouMean(request.decidedBy, people.keys())}`);
  const since = activeSince(charter);
  if (request.date < since) return refuse(`--date ${request.date} is before \`${request.id}\` became active on ${since}.`);
  if (request.date > asOf) return refuse(`--date ${request.date} is after ${asOf}: record a decision once it is made.`);
  const dissolved: Dissolution = { date: request.date, reason, decided_by: request.decidedBy };
  // Recorded: the triggers the CoP met that day (the plan is complete once they are known).
  dissolved.triggers_met = dissolutionWarnings(ws, { ...cop, charter }, dissolved).triggersMet;
  if (request.note !== undefined && request.note.trim() !== '') dissolved.note = request.note.trim();
  return { ok: true, cop: { ...cop, charter }, dissolved };
}

/**
 * The error findings `cop check` would report once `charter` replaces the CoP's charter, from the
 * rules it can change (the organisation's, and the CoP's own), as `file: message` lines (empty
 * when it passes). Run on a workspace that had no errors, any error here comes from the change.
 */
export function checkReplacedCharter(ws: Workspace, id: string, charter: Charter, validate: Validate, asOf: IsoDate): string[] {
  const file = `cops/${id}/charter.yaml`;
  const schemaIssues = validate('charter', charter).map((issue) => `${file}: ${issue.message}`);
  if (schemaIssues.length > 0) return schemaIssues;
  const changed: Workspace = { ...ws, cops: ws.cops.map((cop) => (cop.id === id ? { ...cop, charter } : cop)) };
  const { severities } = resolveSeverities(ws.config, CONFIGURABLE_CHECKS);
  return runRules(changed, RULES, severities, asOf, {}, changed.cops.filter((cop) => cop.id === id))
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.file}: ${finding.message} (${finding.ruleId})`);
}

/**
 * What a person would want to know before a dissolution is recorded: the triggers the CoP meets
 * on the day of the decision (recorded in `dissolved.triggers_met`), and warnings when it meets
 * none, when the reason given is not one it meets, or when the person deciding is not one the
 * policy lets decide that trigger.
 */
export function dissolutionWarnings(ws: Workspace, cop: CopFolder & { charter: Charter }, dissolved: Dissolution): { triggersMet: DissolutionTrigger[]; warnings: string[] } {
  const { date, reason, decided_by: who } = dissolved;
  if (date === undefined) return { triggersMet: [], warnings: [] };
  const triggersMet = copHealth(cop, ws, date).triggers.filter((t) => t.level === 'flagged').map((t) => t.id);
  const warnings: string[] = [];
  if (triggersMet.length === 0) {
    warnings.push(`Dissolving a healthy CoP: \`${cop.id}\` meets no dissolution trigger on ${date} (see \`cop health ${cop.id}\`).`);
  } else if (reason && !triggersMet.includes(reason)) {
    warnings.push(`\`${cop.id}\` meets ${triggersMet.join(' and ')} on ${date}, not ${reason}, the reason given.`);
  }
  if (reason && who) {
    const allowed = decidedBy(reason, cop.charter, ws.config, date);
    if (!allowed.people.includes(who)) {
      const role = { cop: "the CoP's members", coordinator: 'the coordinator', cto: 'the CTO or sponsor' }[allowed.role];
      const names = allowed.people.length ? ` (${allowed.people.join(', ')})` : '';
      warnings.push(`\`${who}\` decided, but the policy lets ${role}${names} decide ${reason}.`);
    }
  }
  return { triggersMet, warnings };
}

export interface PullRequestStep {
  branch: string;
  files: string[];
  commitMessage: string;
  /** Who approves the pull request: the sponsor, and the CTO where the CTO decides. */
  approvers: string[];
}

export function dissolutionPullRequest(cop: CopFolder & { charter: Charter }, dissolved: Dissolution, cto: string | undefined): PullRequestStep {
  const approvers = [cop.charter.sponsor, dissolved.reason === 'not-strategic' ? cto : undefined].filter((id): id is string => id !== undefined);
  return {
    branch: `dissolve-${cop.id}`,
    files: [cop.charterFile],
    commitMessage: `Dissolve ${cop.charter.name}: ${dissolved.reason}, decided by ${dissolved.decided_by} on ${dissolved.date}`,
    approvers: [...new Set(approvers)],
  };
}

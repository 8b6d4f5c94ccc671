/**
 * `cop activate`'s core: whether a proposed CoP may become active, and the edits that make it so.
 * Pure. The policy's conditions are those a proposal was already meant to meet (rules
 * `min-members` and `charter-complete`), checked here whatever severity the organisation gave
 * those rules, and every unmet one is listed, not just the first.
 */
import type { IsoDate } from '../core/dates.js';
import { didYouMean, unknownCop } from '../core/suggest.js';
import { currentTerm, missingParts, tooFewMembers } from '../model/charter.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Charter, CoordinatorTerm } from '../model/schema-types.js';
import { charters, personIndex, type CopFolder, type Workspace } from '../workspace/workspace.js';

/** Why the charter does not meet the policy for activation (empty when it does). Ignores its status. */
export function activationProblems(charter: Charter, policy: ResolvedPolicy): string[] {
  const few = tooFewMembers({ ...charter, status: 'active' }, policy);
  return [...(few ? [few] : []), ...missingParts(charter).map((part) => part.message)];
}

export interface ActivationRequest {
  id: string;
  /** The day the CoP becomes active (the day its pull request merges). */
  date: IsoDate;
  /** The first coordinator, when no term covers `date`; default: the person of the charter's last term. */
  coordinator?: string;
}

export type ActivationPlan =
  | {
      ok: true;
      cop: CopFolder & { charter: Charter };
      /** The term to add to `coordinator.terms`, when none covers the activation day. */
      newTerm: CoordinatorTerm | null;
      /** The charter once activated. */
      activated: Charter;
    }
  /** `usage`: the request itself is wrong (no such CoP, not proposed), not the charter. */
  | { ok: false; usage: boolean; problems: string[] };

export function planActivation(ws: Workspace, request: ActivationRequest, asOf: IsoDate): ActivationPlan {
  const all = charters(ws);
  const cop = all.find((c) => c.id === request.id);
  if (!cop) return { ok: false, usage: true, problems: [unknownCop(request.id, all.map((c) => c.id))] };
  const { charter } = cop;
  if (charter.status !== 'proposed') {
    return { ok: false, usage: true, problems: [`\`${cop.id}\` is ${charter.status}: only a proposed CoP can be activated.`] };
  }
  const problems = activationProblems(charter, ws.policy);
  if (request.date < charter.created) problems.push(`--date ${request.date} is before the CoP was proposed on ${charter.created}.`);
  if (request.date > asOf) problems.push(`--date ${request.date} is after ${asOf}: record the activation once its pull request is approved.`);

  const covering = currentTerm(charter, request.date);
  let newTerm: CoordinatorTerm | null = null;
  if (covering) {
    if (request.coordinator !== undefined && request.coordinator !== covering.person) {
      problems.push(`--coordinator ${request.coordinator}: ${covering.person} already coordinates from ${covering.from}; change the charter's terms by hand to appoint someone else.`);
    }
  } else {
    const person = request.coordinator ?? charter.coordinator.terms.at(-1)!.person;
    const people = personIndex(ws);
    if (people.size > 0 && !people.has(person)) {
      problems.push(`--coordinator ${person}: not in people.yaml.${didYouMean(person, people.keys())}`);
    }
    newTerm = { person, from: request.date };
  }
  if (problems.length > 0) return { ok: false, usage: false, problems };

  const terms = charter.coordinator.terms;
  const activated: Charter = {
    ...charter,
    status: 'active',
    activated: request.date,
    coordinator: { ...charter.coordinator, terms: newTerm ? [...terms, newTerm] : terms },
  };
  return { ok: true, cop, newTerm, activated };
}

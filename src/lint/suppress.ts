/**
 * Applies suppression comments to positioned findings: pure. A finding of a rule named by a
 * valid directive that covers it is set aside with the directive's reason; the directives
 * themselves are checked (invalid-suppression, unused-suppression). Core checks (schema,
 * yaml-syntax…) are never suppressed: a file that does not load cannot be excused.
 */
import { suggest } from '../core/suggest.js';
import type { Diagnostic, SeveritySetting, SuppressedDiagnostic } from '../model/diagnostic.js';
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from '../rules/directive-checks.js';
import type { SuppressionDirective } from './directives.js';

export interface SuppressionPolicy {
  /** The rule ids a directive may name. */
  suppressible: ReadonlySet<string>;
  /** Ids that exist but may not be suppressed (core checks, the directive checks). */
  unsuppressible: ReadonlySet<string>;
  reasonRequired: boolean;
  severities: ReadonlyMap<string, SeveritySetting>;
  /** Rules left out of this run (lint-workspace.ts errorsOnly): a suppression of one is neither used nor unused. */
  notRun?: ReadonlySet<string>;
}

export interface SuppressionResult {
  /** The findings still reported, with the directives' own findings. */
  reported: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
}

const covers = (directive: SuppressionDirective, d: Diagnostic): boolean =>
  directive.file === d.file &&
  (directive.scope === 'file' || (directive.covers !== undefined && d.start.line >= directive.covers.from && d.start.line <= directive.covers.to));

function problem(directive: SuppressionDirective, rule: string | undefined, policy: SuppressionPolicy): string | undefined {
  const example = `\`# cop-${directive.scope === 'file' ? 'disable' : 'disable-next-line'} <rule> -- <reason>\``;
  if (rule === undefined) return `A suppression names no rule: write ${example}.`;
  if (policy.unsuppressible.has(rule)) return `\`${rule}\` findings cannot be suppressed: fix the file instead.`;
  if (!policy.suppressible.has(rule)) {
    const near = suggest(rule, policy.suppressible);
    return `Unknown rule \`${rule}\` in a suppression.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} \`cop rules\` lists them.`;
  }
  return undefined;
}

export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  directives: readonly SuppressionDirective[],
  policy: SuppressionPolicy,
): SuppressionResult {
  const own: Diagnostic[] = [];
  const report = (directive: SuppressionDirective, ruleId: string, message: string) => {
    const severity = policy.severities.get(ruleId);
    if (severity === undefined || severity === 'off') return;
    own.push({ ruleId, severity, message, file: directive.file, start: { line: directive.line, column: directive.column } });
  };

  // Each usable (directive, rule) pair, and whether it suppressed anything.
  const active: { directive: SuppressionDirective; rule: string; used: boolean }[] = [];
  for (const directive of directives) {
    const names = directive.rules.length > 0 ? directive.rules : [undefined];
    for (const rule of names) {
      const message = problem(directive, rule, policy);
      if (message) report(directive, INVALID_SUPPRESSION.id, message);
    }
    const valid = directive.rules.filter((rule) => problem(directive, rule, policy) === undefined);
    if (valid.length === 0) continue;
    if (directive.reason === undefined && policy.reasonRequired) {
      report(directive, INVALID_SUPPRESSION.id, `A suppression needs a reason after \` -- \`, e.g. \`# cop-disable-next-line ${valid[0]} -- approved by the sponsor until March\`; without one it suppresses nothing.`);
      continue;
    }
    for (const rule of valid) active.push({ directive, rule, used: false });
  }

  const reported: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const matching = active.filter((entry) => entry.rule === d.ruleId && covers(entry.directive, d));
    for (const entry of matching) entry.used = true;
    const first = matching[0]?.directive;
    if (first) suppressed.push({ ...d, suppression: { kind: first.scope, justification: first.reason ?? '', file: first.file, line: first.line } });
    else reported.push(d);
  }
  for (const { directive, rule, used } of active) {
    if (used || policy.notRun?.has(rule)) continue;
    const where = directive.scope === 'file' ? 'in this file' : directive.covers ? `on line ${directive.covers.from}` : 'below it (nothing follows)';
    report(directive, UNUSED_SUPPRESSION.id, `The suppression of \`${rule}\` is unused: \`${rule}\` reports nothing ${where}. Remove the comment.`);
  }
  return { reported: [...reported, ...own], suppressed };
}

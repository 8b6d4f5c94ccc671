/**
 * Checks on the suppression comments themselves (src/lint/directives.ts). They read every rule's
 * findings, so they run after the rules rather than as rules; their severity is set in
 * cop.config.yaml's `rules:` like any rule's. They cannot themselves be suppressed.
 */
import { ruleDocsUrl } from './docs.js';
import type { RuleMeta } from './rule.js';

export const INVALID_SUPPRESSION: RuleMeta = {
  id: 'invalid-suppression',
  description: 'A suppression comment names a rule that exists and can be suppressed, and gives a reason after ` -- ` (unless the policy makes reasons optional).',
  defaultSeverity: 'error',
  docs: ruleDocsUrl('invalid-suppression'),
};

export const UNUSED_SUPPRESSION: RuleMeta = {
  id: 'unused-suppression',
  description: 'A suppression comment suppresses a finding: one that suppresses nothing should be removed.',
  defaultSeverity: 'warn',
  docs: ruleDocsUrl('unused-suppression'),
};

export const DIRECTIVE_CHECKS: readonly RuleMeta[] = [INVALID_SUPPRESSION, UNUSED_SUPPRESSION];

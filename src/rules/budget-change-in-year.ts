import { CONFIG_FILE } from '../workspace/root.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

/**
 * A yearly budget's dated change applies from a month of that year: dated in another year it
 * would silently change no month (or be mistaken for next year's budget).
 */
export const budgetChangeInYear: Rule = {
  meta: {
    id: 'budget-change-in-year',
    description: "A yearly budget's dated change (`budgets[].changes[].from`) falls within that budget's year.",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('budget-change-in-year'),
  },
  *checkOrganisation({ org }) {
    for (const [i, budget] of (org.config.budgets ?? []).entries()) {
      for (const [j, change] of (budget.changes ?? []).entries()) {
        if (change.from.slice(0, 4) === String(budget.year)) continue;
        yield {
          file: CONFIG_FILE,
          path: ['budgets', i, 'changes', j, 'from'],
          message: `The change is dated ${change.from}, outside the ${budget.year} budget it changes: date it within ${budget.year}, or move it to the ${change.from.slice(0, 4)} budget.`,
        };
      }
    }
  },
};

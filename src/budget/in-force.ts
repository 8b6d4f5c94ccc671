/**
 * Dated budgets: which figure was in force in a month. A budget changed mid-year keeps the old
 * figure for the months before the change, so year-to-date figures stay true (git history cannot
 * tell: CI clones are shallow). Pure.
 */
import { monthOf, type IsoMonth } from '../core/dates.js';
import type { CopBudget, YearlyBudget } from '../model/schema-types.js';

/** The latest change whose month is at or before `month`, by `from` (ties: the later entry wins). */
function latestChange<T extends { from: string }>(changes: readonly T[] | undefined, month: IsoMonth): T | undefined {
  let found: T | undefined;
  for (const change of changes ?? []) {
    if (monthOf(change.from) > month) continue;
    if (!found || change.from >= found.from) found = change;
  }
  return found;
}

/** A CoP's `hours_per_month` in force in `month`: its latest dated change by then, else the charter's figure. */
export function hoursPerMonthIn(budget: CopBudget | undefined, month: IsoMonth): number {
  return latestChange(budget?.changes, month)?.hours_per_month ?? budget?.hours_per_month ?? 0;
}

/** The yearly figures in force in `month`: each of hours and money from its latest change by then, else the year's own. */
export function yearlyFiguresIn(budget: YearlyBudget, month: IsoMonth): { hours: number; money: number } {
  let hours = budget.hours;
  let money = budget.money;
  const sorted = [...(budget.changes ?? [])].filter((c) => monthOf(c.from) <= month).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const change of sorted) {
    hours = change.hours ?? hours;
    money = change.money ?? money;
  }
  return { hours, money };
}

/** The organisation's share of its yearly budget for `month`: a twelfth of the yearly figures in force in it. */
export function monthlyShareIn(budget: YearlyBudget, month: IsoMonth): { hours: number; money: number } {
  const { hours, money } = yearlyFiguresIn(budget, month);
  return { hours: hours / 12, money: money / 12 };
}

/**
 * The organisation's budget for months 1…`through` of its year: the sum of each month's share
 * (monthlyShareIn), added up before dividing so a whole year is its budget exactly. With
 * `through` = 12 this is the year's whole budget.
 */
export function yearlyBudgetThrough(budget: YearlyBudget, through: number): { hours: number; money: number } {
  let hours = 0;
  let money = 0;
  for (let m = 1; m <= through; m++) {
    const figures = yearlyFiguresIn(budget, `${budget.year}-${String(m).padStart(2, '0')}`);
    hours += figures.hours;
    money += figures.money;
  }
  return { hours: hours / 12, money: money / 12 };
}

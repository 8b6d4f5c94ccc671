import { describe, expect, it } from 'vitest';
import { COST_CATEGORIES } from '../../src/model/meeting.js';
import { parseCost } from '../../src/scaffold/syntax.js';
import { createValidator, readSchema } from '../../src/schema/validator.js';
import { meeting } from '../helpers/workspace.js';

describe('cost categories', () => {
  it('the finance columns follow the schema’s list', () => {
    const defs = readSchema('common').$defs as Record<string, { enum: string[] }>;
    expect(COST_CATEGORIES).toEqual(defs.costCategory!.enum);
  });

  it('rejects an unknown category with a "did you mean"', () => {
    const issues = createValidator()('meeting', { ...meeting('2026-10-14'), costs: [{ category: 'refreshment', amount: 20 }] });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [['costs', 0, 'category'], '`costs[0].category` must be one of: refreshments, licence, materials, venue, travel, training, other (found "refreshment"). Did you mean `refreshments`?'],
    ]);
    expect(parseCost('licnce:20')).toEqual({ ok: false, problem: expect.stringContaining('did you mean `licence`?') });
  });
});

/** A value that breaks a schema pattern is told what is expected in words, never as a regular expression (#23). */
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/schema/validator.js';
import { charter } from '../helpers/workspace.js';

const validate = createValidator();

describe('pattern messages', () => {
  it.each([
    ['a schedule time', { format: { formats: ['round-table'], cadence: 'monthly', duration_minutes: 60, slot: 'lunch', schedule: { frequency: 'monthly', weekday: 'tuesday', week: 2, time: '7pm', time_zone: 'Europe/London' } } }, /time of day written HH:MM on the 24-hour clock/],
    ['a sponsor id', { sponsor: 'Stacy Leblanc' }, /a person id of lowercase letters/],
  ])('%s', (_, overrides, expected) => {
    const messages = validate('charter', charter('alpha', overrides as never)).map((issue) => issue.message);
    expect(messages.join('\n')).toMatch(expected);
    expect(messages.join('\n')).not.toMatch(/matching \^|\$\)/);
  });
});

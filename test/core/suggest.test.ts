import { describe, expect, it } from 'vitest';
import { didYouMean, unknownCop } from '../../src/core/suggest.js';
import { personExists } from '../../src/rules/person-exists.js';
import { checkKnownPerson, checkMembers } from '../../src/scaffold/fields.js';
import { runRule } from '../helpers/rule-tester.js';
import { charter, people, person, workspace } from '../helpers/workspace.js';

describe('"did you mean …"', () => {
  it('names up to three close candidates, closest first, and nothing when none is close', () => {
    expect(didYouMean('mobil', ['aws', 'mobile', 'security'])).toBe(' Did you mean `mobile`?');
    expect(didYouMean('ab', ['abc', 'abd', 'xyz'])).toBe(' Did you mean `abc` or `abd`?');
    expect(didYouMean('zzzzzz', ['aws', 'mobile'])).toBe('');
  });

  it('says so for an unknown CoP id', () => {
    expect(unknownCop('secuirty', ['aws', 'security'])).toBe('No CoP `secuirty` with a charter. Did you mean `security`? `cop ls` lists them.');
  });

  it('suggests the person meant for an id that is not in people.yaml, in the lint rule and in cop new', () => {
    const everyone = [...people(), person('ada.lovelace')];
    const ws = workspace({ people: everyone, cops: { aws: { charter: charter('aws', { sponsor: 'ada.lovelce' }) } } });
    expect(runRule(personExists, ws).map((f) => f.message)).toEqual(['Unknown sponsor `ada.lovelce`: add them to people.yaml or fix the id. Did you mean `ada.lovelace`?']);
    const index = new Map(everyone.map((p) => [p.id, p]));
    expect(checkKnownPerson('ada.lovelce', index, 'sponsor')).toMatch(/Did you mean `ada.lovelace`\?$/);
    expect(checkMembers(['ada.lovelce', 'p1', 'p2', 'p3', 'p4'], index, 5)).toBe('Not in people.yaml: `ada.lovelce` (did you mean `ada.lovelace`?).');
  });
});

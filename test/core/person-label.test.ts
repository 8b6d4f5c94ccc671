import { describe, expect, it } from 'vitest';
import { personLabeller } from '../../src/core/person-label.js';

describe('personLabeller', () => {
  const people = [
    { id: 'aiko.costa', name: 'Aiko Costa' },
    { id: 'aiko.costa2', name: 'Aiko Costa' },
    { id: 'aiko.costa3', name: 'Aiko Costa' },
    { id: 'ben', name: 'Ben Ito' },
    // A name that is someone else's id is not the same name.
    { id: 'ben.ito', name: 'ben' },
  ];
  const label = personLabeller(people);

  it.each([
    ['aiko.costa', 'Aiko Costa', 'Aiko Costa (aiko.costa)'],
    ['aiko.costa2', 'Aiko Costa', 'Aiko Costa (aiko.costa2)'],
    ['aiko.costa3', 'Aiko Costa', 'Aiko Costa (aiko.costa3)'],
    ['ben', 'Ben Ito', 'Ben Ito'],
    ['ben.ito', 'ben', 'ben'],
  ])('names %s as %j → %j', (id, name, expected) => {
    expect(label({ id, name })).toBe(expected);
  });

  it('gives every person of a list a label no other person of it has', () => {
    const labels = people.map(label);
    expect(new Set(labels).size).toBe(people.length);
  });

  it('compares names exactly: case and spacing make another name', () => {
    const other = personLabeller([
      { id: 'a', name: 'Sam Lee' },
      { id: 'b', name: 'sam lee' },
    ]);
    expect(other({ id: 'a', name: 'Sam Lee' })).toBe('Sam Lee');
  });
});

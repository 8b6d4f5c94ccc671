import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from '../../src/calendar/time-zone.js';

/** What Intl alone says (the answer canonicalTimeZone must give whichever way it finds it). */
function intlSays(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

describe('canonicalTimeZone', () => {
  it('gives every zone Intl lists as itself, as Intl does', () => {
    for (const name of Intl.supportedValuesOf('timeZone')) expect(canonicalTimeZone(name)).toBe(intlSays(name));
  });

  it.each(['europe/madrid', 'EUROPE/LONDON', 'Etc/UTC', 'US/Eastern', 'Asia/Kolkata', 'UTC', 'utc', 'Europe/Atlantis', 'Berlin', ''])('agrees with Intl on %j', (name) => {
    expect(canonicalTimeZone(name)).toBe(intlSays(name));
  });

  it('spells a case-mangled zone as the tz database does', () => {
    expect(canonicalTimeZone('europe/madrid')).toBe('Europe/Madrid');
    expect(canonicalTimeZone('Europe/Atlantis')).toBeUndefined();
  });
});

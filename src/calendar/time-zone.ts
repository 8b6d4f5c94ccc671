/** IANA time zone names, as the JavaScript runtime's Intl knows them. */
import { suggest } from '../core/suggest.js';

/** The canonical spelling of a time zone name (`europe/madrid` → `Europe/Madrid`), or undefined when Intl does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Known zone names close to a mistyped one, for "did you mean". */
export function suggestTimeZones(name: string): string[] {
  return suggest(name, Intl.supportedValuesOf('timeZone')).slice(0, 3);
}

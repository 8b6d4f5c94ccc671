import { canonicalTimeZone, suggestTimeZones } from '../calendar/time-zone.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const scheduleTimeZone: Rule = {
  meta: {
    id: 'schedule-time-zone',
    description: "A charter's `format.schedule.time_zone` is an IANA time zone name, spelled as the tz database spells it (`Europe/Madrid`).",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('schedule-time-zone'),
  },
  *checkCop({ charterFile: file, charter }) {
    const name = charter?.format.schedule?.time_zone;
    if (name === undefined) return;
    const path = ['format', 'schedule', 'time_zone'];
    const canonical = canonicalTimeZone(name);
    if (canonical === undefined) {
      const close = suggestTimeZones(name);
      const hint = close.length > 0 ? ` Did you mean ${close.map((z) => `\`${z}\``).join(' or ')}?` : ' Use a name such as `Europe/Madrid` or `America/New_York`.';
      yield { file, path, message: `\`${name}\` is not an IANA time zone.${hint}` };
    } else if (canonical !== name && canonical.toLowerCase() === name.toLowerCase()) {
      // Intl forgives the case; calendar programs matching TZIDs may not.
      yield { file, path, message: `Write the time zone as \`${canonical}\`.` };
    }
  },
};

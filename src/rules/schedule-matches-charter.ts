import { cadenceOf, isScheduledDate, resolveSchedule } from '../calendar/schedule.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const scheduleMatchesCharter: Rule = {
  meta: {
    id: 'schedule-matches-charter',
    description: "A charter's `format.schedule` agrees with its `cadence` and `duration_minutes`, and each cancelled date is a scheduled one.",
    defaultSeverity: 'error',
    docs: ruleDocsUrl('schedule-matches-charter'),
  },
  *checkCop({ charterFile: file, charter }) {
    if (!charter) return;
    const declared = charter.format.schedule;
    const schedule = resolveSchedule(charter);
    if (!declared || !schedule) return;
    const at = (...rest: (string | number)[]) => ['format', 'schedule', ...rest];
    const { cadence, duration_minutes: duration } = charter.format;
    const scheduled = cadenceOf(schedule);
    if (scheduled !== cadence) {
      const unit = schedule.frequency === 'weekly' ? 'week' : 'month';
      const every = schedule.interval === 1 ? `every ${unit}` : `every ${schedule.interval} ${unit}s`;
      yield {
        file,
        path: at(declared.interval === undefined ? 'frequency' : 'interval'),
        message: `The schedule meets ${every}${scheduled ? ` (${scheduled})` : ''}, but \`format.cadence\` says ${cadence}: make them agree.`,
      };
    }
    if (declared.duration_minutes !== undefined && declared.duration_minutes !== duration) {
      yield { file, path: at('duration_minutes'), message: `The schedule says ${declared.duration_minutes} minutes, but \`format.duration_minutes\` says ${duration}: make them agree (or leave it out of the schedule).` };
    }
    if (schedule.until !== undefined && schedule.until < schedule.from) {
      yield { file, path: at(declared.until !== undefined ? 'until' : 'from'), message: `The schedule ends (${schedule.until}) before it starts (${schedule.from}), so it has no meetings.` };
    }
    for (const [i, date] of (declared.exceptions ?? []).entries()) {
      if (!isScheduledDate(schedule, date)) {
        yield { file, path: at('exceptions', i), message: `${date} is not a scheduled meeting day, so there is nothing to cancel: check the date.` };
      }
    }
  },
};

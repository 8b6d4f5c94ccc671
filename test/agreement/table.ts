/**
 * What is compared to what: each figure, and where each face of the tool shows it. The faces
 * (./faces.ts) may only name figures listed here for them, and the agreement test checks that every
 * figure listed is shown by at least two faces, so this table cannot drift from the code.
 *
 * Periods: M is the month of the as-of date (so far), L the last complete month, Q the quarter
 * `cop review` picks by default; "to T" is January of T's year up to the month T.
 */
export const FACES = ['report', 'report markdown', 'report csv', 'health', 'review', 'review --org', 'due', 'show', 'api', 'ls', 'readme', 'site', 'site budget page'] as const;
export type Face = (typeof FACES)[number];

/** `cop report --format json`, run for --month M, the default month L, --year and --from/--to Q: each run is one face. */
const R = 'every run:';
/** `cop report --format markdown` for --month M and --year, read back with mdast. */
const MD = 'tables';
/** `cop report --format csv` for --year and `--format finance-csv` for --month M, read back with csv-parse. */
const CSV = 'rows';

const LISTED = {
  // ---- one CoP, as of the day
  status: { 'report csv': `${CSV} "status"`, report: `${R} cops[].status`, health: 'cops[].status', show: 'cop.status', ls: 'cops[].status', readme: 'README "Status" row; index "Status" column', site: 'CoP page lead' },
  members: {
    review: 'participation.members',
    'review --org': 'cops[].members',
    show: 'cop.members.length',
    ls: 'cops[].members',
    readme: 'README "Members" row; index "Members" column',
    site: 'CoP page "Members"',
  },
  'max members': { show: 'cop.maxMembers', readme: 'README "at most N members"', site: 'CoP page "Members" (at most N)' },
  coordinator: { show: 'cop.coordinator.now.name', ls: 'cops[].coordinator.name', readme: 'README "Coordinator" row; index "Coordinator" column', site: 'CoP page "Coordinator"' },
  'coordinator since': { show: 'cop.coordinator.since', readme: 'README "Coordinator" row: since D', site: 'CoP page coordinator terms: the open term\'s "From"' },
  'next handover': {
    review: 'coordinator.nextHandover',
    due: 'the "handover" item\'s date',
    show: 'cop.coordinator.nextHandover.date',
    readme: 'README "Coordinator" row: next handover D',
    site: 'CoP page "Next handover"',
  },
  'next meeting': { show: 'cop.nextMeeting.date', readme: 'README "Next meeting" row; index "Next meeting" column' },
  'meetings held to date': { show: 'cop.meetings.count', site: 'CoP page meetings table: rows not cancelled' },
  'meetings cancelled to date': { show: 'cop.meetings.cancelled', site: 'CoP page meetings table: rows marked cancelled' },
  'last meeting': { show: 'cop.meetings.last.date', ls: 'cops[].lastMeeting', site: 'CoP page meetings table: newest row not cancelled' },
  'goal review dates': {
    review: 'goals[].review_by',
    due: '"goal-review" items\' dates',
    show: 'cop.goals[].reviewBy',
    readme: 'README goals: "Review by D"',
    site: 'CoP page goals table "Review by"',
  },
  health: {
    health: 'cops[].level',
    review: 'health.level',
    'review --org': 'cops[].health.level',
    show: 'cop.health.level',
    ls: 'cops[].health',
    site: 'CoP page badge; health page "Health" column',
  },
  'unreached months in a row': {
    health: 'low-participation evidence.run (0 when ok)',
    show: 'cop.health.triggers[low-participation].evidence.run',
    due: '"dissolution-risk" item: the months it lists',
    site: 'health page "N of 2 allowed"; CoP page trigger sentence',
  },
  'months flagged': { health: 'flagged low participation: run − allowed − 1 (the run ends with L)', due: '"dissolution-decision" item: "for N months" ("this month": 0)' },
  'health entry, every field': { health: 'cops[] entry', review: 'health', 'review --org': 'cops[].health' },

  // ---- one CoP, one month
  'best attendance': { health: 'cops[].trend[]', show: 'cop.health.trend[]', site: 'health page months grid, each cell ("–": none)' },
  'meetings held': { 'report markdown': `${MD} "CoPs, <month>" "Meetings"; "Meetings, <year>" per month`, 'report csv': `${CSV} "meetings"`, report: `${R} cops[].months[].meetings`, show: 'cop.budget.thisMonth.meetings (M)' },
  'meetings cancelled': { 'report markdown': `${MD} "Meetings" cells "(+N cancelled)"`, report: `${R} cops[].months[].cancelled` },
  'preparation h': { 'report markdown': `${MD} "Preparation" cells`, 'report csv': `${CSV} "preparation_hours"`,
    report: `${R} cops[].months[].preparation.actual`,
    show: 'cop.budget.thisMonth.preparation.actual (M)',
    ls: 'cops[].hoursThisMonth.actual (M)',
    site: 'CoP page chart "Preparation hours per month", its numbers',
  },
  'preparation budget h': { 'report markdown': `${MD} "Preparation" cells "[…% of X]"`, 'report csv': `${CSV} "preparation_budget_hours", finance "budget_hours"`,
    report: `${R} cops[].months[].preparation.budget`,
    show: 'cop.budget.thisMonth.preparation.budget (M)',
    ls: 'cops[].hoursThisMonth.budget (M)',
    site: 'CoP page chart "Preparation hours per month": the monthly budget',
  },
  'attendance h': { 'report markdown': `${MD} "Attendance" cells`, 'report csv': `${CSV} "attendance_hours"`, report: `${R} cops[].months[].attendanceHours`, show: 'cop.budget.thisMonth.attendanceHours (M)' },
  money: { 'report markdown': `${MD} "Money" cells`, 'report csv': `${CSV} "money_total"`, report: `${R} cops[].months[].money.total`, show: 'cop.budget.thisMonth.money.total (M)', site: 'CoP page chart "Money spent per month", its numbers' },

  // ---- one CoP, a period of months (Q for `cop review`, the year to L for `cop review --org`)
  'report entry, every field': { report: `${R} cops[] entry`, review: 'budget', 'review --org': 'cops[].budget' },
  'period meetings held': { report: `${R} cops[].period.meetings`, review: 'meetings.held', 'review --org': 'cops[].meetings.held' },
  'period meetings cancelled': { report: `${R} cops[].period.cancelled`, review: 'meetings.cancelled', 'review --org': 'cops[].meetings.cancelled' },
  'period preparation h': { report: `${R} cops[].period.preparation.actual`, review: 'preparationHours' },

  // ---- one CoP, year to date (to T)
  'ytd meetings held': { 'report markdown': `${MD} "CoPs, year to date" "Meetings"`, report: `${R} cops[].yearToDate.meetings`, show: 'cop.budget.yearToDate.meetings (M)', 'site budget page': '"By CoP" table "Meetings"' },
  'ytd attendance h': { 'report markdown': `${MD} "CoPs, year to date" "Attendance"`, report: `${R} cops[].yearToDate.attendanceHours`, show: 'cop.budget.yearToDate.attendanceHours (M)', 'site budget page': '"By CoP" table "Attendance hours"' },
  'ytd preparation h': { 'report markdown': `${MD} "CoPs, year to date" "Preparation"`, report: `${R} cops[].yearToDate.preparation.actual`, show: 'cop.budget.yearToDate.preparation.actual (M)', 'site budget page': '"By CoP" table "Preparation hours"' },
  'ytd preparation budget h': { 'report markdown': `${MD} "CoPs, year to date" "Preparation" "[…% of X]"`, report: `${R} cops[].yearToDate.preparation.budget`, show: 'cop.budget.yearToDate.preparation.budget (M)' },
  'ytd preparation a month': { 'report markdown': `${MD} "CoPs, <month>" "Preparation a month, YTD"`, report: `${R} cops[].yearToDate.preparationAverage.actual`, show: 'cop.budget.yearToDate.preparationAverage.actual (M)', due: '"budget" item: "At X of preparation a month" (L)' },
  'ytd money': { 'report markdown': `${MD} "CoPs, year to date" "Money"`, report: `${R} cops[].yearToDate.money.total`, show: 'cop.budget.yearToDate.money.total (M)', 'site budget page': '"By CoP" table "Money"' },
  'ytd active months': { 'report markdown': `${MD} "CoPs, year to date" "Active months"`, report: `${R} cops[].yearToDate.activeMonths`, show: 'cop.budget.yearToDate.activeMonths (M)' },
  'year-end preparation budget h': { report: `${R} cops[].yearEnd.preparation.budget`, due: '"budget" item: "the CoP\'s X for the year" (L)' },
  'year-end preparation remaining h': { report: `${R} cops[].yearEnd.preparation.remaining`, 'report markdown': `${MD} "CoPs, year to date" "Preparation left" (over: negative)` },
  'year-end preparation forecast h': { report: `${R} cops[].yearEnd.preparation.forecast.actual`, 'report markdown': `${MD} "CoPs, year to date" "Preparation forecast, <year>"` },
  'year-end money forecast': { report: `${R} cops[].yearEnd.money.forecast`, 'report markdown': `${MD} "CoPs, year to date" "Money forecast, <year>"` },
  'preparation runs out': { report: `${R} cops[].yearEnd.preparation.runsOut`, due: '"budget" item: "run out in <month>" (L; none: null, in a year L belongs to)' },

  // ---- the organisation, year to date (to T)
  'months elapsed': { 'report markdown': `${MD} "Organisation" "Pro rata (N/12 of the year)"`, report: `${R} organisation.monthsElapsed`, 'site budget page': '"the share for the N months elapsed" (to L: `cop report --year`)' },
  'yearly budget hours': { 'report markdown': `${MD} "Organisation …: budget X h and Y" heading`, report: `${R} organisation.budget.hours`, 'site budget page': 'hours card "of X for the year"' },
  'yearly budget money': { 'report markdown': `${MD} "Organisation …: budget X h and Y" heading`, report: `${R} organisation.budget.money`, 'site budget page': 'money card "of X for the year"' },
  'ytd hours': { 'report markdown': `${MD} "Organisation" "Year to date" hours`, report: `${R} organisation.yearToDate.hours.actual`, 'site budget page': 'hours card, big figure' },
  'ytd money, all CoPs': { 'report markdown': `${MD} "Organisation" "Year to date" money`, report: `${R} organisation.yearToDate.money.actual`, 'site budget page': 'money card, big figure' },
  'pro-rata hours': { 'report markdown': `${MD} "Organisation" "Pro rata" "[…% of X]"`, report: `${R} organisation.proRata.hours.budget`, 'site budget page': 'hours card "pro-rata X"' },
  'pro-rata money': { 'report markdown': `${MD} "Organisation" "Pro rata" "[…% of X]"`, report: `${R} organisation.proRata.money.budget`, 'site budget page': 'money card "pro-rata X"' },
  'forecast hours': { 'report markdown': `${MD} "Organisation" "Forecast for <year>"`, report: `${R} organisation.forecast.hours.actual`, 'site budget page': 'hours card "At this pace: X by December"' },
  'forecast money': { 'report markdown': `${MD} "Organisation" "Forecast for <year>"`, report: `${R} organisation.forecast.money.actual`, 'site budget page': 'money card "At this pace: X by December"' },
  'remaining hours': { report: `${R} organisation.remaining.hours`, 'report markdown': `${MD} "Organisation" "Remaining of <year>" (over: negative)` },
  'remaining money': { report: `${R} organisation.remaining.money`, 'report markdown': `${MD} "Organisation" "Remaining of <year>" (over: negative)` },
  'hours run out': { report: `${R} organisation.runsOut.hours`, due: 'organisation "budget" item for hours: its month (L; none: null)' },
  'money run out': { report: `${R} organisation.runsOut.money`, due: 'organisation "budget" item for money: its month (L; none: null)' },
  'organisation report, every field': { report: `${R} organisation`, 'review --org': 'budget' },
} satisfies Record<string, Partial<Record<Face, string>>>;

/**
 * The API's `api/v1/cops/<id>.json` holds the view `cop show --format json` prints (plus the site's
 * 12 chart months): it is a face for every figure show has, read from the same path in the file,
 * and for the chart months' preparation, budget and money.
 */
export const FIGURES: { [Name in keyof typeof LISTED]: Partial<Record<Face, string>> } = Object.fromEntries(
  Object.entries(LISTED).map(([name, faces]) => [name, 'show' in faces ? { ...faces, api: `api/v1/cops/<id>.json: ${faces.show.replace(/^cop\./, '')}` } : faces]),
) as { [Name in keyof typeof LISTED]: Partial<Record<Face, string>> };

export type FigureName = keyof typeof LISTED;

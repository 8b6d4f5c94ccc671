/**
 * Names cop gives its own files beside the CoPs' ones, so no CoP may have them as its id:
 * `all.ics` is the combined calendar beside `<id>.ics` (cop calendar --out, the site's calendar/).
 * The charter schema's `id` refuses the same list (a test keeps the two equal); this module is
 * kept free of imports so the rules and `cop new` can read it cheaply.
 */
export const COMBINED_CALENDAR_ID = 'all';

export const RESERVED_COP_IDS: readonly string[] = [COMBINED_CALENDAR_ID];

/** What is said of a reserved id, after the id or the field holding it. */
export const RESERVED_COP_ID = `is reserved: \`${COMBINED_CALENDAR_ID}.ics\` is the combined calendar of every CoP (cop calendar, cop site); choose another id`;

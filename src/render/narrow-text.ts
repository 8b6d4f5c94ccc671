/**
 * Characters that every width table in use (string-width, and wrap-ansi's own older copy) counts
 * as one column, one UTF-16 unit each and unchanged by NFC, and none of them white space but the
 * space and the no-break space: Latin-1, dashes, quotes and bullets, currency signs, box drawing
 * and blocks (sparklines). Most text is made only of these, and measuring it needs no grapheme
 * segmentation: at 60k files that was most of a report's time. Apart from render/table.ts, which
 * loads string-width and wrap-ansi (their import alone is a tenth of a small repository's
 * `cop check`), so that a run with nothing to wrap need not load them.
 */
export const NARROW = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u00ff\u2010-\u2027\u20a0-\u20c0\u2500-\u259f]*$/;

/** Whether `text` takes at most `width` columns, known without string-width: it is made only of narrow characters. */
export const fitsNarrow = (text: string, width: number): boolean => text.length <= width && NARROW.test(text);

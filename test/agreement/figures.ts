/**
 * The figures a face of the tool shows, and the check that every face showing a figure shows the
 * same one. A figure is named by what it is (FIGURES in ./table.ts) and where it belongs: a CoP,
 * a month, a year to date. Numbers read back from text carry the precision they were printed to
 * (hours to 0.1, money to 0.01, percentages whole); JSON numbers are compared to the hundredth
 * (`cop report --format json` rounds to it).
 */
import type { FigureName } from './table.js';

export type Value = number | string | boolean | null;

export interface Figure {
  value: Value;
  /** Decimals a number was printed to; undefined for an unrounded JSON number (compared to the hundredth). */
  decimals?: number;
}

/** Where a figure belongs: `cop aws`, `cop aws, 2026-10`, `organisation 2026 to 2026-10`… */
export type Scope = string;

export const copScope = (cop: string, detail?: string): Scope => (detail === undefined ? `cop ${cop}` : `cop ${cop}, ${detail}`);
/** The organisation's figures for a year, January to `to`. */
export const orgScope = (to: string): Scope => `organisation ${to.slice(0, 4)} to ${to}`;

/** The figures one face shows, by scope and name. */
export class Figures {
  readonly byKey = new Map<string, Figure>();
  readonly names = new Set<FigureName>();

  add(scope: Scope, name: FigureName, value: Value, decimals?: number): void {
    const key = `${scope} · ${name}`;
    if (this.byKey.has(key) && !agree(this.byKey.get(key)!, { value, ...(decimals === undefined ? {} : { decimals }) })) {
      throw new Error(`the face shows ${key} twice, as ${String(this.byKey.get(key)!.value)} and ${String(value)}`);
    }
    this.byKey.set(key, decimals === undefined ? { value } : { value, decimals });
    this.names.add(name);
  }
}

/** Half a unit of the last decimal a figure was shown to: hundredths for JSON numbers. */
function slack(figure: Figure): number {
  return 0.5 * 10 ** -(figure.decimals ?? 2);
}

/** Equal, or numbers no further apart than rounding the coarser of the two explains. */
export function agree(a: Figure, b: Figure): boolean {
  if (typeof a.value === 'number' && typeof b.value === 'number') return Math.abs(a.value - b.value) <= Math.max(slack(a), slack(b)) + 1e-6;
  return a.value === b.value;
}

export interface Disagreement {
  figure: string;
  shown: Record<string, Value>;
}

/** Every figure shown by two faces or more on which they differ. */
export function disagreements(faces: ReadonlyMap<string, Figures>): Disagreement[] {
  const keys = new Set([...faces.values()].flatMap((f) => [...f.byKey.keys()]));
  const found: Disagreement[] = [];
  for (const key of [...keys].sort()) {
    const shown = [...faces].flatMap(([face, figures]) => (figures.byKey.has(key) ? [[face, figures.byKey.get(key)!] as const] : []));
    if (shown.length < 2) continue;
    if (shown.every(([, figure]) => shown.every(([, other]) => agree(figure, other)))) continue;
    found.push({ figure: key, shown: Object.fromEntries(shown.map(([face, figure]) => [face, figure.value])) });
  }
  return found;
}

/** How many figures two faces or more show, so a test can tell a real comparison from an empty one. */
export function comparedCount(faces: ReadonlyMap<string, Figures>): number {
  const counts = new Map<string, number>();
  for (const figures of faces.values()) for (const key of figures.byKey.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.values()].filter((n) => n >= 2).length;
}

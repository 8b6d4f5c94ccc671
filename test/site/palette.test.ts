/**
 * The charts' series colours stay distinguishable with colour-vision deficiency, in both themes:
 * every pair differs by at least MIN_DELTA_E (CIEDE2000) as seen with normal vision and with
 * simulated protanopia, deuteranopia and tritanopia. The colours are read from the stylesheet the
 * site ships, so a theme that overrides them is checked as shipped.
 */
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/site/charts.js';
import { STYLESHEET } from '../../src/site/style.js';
import { ciede2000, closestPair, lab, type Vision } from '../helpers/colour-vision.js';

/**
 * ΔE00 ≈ 1 is just noticeable side by side under ideal light; thin bars and a key read at a glance
 * need a clear step, and 10 is the floor palette tools commonly use for categorical colours. The
 * old palette's closest pair was 2.5 under deuteranopia.
 */
const MIN_DELTA_E = 10;
const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

/** The series colours (--s0 …) a theme's `:root` block sets, over those of `base`. */
function seriesColours(block: string, base: string[] = []): string[] {
  const colours = [...base];
  for (const [, k, colour] of block.matchAll(/--s(\d+):\s*(#[0-9a-f]{6})/gi)) colours[Number(k)] = colour!;
  return colours;
}

const light = seriesColours(STYLESHEET.slice(0, STYLESHEET.indexOf('}')));
const darkBlock = /@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/.exec(STYLESHEET);
const dark = seriesColours(darkBlock?.[1] ?? '', light);

describe('the colour maths', () => {
  it('computes CIEDE2000 as Sharma, Wu & Dalal’s test data', () => {
    expect(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(ciede2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(ciede2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(ciede2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
    expect(ciede2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  it('sees white as L* 100 and red and green merge under deuteranopia', () => {
    expect(lab('#ffffff')[0]).toBeCloseTo(100, 3);
    const normal = ciede2000(lab('#d62728'), lab('#2ca02c'));
    const deutan = ciede2000(lab('#d62728', 'deuteranopia'), lab('#2ca02c', 'deuteranopia'));
    expect(normal).toBeGreaterThan(50);
    expect(deutan).toBeLessThan(normal / 3);
  });
});

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme’s series colours', (_theme, colours) => {
  it('has one colour per series class', () => {
    expect(colours).toHaveLength(PALETTE);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
    for (let k = 0; k < PALETTE; k++) expect(STYLESHEET).toContain(`.s${k} .mark, .swatch.s${k} { fill: var(--s${k});`);
  });

  it.each(VISIONS)(`keeps every pair at least ${MIN_DELTA_E} ΔE00 apart with %s vision`, (vision) => {
    const closest = closestPair(colours, vision);
    expect(closest.deltaE, `${closest.pair.join(' and ')}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });
});

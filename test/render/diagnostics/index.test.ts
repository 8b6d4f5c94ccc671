import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS_FORMAT_NAMES, renderDiagnostics, type DiagnosticsFormatName } from '../../../src/render/diagnostics/index.js';
import { makeCleanReport, makeReport } from './fixture.js';

describe('diagnostics formats', () => {
  it('offers the five formats, stylish first', () => {
    const names: DiagnosticsFormatName[] = ['stylish', 'json', 'github', 'sarif', 'junit'];
    expect(DIAGNOSTICS_FORMAT_NAMES).toEqual(names);
  });

  it('every format is pure: same input, same output, ending in a newline', async () => {
    for (const name of DIAGNOSTICS_FORMAT_NAMES) {
      for (const report of [makeCleanReport(), makeReport()]) {
        const out = await renderDiagnostics(name, report);
        expect(await renderDiagnostics(name, report)).toBe(out);
        expect(out.endsWith('\n')).toBe(true);
      }
    }
  });
});

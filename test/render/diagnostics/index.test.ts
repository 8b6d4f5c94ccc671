import { describe, expect, it } from 'vitest';
import { diagnosticsFormats, type DiagnosticsFormatName } from '../../../src/render/diagnostics/index.js';
import { makeCleanReport, makeReport } from './fixture.js';

describe('diagnosticsFormats', () => {
  it('offers the five formats, stylish first', () => {
    const names: DiagnosticsFormatName[] = ['stylish', 'json', 'github', 'sarif', 'junit'];
    expect(Object.keys(diagnosticsFormats)).toEqual(names);
  });

  it('every format is pure: same input, same output, ending in a newline', () => {
    for (const render of Object.values(diagnosticsFormats)) {
      for (const report of [makeReport(), makeCleanReport()]) {
        const out = render(report);
        expect(render(report)).toBe(out);
        expect(out.endsWith('\n')).toBe(true);
      }
    }
  });
});

import { describe } from 'vitest';
import { outputPublicUrl } from '../../src/rules/output-public-url.js';
import { output } from '../helpers/workspace.js';
import { outputRuleTable } from './output-rules-table.js';

describe('output-public-url', () => {
  outputRuleTable(
    outputPublicUrl,
    [
      { name: 'a public output with a url', outputs: [output('2026-10-02', { audience: 'public', url: 'https://talks.example.com/lambda' })] },
      { name: 'an internal output without one', outputs: [output('2026-10-02', { audience: 'internal' })] },
    ],
    [
      {
        name: 'a public output without a url, at `audience`',
        outputs: [output('2026-10-02', { audience: 'public' })],
        findings: [{ file: 'cops/aws/outputs/2026-10-02-output-of-2026-10-02.yaml', path: ['audience'], message: "A public output needs a `url`: add the link where it was published (the talk's video, the post)." }],
      },
    ],
  );
});

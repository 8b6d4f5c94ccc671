import { describe } from 'vitest';
import { outputFileName } from '../../src/rules/output-file-name.js';
import { output } from '../helpers/workspace.js';
import { outputRuleTable } from './output-rules-table.js';

const talk = output('2026-10-02', { title: 'Lambda cold starts: what we measured' });
const at = (file: string, message: string) => [{ file: `cops/aws/outputs/${file}`, path: ['date'], message }];

describe('output-file-name', () => {
  outputRuleTable(
    outputFileName,
    [
      { name: 'the date and a slug of the title', outputs: [talk] },
      { name: 'a slug with digits', outputs: [talk], names: ['2026-10-02-re-invent-2026.yaml'] },
    ],
    [
      {
        name: 'a date that differs from the file name',
        outputs: [talk],
        names: ['2026-10-01-lambda.yaml'],
        findings: at('2026-10-01-lambda.yaml', "The output's date 2026-10-02 differs from its file name `2026-10-01-lambda.yaml`: rename the file or fix the date."),
      },
      ...['2026-10-02.yaml', '2026-10-02-Lambda.yaml', 'lambda.yaml', '2026-10-02-lambda--talk.yaml', '02-10-2026-lambda.yaml'].map((name) => ({
        name: `no slug, or not a slug: ${name}`,
        outputs: [talk],
        names: [name],
        findings: at(name, `The file name \`${name}\` is not \`2026-10-02-<slug>.yaml\` (a few lowercase words joined by hyphens, e.g. \`2026-10-02-terraform-conventions.yaml\`).`),
      })),
    ],
  );
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CIRCLES, OUTPUT_AUDIENCES, OUTPUT_KINDS } from '../../src/model/output.js';
import { readSchema } from '../../src/schema/validator.js';

describe('output kinds and audiences', () => {
  const properties = readSchema('output').properties as Record<string, { enum: string[] }>;

  it('follow the schema’s lists (the finance columns per kind, the prompts)', () => {
    expect(OUTPUT_KINDS).toEqual(properties.kind!.enum);
    expect(OUTPUT_AUDIENCES).toEqual(properties.audience!.enum);
  });

  it('the default circles are the ones the config schema names', () => {
    const config = readSchema('config').properties as Record<string, { description: string }>;
    for (const circle of DEFAULT_CIRCLES) expect(config.circles!.description).toContain(`\`${circle.id}\` (${circle.name})`);
  });
});

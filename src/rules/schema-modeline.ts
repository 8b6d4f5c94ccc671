import type { SchemaKind } from '../schema/validator.js';
import { findModeline } from '../workspace/modeline.js';
import type { Texts } from '../workspace/texts.js';
import { ruleDocsUrl } from './docs.js';
import type { Finding, Rule } from './rule.js';

/** A data file that loaded (a broken file's findings are core checks, and it is never fixed) and what it is. */
type LoadedFile = readonly [file: string, kind: SchemaKind];

export const schemaModeline: Rule = {
  meta: {
    id: 'schema-modeline',
    description: 'A data file opens with a `# yaml-language-server: $schema=…` comment naming its own schema, so editors check it as it is typed.',
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('schema-modeline'),
  },
  *checkOrganisation({ org }) {
    yield* modelineFindings(org.texts, [...(org.configFile ? [[org.configFile, 'config'] as const] : []), ...(org.people ? [[org.people.file, 'people'] as const] : [])]);
  },
  *checkCop(cop, { texts }) {
    yield* modelineFindings(texts, [
      ...(cop.charter ? [[cop.charterFile, 'charter'] as const] : []),
      ...cop.meetings.map((m) => [m.file, 'meeting'] as const),
      ...cop.outputs.map((o) => [o.file, 'output'] as const),
      ...cop.reviews.map((r) => [r.file, 'review'] as const),
    ]);
  },
};

// Nearly every file opens the same way (texts.ts interns the openings): read each opening once.
const modelines = new Map<string, ReturnType<typeof findModeline>>();

function* modelineFindings(texts: Texts | undefined, files: readonly LoadedFile[]): Generator<Finding> {
  for (const [file, kind] of files) {
    const opening = texts?.opening(file);
    if (opening === undefined) continue;
    if (!modelines.has(opening)) modelines.set(opening, findModeline(opening));
    const modeline = modelines.get(opening);
    const schema = `${kind}.schema.json`;
    if (!modeline) {
      yield { file, path: [], line: 1, message: `No \`# yaml-language-server: $schema=…\` comment opens the file, so editors do not check it against ${schema}: \`cop check --fix\` adds it.` };
    } else if (!modeline.ref.split(/[/\\]/).pop()!.startsWith(schema)) {
      yield { file, path: [], line: modeline.line, message: `The \`$schema\` comment names \`${modeline.ref}\`, not ${schema}: \`cop check --fix\` corrects it.` };
    }
  }
}

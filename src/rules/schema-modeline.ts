import type { SchemaKind } from '../schema/validator.js';
import { findModeline } from '../workspace/modeline.js';
import type { Texts } from '../workspace/texts.js';
import { ruleDocsUrl } from './docs.js';
import type { Finding, Rule } from './rule.js';

export const schemaModeline: Rule = {
  meta: {
    id: 'schema-modeline',
    description: 'A data file opens with a `# yaml-language-server: $schema=…` comment naming its own schema, so editors check it as it is typed.',
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('schema-modeline'),
  },
  *checkOrganisation({ org }) {
    if (org.configFile) yield* modelineFindings(org.texts, 'config', [{ file: org.configFile }]);
    if (org.people) yield* modelineFindings(org.texts, 'people', [org.people]);
  },
  *checkCop(cop, { texts }) {
    if (cop.charter) yield* modelineFindings(texts, 'charter', [{ file: cop.charterFile }]);
    yield* modelineFindings(texts, 'meeting', cop.meetings);
    yield* modelineFindings(texts, 'output', cop.outputs);
    yield* modelineFindings(texts, 'review', cop.reviews);
  },
};

/** What an opening gives a file of a kind: nothing to report, or the finding's line and message. */
type Verdict = { line: number; message: string } | undefined;

// Nearly every file of a kind opens the same way (texts.ts interns the openings): judge each opening once.
const verdicts = new Map<SchemaKind, Map<string, Verdict>>();

function verdictOf(kind: SchemaKind, opening: string): Verdict {
  let ofKind = verdicts.get(kind);
  if (ofKind === undefined) verdicts.set(kind, (ofKind = new Map()));
  if (ofKind.has(opening)) return ofKind.get(opening);
  const modeline = findModeline(opening);
  const schema = `${kind}.schema.json`;
  const verdict: Verdict = !modeline
    ? { line: 1, message: `No \`# yaml-language-server: $schema=…\` comment opens the file, so editors do not check it against ${schema}: \`cop check --fix\` adds it.` }
    : !modeline.ref.split(/[/\\]/).pop()!.startsWith(schema)
      ? { line: modeline.line, message: `The \`$schema\` comment names \`${modeline.ref}\`, not ${schema}: \`cop check --fix\` corrects it.` }
      : undefined;
  ofKind.set(opening, verdict);
  return verdict;
}

/** The loaded files of one kind (a broken file's findings are core checks, and it is never fixed) whose opening does not name the kind's schema. */
function* modelineFindings(texts: Texts | undefined, kind: SchemaKind, files: readonly { readonly file: string }[]): Generator<Finding> {
  for (const { file } of files) {
    const opening = texts?.opening(file);
    const verdict = opening === undefined ? undefined : verdictOf(kind, opening);
    if (verdict) yield { file, path: [], line: verdict.line, message: verdict.message };
  }
}

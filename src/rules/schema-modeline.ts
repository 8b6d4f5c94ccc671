import type { SchemaKind } from '../schema/validator.js';
import { findModeline } from '../workspace/modeline.js';
import { ruleDocsUrl } from './docs.js';
import type { Rule } from './rule.js';

export const schemaModeline: Rule = {
  meta: {
    id: 'schema-modeline',
    description: 'A data file opens with a `# yaml-language-server: $schema=…` comment naming its own schema, so editors check it as it is typed.',
    defaultSeverity: 'warn',
    docs: ruleDocsUrl('schema-modeline'),
  },
  *check({ ws }) {
    // The files that loaded (a broken file's findings are core checks, and it is never fixed).
    const loaded: (readonly [file: string, kind: SchemaKind])[] = [
      ...(ws.configFile ? [[ws.configFile, 'config'] as const] : []),
      ...(ws.people ? [[ws.people.file, 'people'] as const] : []),
      ...ws.cops.flatMap((cop) => [...(cop.charter ? [[cop.charterFile, 'charter'] as const] : []), ...cop.meetings.map((m) => [m.file, 'meeting'] as const)]),
    ];
    // Nearly every file opens the same way: read each opening once.
    const modelines = new Map<string, ReturnType<typeof findModeline>>();
    for (const [file, kind] of loaded) {
      const opening = ws.texts?.opening(file);
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
  },
};

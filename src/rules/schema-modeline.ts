import { classifyDataPath } from '../workspace/discover.js';
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
    const loaded = [
      ...(ws.configFile ? [ws.configFile] : []),
      ...(ws.people ? [ws.people.file] : []),
      ...ws.cops.flatMap((cop) => [...(cop.charter ? [cop.charterFile] : []), ...cop.meetings.map((m) => m.file)]),
    ];
    for (const file of loaded) {
      const text = ws.texts?.opening(file);
      const kind = classifyDataPath(file)?.kind;
      if (text === undefined || kind === undefined) continue;
      const schema = `${kind}.schema.json`;
      const modeline = findModeline(text);
      if (!modeline) {
        yield { file, path: [], line: 1, message: `No \`# yaml-language-server: $schema=…\` comment opens the file, so editors do not check it against ${schema}: \`cop check --fix\` adds it.` };
      } else if (!modeline.ref.split(/[/\\]/).pop()!.startsWith(schema)) {
        yield { file, path: [], line: modeline.line, message: `The \`$schema\` comment names \`${modeline.ref}\`, not ${schema}: \`cop check --fix\` corrects it.` };
      }
    }
  },
};

/**
 * Checks built into loading rather than written as rules: they decide whether a file's data can
 * be used at all, so they cannot be switched off or downgraded.
 */
import { ruleDocsUrl } from './docs.js';
import type { RuleMeta } from './rule.js';

export const CORE_CHECKS: readonly RuleMeta[] = [
  { id: 'file', description: 'A data file can be read: text, under 1 MiB, not a link out of the data root.', defaultSeverity: 'error', docs: ruleDocsUrl('file') },
  { id: 'yaml-syntax', description: 'A data file is well-formed, non-empty YAML 1.2 with few aliases.', defaultSeverity: 'error', docs: ruleDocsUrl('yaml-syntax') },
  { id: 'duplicate-key', description: 'No mapping in a data file has the same key twice.', defaultSeverity: 'error', docs: ruleDocsUrl('duplicate-key') },
  { id: 'schema', description: 'A data file matches its JSON Schema (schemas/*.schema.json).', defaultSeverity: 'error', docs: ruleDocsUrl('schema') },
  { id: 'unknown-file', description: 'Every file under cops/ is one cop reads (a charter, a meeting log, a generated README), hidden, or matched by `ignore:` in cop.config.yaml.', defaultSeverity: 'error', docs: ruleDocsUrl('unknown-file') },
];

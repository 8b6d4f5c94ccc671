/**
 * The `yaml` package, loaded on first use. It is the exact parser (positions, its own
 * diagnostics, edits), and a clean `cop check` never needs it: the fast first parse reads every
 * file that has no finding. Loading it costs about as much as the rest of a small repository's
 * run, so it waits until a file has a finding. `yaml` ships CommonJS for Node, so it loads
 * synchronously, as the same instance an `import` elsewhere gets.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let loaded: Yaml | undefined;

export function yamlLib(): Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
}

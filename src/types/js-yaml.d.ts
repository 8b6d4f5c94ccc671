/** The part of js-yaml's API that src/workspace/fast-parse.ts uses (js-yaml ships no types of its own). */
declare module 'js-yaml' {
  export interface ScalarTypeOptions {
    kind: 'scalar';
    resolve: (text: string | null) => boolean;
    construct: (text: string) => unknown;
  }
  export class Type {
    constructor(tag: string, options: ScalarTypeOptions);
  }
  export interface Schema {
    extend(definition: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }
  export const FAILSAFE_SCHEMA: Schema;
  /** `maxDepth`: how deep nodes may nest (js-yaml 4.3: a node at depth `maxDepth` or deeper throws). */
  export function load(text: string, options?: { schema?: Schema; maxDepth?: number }): unknown;
  const jsyaml: { Type: typeof Type; FAILSAFE_SCHEMA: Schema; load: typeof load };
  export default jsyaml;
}

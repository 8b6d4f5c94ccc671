/** What a lint rule is: metadata next to a pure check over the loaded workspace. */
import type { IsoDate } from '../core/dates.js';
import type { Severity } from '../model/diagnostic.js';
import type { ResolvedPolicy } from '../model/policy.js';
import type { Circle, Person } from '../model/schema-types.js';
import type { ReadmeState } from '../readme/check.js';
import type { PathSegment } from '../schema/messages.js';
import type { Texts } from '../workspace/texts.js';
import type { CopFolder, Organisation } from '../workspace/workspace.js';

export interface RuleMeta {
  /** Kebab-case id used in cop.config.yaml `rules:` and in every finding. */
  id: string;
  /** One line for the README's rule table, `--help` and SARIF. */
  description: string;
  defaultSeverity: Severity;
  /** The rule's documentation page (src/rules/docs.ts): SARIF helpUri, JSON findings, stylish links. */
  docs: string;
}

/** A rule's finding before it has a severity and a line: the file and the path of the YAML node. */
export interface Finding {
  file: string;
  path: PathSegment[];
  /** Point at the key rather than the value. */
  atKey?: boolean;
  /** A 1-based line, for a file that is not YAML (CODEOWNERS): used instead of `path`. */
  line?: number;
  message: string;
  /** Lines shown under the message (a generated file's diff): each printed as one escaped value, so data in them never starts a line of its own. */
  detail?: string[];
}

/** What a rule about one CoP reads besides its folder: the day, the policy and who the people are. */
export interface CopContext {
  /** The day the check is made for (`--as-of`, default today). */
  asOf: IsoDate;
  policy: ResolvedPolicy;
  /** The circles a hand-off may name (cop.config.yaml `circles:`, else the policy's three). */
  circles: readonly Circle[];
  /** people.yaml by id; absent when people.yaml is missing or broken (rules about people then stay silent). */
  people?: ReadonlyMap<string, Person>;
  /** The texts of the data files as they were checked. */
  texts?: Texts;
}

export interface OrganisationContext {
  org: Organisation;
  asOf: IsoDate;
  /** people.yaml by id (empty when it is missing or broken). */
  people: ReadonlyMap<string, Person>;
  /** The generated READMEs compared with the data (src/lint/rule-inputs.ts); absent when there are none. */
  readmeStates?: readonly ReadmeState[];
}

/**
 * A rule checks one CoP at a time, the organisation as a whole, or both. What `checkCop` finds must
 * follow from the folder and its context alone: it is run CoP by CoP and cached per CoP.
 */
export interface Rule {
  meta: RuleMeta;
  checkCop?(cop: CopFolder, context: CopContext): Iterable<Finding>;
  checkOrganisation?(context: OrganisationContext): Iterable<Finding>;
}

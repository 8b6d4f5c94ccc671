import type { Config, Policy } from './schema-types.js';

/** The policy with every setting filled in: the seeds' numbers unless cop.config.yaml overrides them. */
export type ResolvedPolicy = Required<Policy>;

/** The seed policy (000) and quality framework (002) defaults. */
export const DEFAULT_POLICY: ResolvedPolicy = {
  min_members: 5,
  min_participants: 5,
  low_participation_months: 2,
  rotation_months: 3,
  refreshments_per_head: 6,
  default_monthly_hours: 4,
  leader: 'rotating',
  membership: 'invite-only',
  anonymise_reports: false,
  inactive_months: 6,
};

export function resolvePolicy(config: Config | undefined): ResolvedPolicy {
  return { ...DEFAULT_POLICY, ...config?.policy };
}

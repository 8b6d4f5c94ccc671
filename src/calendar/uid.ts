/** The right-hand side of the UIDs cop writes: the organisation's name as a slug, so UIDs stay stable and unique per organisation. */
export function uidDomain(organisation: string | undefined): string {
  return (organisation ?? 'cops-as-code').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cops';
}

// Incident categories: police.uk crime types as slugs (name ↔ slug), the local kinds venues and
// officers record, the default crime groups, and default CCHI harm weights (days, City mix).
// The crime groups in force are the flag settings (admin-editable, owned by the flags domain):
// the `groups` here only seed them, and the hotspot presets read the configured ones.
export type CrimeGroup = 'theft' | 'violence'

export interface IncidentCategory {
  slug: string
  label: string
  /** The police.uk CSV "Crime type" name, for police.uk categories. */
  policeUkName?: string
  local?: boolean
  groups: CrimeGroup[]
  /** Cambridge Crime Harm Index, days (City of London mix; local kinds documented in reference-data/harm/README.md). */
  harm: number
}

export const INCIDENT_CATEGORIES: IncidentCategory[] = [
  { slug: 'anti-social-behaviour', label: 'Anti-social behaviour', policeUkName: 'Anti-social behaviour', groups: [], harm: 1 },
  { slug: 'bicycle-theft', label: 'Bicycle theft', policeUkName: 'Bicycle theft', groups: ['theft'], harm: 2 },
  { slug: 'burglary', label: 'Burglary', policeUkName: 'Burglary', groups: [], harm: 190.7 },
  { slug: 'criminal-damage-arson', label: 'Criminal damage and arson', policeUkName: 'Criminal damage and arson', groups: [], harm: 4.94 },
  { slug: 'drugs', label: 'Drugs', policeUkName: 'Drugs', groups: [], harm: 3.39 },
  { slug: 'other-theft', label: 'Other theft', policeUkName: 'Other theft', groups: ['theft'], harm: 2 },
  { slug: 'possession-of-weapons', label: 'Possession of weapons', policeUkName: 'Possession of weapons', groups: [], harm: 273.75 },
  { slug: 'public-order', label: 'Public order', policeUkName: 'Public order', groups: [], harm: 7.5 },
  { slug: 'robbery', label: 'Robbery', policeUkName: 'Robbery', groups: ['theft', 'violence'], harm: 365 },
  { slug: 'shoplifting', label: 'Shoplifting', policeUkName: 'Shoplifting', groups: [], harm: 1 },
  { slug: 'theft-from-the-person', label: 'Theft from the person', policeUkName: 'Theft from the person', groups: ['theft'], harm: 2 },
  { slug: 'vehicle-crime', label: 'Vehicle crime', policeUkName: 'Vehicle crime', groups: [], harm: 5 },
  { slug: 'violent-crime', label: 'Violence and sexual offences', policeUkName: 'Violence and sexual offences', groups: ['violence'], harm: 197.22 },
  { slug: 'other-crime', label: 'Other crime', policeUkName: 'Other crime', groups: [], harm: 10 },
  { slug: 'noise', label: 'Noise', local: true, groups: [], harm: 1 },
  { slug: 'drink-spiking', label: 'Drink spiking', local: true, groups: ['violence'], harm: 365 },
  { slug: 'sexual-harassment', label: 'Sexual harassment', local: true, groups: ['violence'], harm: 10 },
  { slug: 'intoxication', label: 'Intoxication', local: true, groups: [], harm: 1 },
  { slug: 'ejection', label: 'Ejection', local: true, groups: [], harm: 1 }
]

export const CATEGORY_SLUGS = INCIDENT_CATEGORIES.map(c => c.slug)

const bySlug = new Map(INCIDENT_CATEGORIES.map(c => [c.slug, c]))
const byPoliceName = new Map(INCIDENT_CATEGORIES.filter(c => c.policeUkName).map(c => [c.policeUkName!.toLowerCase(), c.slug]))

/** police.uk "Crime type" → slug; unknown (historical) types become a slug of their name (open enum). */
export function categoryFromPoliceUkName (name: string): string | null {
  const known = byPoliceName.get(name.trim().toLowerCase())
  if (known) return known
  const slug = name.trim().toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-+|-+$/g, '')
  return /^[a-z][a-z-]*$/.test(slug) ? slug : null
}

export function categoryLabel (slug: string): string {
  return bySlug.get(slug)?.label ?? slug.replace(/-/g, ' ').replace(/^./, c => c.toUpperCase())
}

/** Default harm weight (CCHI days) for a category; 1 for categories it does not know. */
export function defaultHarmWeight (slug: string): number {
  return bySlug.get(slug)?.harm ?? 1
}

/** The shipped crime groups (robbery counts for both): the flag settings' defaults. */
export const DEFAULT_CRIME_GROUPS: Record<CrimeGroup, string[]> = {
  theft: INCIDENT_CATEGORIES.filter(c => c.groups.includes('theft')).map(c => c.slug),
  violence: INCIDENT_CATEGORIES.filter(c => c.groups.includes('violence')).map(c => c.slug)
}

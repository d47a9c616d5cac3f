// Roles and who may do what; shared so the client shows only what the server allows.
export const ROLES = ['admin', 'licensing_officer', 'police', 'venue_manager', 'responsible_authority'] as const
export type Role = typeof ROLES[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  licensing_officer: 'Licensing officer',
  police: 'Police',
  venue_manager: 'Venue manager',
  responsible_authority: 'Responsible authority'
}

/** People in a role, as a sentence names them ("Notified licensing officers and police"). */
export const ROLE_GROUP_NAMES: Record<Role, string> = {
  admin: 'administrators',
  licensing_officer: 'licensing officers',
  police: 'police',
  venue_manager: 'venue managers',
  responsible_authority: 'responsible authorities'
}

/** Route access: 'public' needs no login; otherwise the roles that may call it. */
export type Access = 'public' | readonly Role[]

export const ALL_ROLES: readonly Role[] = ROLES
/** The licensing team, police and venues: everyone but the other responsible authorities, who see casework and plans only. */
export const ALL_BUT_AUTHORITIES: readonly Role[] = ['admin', 'licensing_officer', 'police', 'venue_manager']
export const OFFICERS: readonly Role[] = ['admin', 'licensing_officer']
export const OFFICERS_AND_POLICE: readonly Role[] = ['admin', 'licensing_officer', 'police']
/** Everyone consulted on applications: officers, police and the other responsible authorities. */
export const CONSULTEES: readonly Role[] = ['admin', 'licensing_officer', 'police', 'responsible_authority']

/**
 * The responsible authorities of Licensing Act 2003 s.13(4). The police have the police role and
 * the licensing authority is its officers; an account with the responsible_authority role speaks
 * for one of the others.
 */
export const ORGANISATIONS = ['police', 'licensing_authority', 'environmental_health', 'fire', 'planning', 'health', 'health_and_safety', 'child_protection', 'trading_standards', 'home_office_immigration'] as const
export type Organisation = typeof ORGANISATIONS[number]
export const AUTHORITY_ORGANISATIONS = ORGANISATIONS.filter(o => o !== 'police' && o !== 'licensing_authority') as Exclude<Organisation, 'police' | 'licensing_authority'>[]

export const ORGANISATION_LABELS: Record<Organisation, string> = {
  police: 'Police',
  licensing_authority: 'Licensing authority',
  environmental_health: 'Environmental health',
  fire: 'Fire and rescue authority',
  planning: 'Planning authority',
  health: 'Director of public health',
  health_and_safety: 'Health and safety',
  child_protection: 'Child protection',
  trading_standards: 'Trading standards',
  home_office_immigration: 'Home Office Immigration Enforcement'
}

/** The name of an organisation as stored (a free string in the database), or the string itself if it is none we know. */
export function organisationLabel (organisation: string): string {
  return (ORGANISATION_LABELS as Record<string, string>)[organisation] ?? organisation
}

/** The organisation an account speaks for as a responsible authority, if it is one. */
export function organisationOf (user: { role: Role; organisation?: string | null }): Organisation | null {
  if (user.role === 'police') return 'police'
  if (user.role === 'licensing_officer' || user.role === 'admin') return 'licensing_authority'
  if (user.role === 'responsible_authority') return (user.organisation ?? null) as Organisation | null
  return null
}

// Roles and who may do what; shared so the client shows only what the server allows.
export const ROLES = ['admin', 'licensing_officer', 'police', 'venue_manager'] as const
export type Role = typeof ROLES[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  licensing_officer: 'Licensing officer',
  police: 'Police',
  venue_manager: 'Venue manager'
}

/** Route access: 'public' needs no login; otherwise the roles that may call it. */
export type Access = 'public' | readonly Role[]

export const ALL_ROLES: readonly Role[] = ROLES
export const OFFICERS: readonly Role[] = ['admin', 'licensing_officer']
export const OFFICERS_AND_POLICE: readonly Role[] = ['admin', 'licensing_officer', 'police']

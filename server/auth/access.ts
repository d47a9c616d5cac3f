// Scoping rules shared by every domain: a venue manager acts only for its own premises.
import type { CurrentUser } from '../plugins/auth.ts'
import { Forbidden } from '../errors.ts'

export function isVenueManager (user: CurrentUser): boolean {
  return user.role === 'venue_manager'
}

export function managesPremises (user: CurrentUser, premisesId: number | null | undefined): boolean {
  return premisesId != null && user.premisesIds.includes(premisesId)
}

/** Throws 403 unless the user is not a venue manager or manages this premises. */
export function assertPremisesAccess (user: CurrentUser, premisesId: number | null | undefined): void {
  if (isVenueManager(user) && !managesPremises(user, premisesId)) {
    throw new Forbidden(`You do not manage premises ${premisesId ?? '(none)'}`)
  }
}

/** For list queries: the premises a venue manager is limited to, or undefined for everyone else. */
export function premisesScope (user: CurrentUser): number[] | undefined {
  return isVenueManager(user) ? user.premisesIds : undefined
}

// Domain errors of casework, each with a readable code the client can act on. The 422s carry
// `details` (the limit reached, the last day) so a screen can say exactly what happened.
import createError from '@fastify/error'

export const PremisesNotFound = createError('PREMISES_NOT_FOUND', 'There is no premises %s', 404)
export const TenNotFound = createError('TEN_NOT_FOUND', 'There is no Temporary Event Notice %s', 404)
export const TenTooLate = createError('TEN_TOO_LATE', '%s', 422)
export const TenLimitReached = createError('TEN_LIMIT_REACHED', '%s', 422)
export const TenObjectionOutOfTime = createError('TEN_OBJECTION_OUT_OF_TIME', '%s', 422)
export const TenDecisionTooLate = createError('TEN_DECISION_TOO_LATE', '%s', 422)
export const CaseStateConflict = createError('CASE_STATE_CONFLICT', '%s', 409)

/** A 422 with details for the client (the error handler sends `details` as it is). */
export function withDetails<E extends Error> (error: E, details: Record<string, unknown>): E {
  return Object.assign(error, { details })
}
export const TenWithdrawalTooLate = createError('TEN_WITHDRAWAL_TOO_LATE', '%s', 422)
export const CaseNotFound = createError('CASE_NOT_FOUND', 'There is no licensing case %s', 404)
export const LicenceApplicationNotFound = createError('LICENCE_APPLICATION_NOT_FOUND', 'There is no licence application %s', 404)
export const RepresentationNotFound = createError('REPRESENTATION_NOT_FOUND', 'There is no representation %s', 404)
export const RepresentationOutOfTime = createError('REPRESENTATION_OUT_OF_TIME', '%s', 422)
export const HearingOutsideWindow = createError('HEARING_OUTSIDE_WINDOW', '%s', 422)
export const HearingNoticeTooShort = createError('HEARING_NOTICE_TOO_SHORT', '%s', 422)
export const ConfirmationLinkInvalid = createError('CONFIRMATION_LINK_INVALID', '%s', 400)

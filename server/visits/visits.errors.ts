// Domain errors of visits and the traffic-light scheme, with readable codes the phone's sync
// queue relies on (a 409 VISIT_CONFLICT or ASSESSMENT_CONFLICT is shown to the officer to resolve).
import createError from '@fastify/error'

export const VisitNotFound = createError('VISIT_NOT_FOUND', 'Visit %s not found', 404)
export const PhotoNotFound = createError('PHOTO_NOT_FOUND', 'Photo %s not found', 404)
export const VisitConflict = createError('VISIT_CONFLICT', '%s', 409)
export const VisitPremisesFixed = createError('VISIT_PREMISES_FIXED', '%s', 409)
export const PhotoConflict = createError('PHOTO_CONFLICT', '%s', 409)
export const AssessmentConflict = createError('ASSESSMENT_CONFLICT', '%s', 409)
export const NotAnAssessmentVisit = createError('NOT_AN_ASSESSMENT_VISIT', '%s', 409)
export const UnsupportedPhotoType = createError('UNSUPPORTED_PHOTO_TYPE', '%s', 415)

/** A 409 carrying what the server holds now, so the officer can compare and choose. */
export function withDetails<E extends Error> (error: E, details: unknown): E & { details: unknown } {
  return Object.assign(error, { details })
}

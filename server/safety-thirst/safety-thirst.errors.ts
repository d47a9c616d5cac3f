// Domain errors of Safety Thirst, with readable codes the client and scripts can rely on.
import createError from '@fastify/error'
import { STATUS_LABELS, type StStatus } from '../../shared/schemas/safety-thirst.ts'

export const ApplicationNotFound = createError('APPLICATION_NOT_FOUND', 'Safety Thirst application %s not found', 404)
export const CriteriaSetNotFound = createError('CRITERIA_SET_NOT_FOUND', 'Criteria set %s not found', 404)
export const CriterionNotFound = createError('CRITERION_NOT_FOUND', '%s', 404)
export const EvidenceNotFound = createError('EVIDENCE_NOT_FOUND', 'Evidence file %s not found', 404)
export const DuplicateApplication = createError('APPLICATION_EXISTS', '%s', 409)
export const IllegalTransition = createError('ILLEGAL_TRANSITION', '%s', 409)
export const AssessmentChanged = createError('ASSESSMENT_CONFLICT', '%s', 409)
export const AssessmentIncomplete = createError('ASSESSMENT_INCOMPLETE', '%s', 409)
export const ModerationRequired = createError('MODERATION_REQUIRED', '%s', 409)
export const ModeratorIsAssessor = createError('MODERATOR_IS_ASSESSOR', '%s', 403)
export const CriteriaSetNotDraft = createError('CRITERIA_SET_NOT_DRAFT', '%s', 409)
export const DraftExists = createError('CRITERIA_DRAFT_EXISTS', '%s', 409)
export const DuplicateCriterion = createError('CRITERION_EXISTS', '%s', 409)
export const NoCertificate = createError('NO_CERTIFICATE', '%s', 409)
export const UnsupportedFileType = createError('UNSUPPORTED_FILE_TYPE', '%s', 415)

/** A 409 that names the application's current state and what was attempted. */
export function illegalTransition (current: StStatus, attempted: string) {
  return new IllegalTransition(`The application is ${STATUS_LABELS[current].toLowerCase()} (status "${current}"), so it cannot be ${attempted}`)
}

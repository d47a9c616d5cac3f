// Domain errors of the plans domain, each with a readable code the client can act on.
import createError from '@fastify/error'

export const PlanNotFound = createError('PLAN_NOT_FOUND', '%s', 404)
export const PlanNotSubmitted = createError('PLAN_NOT_SUBMITTED', '%s', 409)
export const NoisePlanRequired = createError('NOISE_PLAN_REQUIRED', 'The premises has no current (submitted or approved) noise management plan; submit one before applying', 422)
export const DispersalPolicyRequired = createError('DISPERSAL_POLICY_REQUIRED', 'The premises has no current (submitted or approved) dispersal policy; submit one before applying', 422)
export const LicenceApplicationNotFound = createError('LICENCE_APPLICATION_NOT_FOUND', 'There is no licence application %s', 404)
export const InvalidStatusChange = createError('INVALID_STATUS_CHANGE', '%s', 409)

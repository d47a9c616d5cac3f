// Accounts that onboard themselves by email: an administrator's invitation, "forgot password",
// and the one-time link that sets a password for either (docs/mail.md, docs/security.md).
import type { FromSchema } from 'json-schema-to-ts'
import { AUTHORITY_ORGANISATIONS, ROLES } from '../roles.ts'

export const forgotPasswordBody = {
  type: 'object',
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 254, 'x-message': 'Enter the email address you log in with' }
  },
  required: ['email'],
  additionalProperties: false
} as const

/** The same words whether or not the account exists, so the answer gives nothing away. */
export const forgotPasswordResponse = {
  type: 'object',
  properties: { message: { type: 'string' } },
  required: ['message']
} as const

export const setPasswordBody = {
  type: 'object',
  properties: {
    token: { type: 'string', minLength: 1, maxLength: 200, 'x-message': 'This link is not complete: copy the whole link from the email into your browser' },
    password: { type: 'string', maxLength: 1024, 'x-message': 'Choose a password of at least 12 characters' }
  },
  required: ['token', 'password'],
  additionalProperties: false
} as const

export const setPasswordResponse = {
  type: 'object',
  properties: { email: { type: 'string' } },
  required: ['email']
} as const

export const invitationBody = {
  type: 'object',
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254, 'x-message': 'Enter an email address like name@example.com' },
    name: { type: 'string', minLength: 1, maxLength: 200, 'x-message': 'Enter the person\'s name' },
    role: { type: 'string', enum: ROLES, 'x-message': 'Choose the role of the new account' },
    organisation: { type: 'string', enum: AUTHORITY_ORGANISATIONS, 'x-message': 'Choose the organisation this responsible authority account speaks for' },
    premisesIds: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2147483647 }, maxItems: 500, uniqueItems: true }
  },
  required: ['email', 'name', 'role'],
  additionalProperties: false
} as const

export const invitationResponse = {
  type: 'object',
  properties: {
    user: { $ref: 'User#' },
    expiresAt: { type: 'string', format: 'date-time' }
  },
  required: ['user', 'expiresAt']
} as const

export type ForgotPasswordInput = FromSchema<typeof forgotPasswordBody>
export type SetPasswordInput = FromSchema<typeof setPasswordBody>
export type InvitationInput = FromSchema<typeof invitationBody>

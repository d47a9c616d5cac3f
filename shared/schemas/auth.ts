import type { FromSchema } from 'json-schema-to-ts'
import { AUTHORITY_ORGANISATIONS, ROLES } from '../roles.ts'

const organisation = { type: 'string', enum: AUTHORITY_ORGANISATIONS } as const

export const userSchema = {
  $id: 'User',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    organisation: { type: ['string', 'null'] },
    premisesIds: { type: 'array', items: { type: 'integer' } },
    active: { type: 'boolean' }
  },
  required: ['id', 'email', 'name', 'role', 'organisation', 'premisesIds']
} as const

export const loginBody = {
  type: 'object',
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 254, 'x-message': 'Enter the email address you log in with' },
    password: { type: 'string', minLength: 1, maxLength: 1024 }
  },
  required: ['email', 'password'],
  additionalProperties: false
} as const

export const loginResponse = {
  type: 'object',
  properties: { token: { type: 'string' }, expiresAt: { type: 'string' }, user: { $ref: 'User#' } },
  required: ['token', 'user']
} as const

export const createUserBody = {
  type: 'object',
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254, 'x-message': 'Enter an email address like name@example.com' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    role: { type: 'string', enum: ROLES },
    organisation,
    password: { type: 'string', maxLength: 1024, description: 'At least 12 characters and not a common password (checked by the server, which says what to change)' },
    premisesIds: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2147483647 }, maxItems: 500, uniqueItems: true }
  },
  required: ['email', 'name', 'role', 'password'],
  additionalProperties: false
} as const

export const updateUserBody = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    role: { type: 'string', enum: ROLES },
    organisation: { anyOf: [organisation, { type: 'null' }] },
    active: { type: 'boolean' },
    password: { type: 'string', maxLength: 1024, description: 'At least 12 characters and not a common password (checked by the server, which says what to change)' },
    premisesIds: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 2147483647 }, maxItems: 500, uniqueItems: true }
  },
  additionalProperties: false,
  minProperties: 1
} as const

export type User = FromSchema<typeof userSchema>
export type LoginBody = FromSchema<typeof loginBody>
export type NewUser = FromSchema<typeof createUserBody>
export type UserChanges = FromSchema<typeof updateUserBody>

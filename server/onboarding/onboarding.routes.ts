// Accounts that onboard themselves by email: "forgot password" and the reset link (no login),
// the invitation an administrator sends and the link that accepts it (docs/mail.md).
import {
  forgotPasswordBody, forgotPasswordResponse, invitationBody, invitationResponse, setPasswordBody, setPasswordResponse
} from '../../shared/schemas/onboarding.ts'
import { loginRules } from '../auth/auth.public.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { forgotPassword, invite, setPasswordByLink } from './onboarding.service.ts'

const error = { $ref: 'Error#' } as const

const onboardingRoutes: RoutesPlugin = async function onboardingRoutes (app) {
  const rules = loginRules(app.config)

  app.post('/auth/forgot-password', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], security: [], summary: 'Email a one-time link to choose a new password; the same answer whether or not the account exists',
      body: forgotPasswordBody, response: { 202: forgotPasswordResponse, 400: error, 429: error }
    }
  }, async (request, reply) => reply.status(202).send(await forgotPassword(app.db, request.body.email, { address: request.ip, rules })))

  app.post('/auth/reset-password', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], security: [], summary: 'Choose a new password with the token from a reset email (works once, for an hour)',
      body: setPasswordBody, response: { 200: setPasswordResponse, 400: error, 404: error, 410: error }
    }
  }, async request => {
    const { userId, email } = await setPasswordByLink(app.db, 'reset', request.body)
    app.forgetUser(userId)
    return { email }
  })

  app.post('/auth/invitations/accept', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], security: [], summary: 'Choose the password of an invited account with the token from its invitation (works once, for 7 days)',
      body: setPasswordBody, response: { 200: setPasswordResponse, 400: error, 404: error, 410: error }
    }
  }, async request => {
    const { userId, email } = await setPasswordByLink(app.db, 'invitation', request.body)
    app.forgetUser(userId)
    return { email }
  })

  app.post('/users/invitations', {
    config: { access: ['admin'] },
    schema: {
      tags: ['users'], summary: 'Invite a person by email: the account is made and the link in the email sets its password',
      body: invitationBody, response: { 201: invitationResponse, 400: error, 409: error }
    }
  }, async (request, reply) => reply.status(201).send(await invite(app.db, request.user, request.body)))
}

export default onboardingRoutes

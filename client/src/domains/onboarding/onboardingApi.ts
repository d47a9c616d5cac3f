// Calls of the onboarding screens, typed from the OpenAPI document (client/src/api/openapi.ts).
import { api } from '../../api/client.ts'
import type { InvitationInput } from '../../../../shared/schemas/onboarding.ts'

export const onboardingApi = {
  forgotPassword: (email: string) => api('/api/auth/forgot-password', { method: 'POST', body: { email } }),
  resetPassword: (token: string, password: string) => api('/api/auth/reset-password', { method: 'POST', body: { token, password } }),
  acceptInvitation: (token: string, password: string) => api('/api/auth/invitations/accept', { method: 'POST', body: { token, password } }),
  invite: (body: InvitationInput) => api('/api/users/invitations', { method: 'POST', body })
}

// Screens of accounts that onboard themselves: "forgot password" and the pages behind the links
// in invitation and reset emails (no login), and the administrator's invitation form.
import type { AppRoute } from '../../routes.ts'

export const onboardingRoutes: AppRoute[] = [
  { path: '/forgot-password', title: 'Forgot your password?', load: () => import('./ForgotPasswordPage.tsx'), access: 'public' },
  { path: '/reset-password', title: 'Choose a new password', load: () => import('./SetPasswordPage.tsx').then(m => ({ default: m.ResetPasswordPage })), access: 'public' },
  { path: '/invitation', title: 'Choose your password', load: () => import('./SetPasswordPage.tsx').then(m => ({ default: m.InvitationPage })), access: 'public' },
  { path: '/admin/invite', title: 'Invite a user', load: () => import('./InvitePage.tsx'), access: ['admin'], nav: { label: 'Invite a user', order: 96 } }
]

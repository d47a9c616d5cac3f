// Screens of the mail domain: everyone's email preferences, the page behind an email's "Stop …"
// link (no login), the administrator's outbox
// (navigation orders 96 and 99, in the administration group).
import type { AppRoute } from '../../routes.ts'
import { ALL_ROLES } from '../../../../shared/roles.ts'

export const mailRoutes: AppRoute[] = [
  { path: '/account/email', title: 'Email preferences', load: () => import('./PreferencesPage.tsx'), access: ALL_ROLES, nav: { label: 'Email preferences', order: 99 } },
  { path: '/admin/mail', title: 'Email outbox', load: () => import('./OutboxPage.tsx'), access: ['admin'], nav: { label: 'Email outbox', order: 96 } },
  { path: '/unsubscribe', title: 'Stop these emails', load: () => import('./UnsubscribePage.tsx'), access: 'public' },
  { path: '/admin/mail/:id', title: 'Email message', load: () => import('./OutboxMessagePage.tsx'), access: ['admin'] }
]

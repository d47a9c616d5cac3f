// Screens of "Today" (see src/routes.ts for the shape): the home page after login for every role.
import type { AppRoute } from '../../routes.ts'
import { ALL_ROLES } from '../../../../shared/roles.ts'

export const workRoutes: AppRoute[] = [
  { path: '/today', title: 'Today', load: () => import('./TodayPage.tsx'), access: ALL_ROLES, nav: { label: 'Today', order: 1 } }
]

// Screens of the safety-thirst domain (see src/routes.ts for the shape); navigation orders 40–49.
import type { AppRoute } from '../../routes.ts'
import { ALL_BUT_AUTHORITIES, ALL_ROLES } from '../../../../shared/roles.ts'

export const safetyThirstRoutes: AppRoute[] = [
  { path: '/safety-thirst', title: 'Safety Thirst', load: () => import('./DashboardPage.tsx'), access: ALL_ROLES, nav: { label: 'Safety Thirst', order: 40 } },
  { path: '/safety-thirst/applications/:id', title: 'Safety Thirst application', load: () => import('./ApplicationPage.tsx'), access: ALL_BUT_AUTHORITIES },
  { path: '/safety-thirst/scheme', title: 'About the Safety Thirst scheme', load: () => import('./SchemePage.tsx'), access: 'public' },
  { path: '/safety-thirst/criteria', title: 'Safety Thirst criteria', load: () => import('./CriteriaEditorPage.tsx'), access: ['admin'], nav: { label: 'Safety Thirst criteria', order: 45 } }
]

// Screens of the plans domain (see src/routes.ts for the shape); navigation orders 50–59.
import type { AppRoute } from '../../routes.ts'
import { ALL_ROLES, OFFICERS } from '../../../../shared/roles.ts'

const APPLICANTS = ['admin', 'licensing_officer', 'venue_manager'] as const

export const plansRoutes: AppRoute[] = [
  { path: '/plans/queue', load: () => import('./ReviewQueuePage.tsx'), access: OFFICERS, nav: { label: 'Review queue', order: 50 } },
  { path: '/plans', load: () => import('./MyPlansPage.tsx'), access: ['venue_manager'], nav: { label: 'My plans', order: 51 } },
  { path: '/licence-applications', load: () => import('./LicenceApplicationsPage.tsx'), access: APPLICANTS, nav: { label: 'Licence applications', order: 52 } },
  { path: '/licence-applications/:id', load: () => import('./LicenceApplicationPage.tsx'), access: APPLICANTS },
  { path: '/plans/premises/:id', load: () => import('./PremisesPlansPage.tsx'), access: ALL_ROLES },
  { path: '/plans/premises/:id/:kind', load: () => import('./PlanVersionsPage.tsx'), access: ALL_ROLES },
  { path: '/plans/premises/:id/:kind/:version/print', load: () => import('./PlanPrintPage.tsx'), access: ALL_ROLES }
]

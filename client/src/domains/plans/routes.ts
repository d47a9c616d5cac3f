// Screens of the plans domain (see src/routes.ts for the shape); navigation orders 50–59.
import type { AppRoute } from '../../routes.ts'
import { ALL_ROLES, OFFICERS } from '../../../../shared/roles.ts'

const APPLICANTS = ['admin', 'licensing_officer', 'venue_manager'] as const

export const plansRoutes: AppRoute[] = [
  { path: '/plans/queue', title: 'Review queue', load: () => import('./ReviewQueuePage.tsx'), access: OFFICERS, nav: { label: 'Review queue', order: 50 } },
  { path: '/plans', title: 'My plans', load: () => import('./MyPlansPage.tsx'), access: ['venue_manager'], nav: { label: 'My plans', order: 51 } },
  { path: '/licence-applications', title: 'Licence applications', load: () => import('./LicenceApplicationsPage.tsx'), access: APPLICANTS, nav: { label: 'Licence applications', order: 52 } },
  { path: '/licence-applications/:id', title: 'Licence application', load: () => import('./LicenceApplicationPage.tsx'), access: APPLICANTS },
  { path: '/plans/premises/:id', title: 'Plans and licence applications', load: () => import('./PremisesPlansPage.tsx'), access: ALL_ROLES },
  { path: '/plans/premises/:id/:kind', title: 'Plan version history', load: () => import('./PlanVersionsPage.tsx'), access: ALL_ROLES },
  { path: '/plans/premises/:id/:kind/:version/print', title: 'Printable plan', load: () => import('./PlanPrintPage.tsx'), access: ALL_ROLES }
]

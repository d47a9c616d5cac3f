// Screens of the premises domain (see src/routes.ts for the shape). /premises/import comes before
// /premises/:id so the import screen is not read as a premises id.
import type { AppRoute } from '../../routes.ts'
import { ALL_ROLES, OFFICERS } from '../../../../shared/roles.ts'

export const premisesRoutes: AppRoute[] = [
  { path: '/premises', title: 'Premises register', load: () => import('./PremisesList.tsx'), access: ALL_ROLES, nav: { label: 'Premises', order: 20, roles: ['admin', 'licensing_officer', 'police'] } },
  { path: '/my-premises', title: 'My premises', load: () => import('./PremisesList.tsx'), access: ['venue_manager'], nav: { label: 'My premises', order: 21 } },
  { path: '/premises/import', title: 'Import premises', load: () => import('./PremisesImport.tsx'), access: OFFICERS, nav: { label: 'Import premises', order: 28 } },
  { path: '/premises/:id', title: 'Premises', load: () => import('./PremisesPage.tsx'), access: ALL_ROLES },
  { path: '/register', title: 'Public register of premises licences', load: () => import('./PublicRegister.tsx'), access: 'public', nav: { label: 'Public register', order: 25 } },
  { path: '/register/:id', title: 'Public register entry', load: () => import('./PublicPremises.tsx'), access: 'public' }
]

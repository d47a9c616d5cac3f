// Screens of the premises domain (see src/routes.ts for the shape). /premises/import comes before
// /premises/:id so the import screen is not read as a premises id.
import type { AppRoute } from '../../routes.ts'
import { ALL_ROLES, OFFICERS } from '../../../../shared/roles.ts'

export const premisesRoutes: AppRoute[] = [
  { path: '/premises', load: () => import('./PremisesList.tsx'), access: ALL_ROLES, nav: { label: 'Premises', order: 20, roles: ['admin', 'licensing_officer', 'police'] } },
  { path: '/my-premises', load: () => import('./PremisesList.tsx'), access: ['venue_manager'], nav: { label: 'My premises', order: 21 } },
  { path: '/premises/import', load: () => import('./PremisesImport.tsx'), access: OFFICERS, nav: { label: 'Import premises', order: 28 } },
  { path: '/premises/:id', load: () => import('./PremisesPage.tsx'), access: ALL_ROLES },
  { path: '/register', load: () => import('./PublicRegister.tsx'), access: 'public', nav: { label: 'Public register', order: 25 } },
  { path: '/register/:id', load: () => import('./PublicPremises.tsx'), access: 'public' }
]

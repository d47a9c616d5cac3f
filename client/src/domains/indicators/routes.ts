// Screens of the indicators domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'
import { OFFICERS_AND_POLICE } from '../../../../shared/roles.ts'

export const indicatorsRoutes: AppRoute[] = [
  { path: '/indicators', title: 'Safer City Partnership indicators', load: () => import('./IndicatorsPage.tsx'), access: OFFICERS_AND_POLICE, nav: { label: 'Indicators', order: 100 } }
]

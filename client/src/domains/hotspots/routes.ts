// Screens of the hotspots domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'
import { OFFICERS_AND_POLICE } from '../../../../shared/roles.ts'

export const hotspotsRoutes: AppRoute[] = [
  { path: '/hotspots', title: 'Hotspots', load: () => import('./HotspotsPage.tsx'), access: OFFICERS_AND_POLICE, nav: { label: 'Hotspots', order: 60 }, wide: true },
  { path: '/hotspots/briefing', title: 'Hotspot briefing', load: () => import('./BriefingPage.tsx'), access: OFFICERS_AND_POLICE }
]

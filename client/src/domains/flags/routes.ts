// Screens of the flags domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'
import { ALL_BUT_AUTHORITIES, OFFICERS_AND_POLICE } from '../../../../shared/roles.ts'

export const flagsRoutes: AppRoute[] = [
  { path: '/flags', title: 'Flags: rising theft and violence', load: () => import('./FlagsList.tsx'), access: ALL_BUT_AUTHORITIES, nav: { label: 'Flags', order: 70 } },
  { path: '/flags/concentration', title: 'Concentration across venues', load: () => import('./ConcentrationPage.tsx'), access: OFFICERS_AND_POLICE, nav: { label: 'Concentration', order: 71 } },
  { path: '/flags/settings', title: 'Flag settings', load: () => import('./SettingsPage.tsx'), access: ['admin'], nav: { label: 'Flag settings', order: 72 } },
  { path: '/flags/:id', title: 'Flag', load: () => import('./FlagPage.tsx'), access: ALL_BUT_AUTHORITIES }
]

// Every screen, who may open it, and whether it appears in the navigation. Each domain keeps
// its own list in src/domains/<domain>/routes.ts; this file only puts them together.
import type { ComponentType } from 'preact'
import type { Access } from '../../shared/roles.ts'
import { ALL_ROLES, OFFICERS } from '../../shared/roles.ts'
import { premisesRoutes } from './domains/premises/routes.ts'
import { incidentsRoutes } from './domains/incidents/routes.ts'
import { safetyThirstRoutes } from './domains/safety-thirst/routes.ts'
import { plansRoutes } from './domains/plans/routes.ts'
import { hotspotsRoutes } from './domains/hotspots/routes.ts'
import { flagsRoutes } from './domains/flags/routes.ts'
import { caseworkRoutes } from './domains/casework/routes.ts'
import { mailRoutes } from './domains/mail/routes.ts'
import { concernsRoutes } from './domains/concerns/routes.ts'
import { workRoutes } from './domains/work/routes.ts'
import { onboardingRoutes } from './domains/onboarding/routes.ts'
import { indicatorsRoutes } from './domains/indicators/routes.ts'

export interface AppRoute {
  path: string
  /**
   * The page's title ("Title – Nightsafe"), set when the route opens; a page with a record to
   * name refines it with usePageTitle (components/title.ts). Every route's is its own.
   */
  title: string
  load: () => Promise<{ default: ComponentType<any> }>
  access: Access
  /** Shown in the navigation with this label, sorted by order. */
  nav?: { label: string; order: number; roles?: Access }
  /** Full-width page without the side padding (maps). */
  wide?: boolean
}

const coreRoutes: AppRoute[] = [
  { path: '/', title: 'Licensed premises and the night-time economy', load: () => import('./pages/Home.tsx'), access: 'public' },
  { path: '/login', title: 'Log in', load: () => import('./pages/Login.tsx'), access: 'public' },
  { path: '/map', title: 'Map', load: () => import('./pages/MapPage.tsx'), access: ['admin', 'licensing_officer', 'police', 'venue_manager'], nav: { label: 'Map', order: 10 }, wide: true },
  { path: '/notifications', title: 'Notifications', load: () => import('./pages/Notifications.tsx'), access: ALL_ROLES },
  { path: '/audit', title: 'Audit log', load: () => import('./pages/Audit.tsx'), access: OFFICERS, nav: { label: 'Audit log', order: 90 } },
  { path: '/admin/users', title: 'Users', load: () => import('./pages/Users.tsx'), access: ['admin'], nav: { label: 'Users', order: 95 } },
  { path: '/admin/jobs', title: 'Scheduled jobs', load: () => import('./pages/Jobs.tsx'), access: OFFICERS, nav: { label: 'Jobs', order: 97, roles: ['admin'] } }
]

export const routes: AppRoute[] = [
  ...coreRoutes,
  ...workRoutes,
  ...premisesRoutes,
  ...incidentsRoutes,
  ...safetyThirstRoutes,
  ...plansRoutes,
  ...hotspotsRoutes,
  ...flagsRoutes,
  ...caseworkRoutes,
  ...mailRoutes,
  ...concernsRoutes,
  ...onboardingRoutes,
  ...indicatorsRoutes
]

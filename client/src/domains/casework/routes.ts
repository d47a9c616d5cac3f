// Screens of the casework domain (see src/routes.ts for the shape); navigation orders 60–69.
import type { AppRoute } from '../../routes.ts'

const GIVERS = ['venue_manager', 'licensing_officer', 'admin'] as const
const CASE_READERS = ['venue_manager', 'licensing_officer', 'admin', 'police', 'responsible_authority'] as const
const TEN_READERS = ['venue_manager', 'licensing_officer', 'admin', 'police', 'responsible_authority'] as const

export const caseworkRoutes: AppRoute[] = [
  { path: '/tens', title: 'Temporary Event Notices', load: () => import('./TensPage.tsx'), access: TEN_READERS, nav: { label: 'Temporary events', order: 60 } },
  { path: '/tens/new', title: 'Give a Temporary Event Notice', load: () => import('./GiveTenPage.tsx'), access: GIVERS },
  { path: '/cases', title: 'Licensing cases', load: () => import('./CasesPage.tsx'), access: CASE_READERS, nav: { label: 'Licensing cases', order: 61 } },
  { path: '/cases/:id', title: 'Licensing case', load: () => import('./CasePage.tsx'), access: CASE_READERS },
  { path: '/tens/:id', title: 'Temporary Event Notice', load: () => import('./TenPage.tsx'), access: TEN_READERS }
]

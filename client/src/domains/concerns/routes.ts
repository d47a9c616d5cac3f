// Screens of the concerns domain: the public report form, its confirmation and case pages (no
// login), the officers' queue and case (navigation group 80: the queue, and the form for the public).
import type { AppRoute } from '../../routes.ts'
import { OFFICERS_AND_POLICE } from '../../../../shared/roles.ts'

export const concernsRoutes: AppRoute[] = [
  { path: '/report', title: 'Report a concern', load: () => import('./ReportPage.tsx'), access: 'public', nav: { label: 'Report a concern', order: 85 } },
  { path: '/concerns/confirm', title: 'Confirm your report', load: () => import('./ConfirmPage.tsx'), access: 'public' },
  { path: '/concerns/case/:reference', title: 'Your report', load: () => import('./CasePage.tsx'), access: 'public' },
  { path: '/concerns', title: "Residents' concerns", load: () => import('./QueuePage.tsx'), access: OFFICERS_AND_POLICE, nav: { label: "Residents' concerns", order: 80 } },
  { path: '/concerns/:id', title: 'Concern', load: () => import('./ConcernPage.tsx'), access: OFFICERS_AND_POLICE }
]

// Screens of the incidents domain (see src/routes.ts for the shape). /incidents/new and
// /incidents/import come before any parameterised path.
import type { AppRoute } from '../../routes.ts'
import { ALL_ROLES, OFFICERS_AND_POLICE } from '../../../../shared/roles.ts'

export const incidentsRoutes: AppRoute[] = [
  { path: '/incidents', title: 'Incidents', load: () => import('./IncidentsPage.tsx'), access: ALL_ROLES, nav: { label: 'Incidents', order: 30, roles: OFFICERS_AND_POLICE } },
  { path: '/incident-book', title: 'Incident book', load: () => import('./IncidentsPage.tsx'), access: ['venue_manager'], nav: { label: 'Incident book', order: 31 } },
  { path: '/incidents/new', title: 'Record an incident', load: () => import('./RecordIncident.tsx'), access: OFFICERS_AND_POLICE, nav: { label: 'Record incident', order: 32 } },
  { path: '/incidents/import', title: 'Import police.uk street crime', load: () => import('./ImportPoliceUk.tsx'), access: OFFICERS_AND_POLICE, nav: { label: 'Import police.uk', order: 38 } }
]

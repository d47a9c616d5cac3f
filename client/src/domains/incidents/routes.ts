// Screens of the incidents domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'

export const incidentsRoutes: AppRoute[] = []

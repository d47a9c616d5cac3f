// Screens of the premises domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'

export const premisesRoutes: AppRoute[] = []

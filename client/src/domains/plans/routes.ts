// Screens of the plans domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'

export const plansRoutes: AppRoute[] = []

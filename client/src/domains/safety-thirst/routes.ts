// Screens of the safety-thirst domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'

export const safetyThirstRoutes: AppRoute[] = []

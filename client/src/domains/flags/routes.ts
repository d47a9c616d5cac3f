// Screens of the flags domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'

export const flagsRoutes: AppRoute[] = []

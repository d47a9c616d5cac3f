// Screens of the hotspots domain (see src/routes.ts for the shape).
import type { AppRoute } from '../../routes.ts'

export const hotspotsRoutes: AppRoute[] = []

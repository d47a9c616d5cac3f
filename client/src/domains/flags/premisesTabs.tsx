// Tabs the flags domain adds to the premises page (see src/domains/premisesTabs.ts).
import type { PremisesTab } from '../premisesTabs.ts'

export const flagsPremisesTabs: PremisesTab[] = []

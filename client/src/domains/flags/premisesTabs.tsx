// Tabs the flags domain adds to the premises page (see src/domains/premisesTabs.ts).
import type { PremisesTab } from '../premisesTabs.ts'
import { ALL_ROLES } from '../../../../shared/roles.ts'
import { FlagsTab } from './FlagsTab.tsx'

export const flagsPremisesTabs: PremisesTab[] = [{ key: 'flags', label: 'Flags', roles: ALL_ROLES, order: 70, component: FlagsTab }]

// Tabs the plans domain adds to the premises page (see src/domains/premisesTabs.ts).
import type { PremisesTab } from '../premisesTabs.ts'
import { ALL_ROLES } from '../../../../shared/roles.ts'
import { PlansTab } from './PlansTab.tsx'

export const plansPremisesTabs: PremisesTab[] = [{
  key: 'plans',
  label: 'Plans and applications',
  roles: ALL_ROLES,
  order: 30,
  component: ({ premisesId }) => <PlansTab premisesId={premisesId} />
}]

// Tabs the safety-thirst domain adds to the premises page (see src/domains/premisesTabs.ts).
import type { PremisesTab } from '../premisesTabs.ts'
import { ALL_ROLES } from '../../../../shared/roles.ts'
import { SafetyThirstTab } from './SafetyThirstTab.tsx'

export const safetyThirstPremisesTabs: PremisesTab[] = [{
  key: 'safety-thirst',
  label: 'Safety Thirst',
  roles: ALL_ROLES,
  order: 40,
  component: ({ premisesId }) => <SafetyThirstTab premisesId={premisesId} />
}]

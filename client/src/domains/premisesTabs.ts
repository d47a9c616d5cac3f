// Tabs on the premises page that other domains fill (incidents, plans, Safety Thirst, flags).
// Each domain exports its tabs from src/domains/<domain>/premisesTabs.tsx.
import type { ComponentType } from 'preact'
import type { Role } from '../../../shared/roles.ts'
import { incidentsPremisesTabs } from './incidents/premisesTabs.tsx'
import { plansPremisesTabs } from './plans/premisesTabs.tsx'
import { safetyThirstPremisesTabs } from './safety-thirst/premisesTabs.tsx'
import { flagsPremisesTabs } from './flags/premisesTabs.tsx'

export interface PremisesTabProps { premisesId: number; premises: { id: number; name: string; [key: string]: unknown } }

export interface PremisesTab {
  key: string
  label: string
  roles: readonly Role[]
  order: number
  component: ComponentType<PremisesTabProps>
}

export const premisesTabs: PremisesTab[] = [...incidentsPremisesTabs, ...plansPremisesTabs, ...safetyThirstPremisesTabs, ...flagsPremisesTabs].sort((a, b) => a.order - b.order)

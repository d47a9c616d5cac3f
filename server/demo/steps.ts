// The demo steps in order: each domain seeds its own demo data with the context's transaction
// (never opening a transaction of its own). Premises come first; everything else hangs off them.
import type { DemoStep } from './seed.ts'
import { premisesDemoSteps } from '../premises/premises.demo.ts'
import { incidentsDemoSteps } from '../incidents/incidents.demo.ts'
import { safetyThirstDemoSteps } from '../safety-thirst/safety-thirst.demo.ts'
import { plansDemoSteps } from '../plans/plans.demo.ts'
import { flagsDemoSteps } from '../flags/flags.demo.ts'
import { caseworkDemoSteps } from '../casework/casework.demo.ts'
import { concernsDemoSteps } from '../concerns/concerns.demo.ts'

export const demoSteps: DemoStep[] = [
  ...premisesDemoSteps,
  ...incidentsDemoSteps,
  ...safetyThirstDemoSteps,
  ...plansDemoSteps,
  ...flagsDemoSteps,
  ...caseworkDemoSteps,
  ...concernsDemoSteps
]

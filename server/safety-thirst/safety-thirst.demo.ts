// Demo data of the safety-thirst domain, seeded once inside the demo transaction (ctx.db).
import type { DemoStep } from '../demo/seed.ts'

export const safetyThirstDemoSteps: DemoStep[] = []

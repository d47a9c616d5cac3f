// Demo data of the plans domain, seeded once inside the demo transaction (ctx.db).
import type { DemoStep } from '../demo/seed.ts'

export const plansDemoSteps: DemoStep[] = []

// Demo data of the premises domain, seeded once inside the demo transaction (ctx.db).
import type { DemoStep } from '../demo/seed.ts'

export const premisesDemoSteps: DemoStep[] = []

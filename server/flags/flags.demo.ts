// Demo data of the flags domain, seeded once inside the demo transaction (ctx.db).
import type { DemoStep } from '../demo/seed.ts'

export const flagsDemoSteps: DemoStep[] = []

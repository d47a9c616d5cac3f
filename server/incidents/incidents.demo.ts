// Demo data of the incidents domain, seeded once inside the demo transaction (ctx.db).
import type { DemoStep } from '../demo/seed.ts'

export const incidentsDemoSteps: DemoStep[] = []

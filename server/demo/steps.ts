// The demo steps in order: each domain seeds its own demo data with the context's transaction
// (never opening a transaction of its own). Premises come first; everything else hangs off them.
import type { DemoStep } from './seed.ts'

export const demoSteps: DemoStep[] = []

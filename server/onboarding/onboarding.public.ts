// What other domains may use of onboarding: its part of "Today" (server/work gathers every domain's).
export { onboardingWork as workItems } from './onboarding.work.service.ts'

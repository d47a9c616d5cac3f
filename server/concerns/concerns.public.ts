// What other domains may use of concerns: its part of "Today" (server/work gathers every
// domain's), and the monthly counts of concerns about venues and how fast they were answered
// (the partnership's indicators).
export { concernsWork as workItems } from './concerns.work.service.ts'
export { concernsAboutVenuesByMonth, type MonthlyConcerns } from './concerns.monthly.repository.ts'

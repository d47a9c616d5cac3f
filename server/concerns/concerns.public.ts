// What other domains may use of concerns: its part of "Today" (server/work gathers every domain's).
export { concernsWork as workItems } from './concerns.work.service.ts'
